import { fieldLabel, humanised } from './field-labels';

describe('fieldLabel', () => {
  it.each([
    ['hostname', 'Server hostname'],
    ['ssl', 'Use SSL (LDAPS)'],
    ['path', 'Export file'],
    ['overwriteExisting', 'Remove users not in the directory (overwrite)'],
    ['maxRemovals', 'Most members one sync may remove'],
    ['maxRemovalsPercent', 'Most members one sync may remove, as % of the organization'],
    ['schedule', 'Schedule for bwdc serve (cron)'],
  ])("calls %s by upstream's words", (name, label) => {
    expect(fieldLabel(name)).toBe(label);
  });

  it('makes the name of a field it does not know readable', () => {
    expect(fieldLabel('connectTimeoutMs')).toBe('Connect timeout ms');
  });
});

describe('humanised', () => {
  it.each([
    ['tenant', 'Tenant'],
    ['applicationId', 'Application id'],
    ['customerID', 'Customer ID'],
    ['SSLCertPath', 'SSL cert path'],
    ['page_size', 'Page size'],
    ['max-retries', 'Max retries'],
  ])('reads %s as %j', (name, label) => {
    expect(humanised(name)).toBe(label);
  });
});
