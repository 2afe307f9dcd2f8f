import type { ComponentFixture } from '@angular/core/testing';

import { ConnectorCallError } from '../../shared/connector-client';
import type { FieldView, SettingsView } from '../../shared/settings-view';
import { click, fillIn, find, textOf } from '../testing/dom';
import { deferred } from '../testing/fake-connector';
import { choose } from '../testing/select';
import {
  createSettings,
  renderSettings,
  type SettingsConnector,
  settingsConnector,
  textsOf,
  valueOf,
} from '../testing/settings-screen';
import {
  LDAP_FIELDS,
  LDAP_SYNC_FIELDS,
  LDAP_VALUES,
  SHARED_SYNC_FIELDS,
  SYNC_VALUES,
  settingsView,
} from '../testing/settings-view';
import type { SettingsComponent } from './settings.component';

describe('SettingsComponent', () => {
  let connector: SettingsConnector;
  let fixture: ComponentFixture<SettingsComponent>;

  async function open(view: SettingsView = settingsView()): Promise<void> {
    connector = settingsConnector(view);
    fixture = await renderSettings(connector);
  }

  const texts = (selector: string): string[] => textsOf(fixture, selector);

  /** What an input shows for a stored value: checked for a flag, the text otherwise. */
  function expectShown(selector: string, value: unknown): void {
    if (typeof value === 'boolean') {
      expect(find<HTMLInputElement>(fixture, selector).checked).toBe(value);
    } else {
      expect(valueOf(fixture, selector)).toBe(value === null ? '' : String(value));
    }
  }

  describe('loading', () => {
    it('says it is loading until main answers', async () => {
      connector = settingsConnector();
      const answer = deferred<SettingsView>();
      connector.settings.mockReturnValueOnce(answer.promise);
      fixture = await createSettings(connector);

      expect(textOf(fixture, '.loading')).toBe('Loading settings…');
      expect(textOf(fixture, '#directory-type')).toBeNull();

      answer.resolve(settingsView());
      await fixture.whenStable();
      expect(textOf(fixture, '.loading')).toBeNull();
      expect(valueOf(fixture, '#field-directory-hostname')).toBe('ldap.example.com');
    });

    it('shows why the settings could not be read, and reads them again on Retry', async () => {
      connector = settingsConnector();
      connector.settings.mockRejectedValueOnce(
        new ConnectorCallError({
          message: 'The data file could not be read.',
          remedy: 'Check its permissions.',
          code: 'DATA_FILE_UNREADABLE',
          side: 'connector',
        }),
      );
      fixture = await renderSettings(connector);

      expect(textOf(fixture, '.load-failure .failure-message')).toBe(
        'The data file could not be read.',
      );
      expect(textOf(fixture, '.load-failure .failure-remedy')).toBe('Check its permissions.');
      expect(textOf(fixture, '#directory-type')).toBeNull();

      await click(fixture, 'button.retry');

      expect(textOf(fixture, '.load-failure')).toBeNull();
      expect(valueOf(fixture, '#field-directory-hostname')).toBe('ldap.example.com');
    });
  });

  describe('the LDAP form', () => {
    beforeEach(() => open());

    it('shows every directory field with its stored value', () => {
      for (const field of LDAP_FIELDS) {
        expectShown(`#field-directory-${field.name}`, LDAP_VALUES[field.name]);
      }
    });

    it("shows the shared sync options and LDAP's own with their values", () => {
      for (const field of [...SHARED_SYNC_FIELDS, ...LDAP_SYNC_FIELDS]) {
        expectShown(`#field-sync-${field.name}`, SYNC_VALUES[field.name]);
      }
    });

    it('labels the fields in words and groups them', () => {
      expect(textOf(fixture, 'label[for="field-directory-hostname"]')).toBe('Server hostname');
      expect(textOf(fixture, 'label[for="field-directory-rootPath"]')).toBe('Root path');
      expect(textOf(fixture, 'label:has(#field-directory-ssl)')).toBe('Use SSL (LDAPS)');
      expect(textOf(fixture, 'label:has(#field-sync-overwriteExisting)')).toBe(
        'Remove users not in the directory (overwrite)',
      );
      expect(textOf(fixture, 'label[for="field-sync-interval"]')).toBe('Interval (minutes)');
      expect(texts('legend')).toEqual([
        'Connection',
        'TLS',
        'Account',
        'Reading the directory',
        'What to sync',
        'Schedule',
        'Filters',
        'Options',
        'Deletion guard',
        'Directory paths & attributes',
      ]);
    });

    it('shows the deletion guard and the serve schedule with words and help', () => {
      expect(textOf(fixture, 'label[for="field-sync-maxRemovals"]')).toBe(
        'Most members one sync may remove',
      );
      expect(textOf(fixture, 'label[for="field-sync-maxRemovalsPercent"]')).toBe(
        'Most members one sync may remove, as % of the organization',
      );
      expect(textOf(fixture, 'label[for="field-sync-schedule"]')).toBe(
        'Schedule for bwdc serve (cron)',
      );
      const limit = find<HTMLInputElement>(fixture, '#field-sync-maxRemovals');
      expect(limit.value).toBe('10');
      const help = find(fixture, `#${limit.getAttribute('aria-describedby') ?? 'none'}`);
      expect(help.textContent).toContain('The deletion guard');
      expect(find(fixture, '#field-sync-schedule-help').textContent).toContain('bwdc serve');
      expect(find(fixture, '#field-sync-interval').getAttribute('aria-describedby')).toBeNull();
    });

    it('shows examples and defaults where an empty field would say nothing', () => {
      expect(find<HTMLInputElement>(fixture, '#field-directory-hostname').placeholder).toBe(
        'ex. ad.company.com',
      );
      expect(find<HTMLInputElement>(fixture, '#field-directory-port').placeholder).toBe(
        'Default: 389',
      );
      expect(find<HTMLInputElement>(fixture, '#field-directory-domain').placeholder).toBe('');
    });

    it('writes the filters in wide boxes', () => {
      expect(find(fixture, '#field-sync-userFilter').tagName).toBe('TEXTAREA');
      expect(find(fixture, '#field-sync-groupFilter').tagName).toBe('TEXTAREA');
    });

    it('lists every directory type, those still to come disabled', () => {
      const options = Array.from(find<HTMLSelectElement>(fixture, '#directory-type').options);
      expect(
        options.map((option) => [option.value, option.textContent?.trim(), option.disabled]),
      ).toEqual([
        ['ldap', 'LDAP / Active Directory', false],
        ['entra', 'Microsoft Entra ID (coming)', true],
        ['gsuite', 'Google Workspace (coming)', true],
        ['okta', 'Okta (coming)', true],
        ['onelogin', 'OneLogin (coming)', true],
        ['file', 'File (CSV, JSON, LDIF)', false],
      ]);
      expect(valueOf(fixture, '#directory-type')).toBe('ldap');
    });

    it("shows the file directory's form once chosen, without LDAP's fields", async () => {
      await choose(fixture, '#directory-type', 'file');

      expect(textOf(fixture, '#field-directory-hostname')).toBeNull();
      expect(textOf(fixture, '#field-sync-userPath')).toBeNull();
      expect(textOf(fixture, '#field-secret')).toBeNull();
      expect(textOf(fixture, 'label[for="field-directory-path"]')).toBe('Export file');
      expect(valueOf(fixture, '#field-directory-delimiter')).toBe(',');
      expect(texts('#field-directory-format option')).toEqual([
        '(automatic)',
        'csv',
        'json',
        'ldif',
      ]);
      expect(valueOf(fixture, '#field-directory-format')).toBe('');
      expect(find(fixture, '#field-sync-users')).toBeTruthy();
    });

    it('keeps what was typed for LDAP when the type is switched back', async () => {
      await fillIn(fixture, '#field-directory-hostname', 'dc1.example.com');
      await choose(fixture, '#directory-type', 'file');
      await choose(fixture, '#directory-type', 'ldap');

      expect(valueOf(fixture, '#field-directory-hostname')).toBe('dc1.example.com');
    });
  });

  it('shows a field a later provider adds, under its name made readable', async () => {
    const view = settingsView();
    const timeout: FieldView = {
      name: 'connectTimeoutMs',
      kind: 'integer',
      options: [],
      nullable: false,
      defaultValue: 10000,
    };
    await open({
      ...view,
      directories: { ...view.directories, ldap: { ...LDAP_VALUES, connectTimeoutMs: 5000 } },
      forms: {
        ...view.forms,
        directories: view.forms.directories.map((form) =>
          form.type === 'ldap' ? { ...form, fields: [...form.fields, timeout] } : form,
        ),
      },
    });

    expect(textOf(fixture, 'label[for="field-directory-connectTimeoutMs"]')).toBe(
      'Connect timeout ms',
    );
    expect(valueOf(fixture, '#field-directory-connectTimeoutMs')).toBe('5000');
    expect(texts('legend')).toContain('Other settings');
  });
});
