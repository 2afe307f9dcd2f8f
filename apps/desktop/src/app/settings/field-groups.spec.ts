import type { DirectoryForm, FieldView } from '../../shared/settings-view';
import { directoryForms, SHARED_SYNC_FIELDS } from '../testing/settings-view';
import { directoryGroups, providerSyncGroups, sharedSyncGroups } from './field-groups';

const textField = (name: string): FieldView => ({
  name,
  kind: 'text',
  options: [],
  nullable: true,
  defaultValue: null,
});

function formOf(type: DirectoryForm['type']): DirectoryForm {
  const form = directoryForms().find((candidate) => candidate.type === type);
  if (form === undefined) {
    throw new Error(`No ${type} form.`);
  }
  return form;
}

const layout = (groups: readonly { title: string; fields: readonly FieldView[] }[]) =>
  groups.map((group) => [group.title, group.fields.map((field) => field.name)]);

describe('directoryGroups', () => {
  it("groups LDAP's fields, the password with the account", () => {
    const groups = directoryGroups(formOf('ldap'));

    expect(layout(groups)).toEqual([
      ['Connection', ['hostname', 'port', 'rootPath', 'ad', 'domain']],
      [
        'TLS',
        [
          'ssl',
          'startTls',
          'sslAllowUnauthorized',
          'sslCaPath',
          'tlsCaPath',
          'sslCertPath',
          'sslKeyPath',
        ],
      ],
      ['Account', ['username', 'currentUser']],
      [
        'Reading the directory',
        ['pagedSearch', 'pageSize', 'includeSystemAccounts', 'primaryGroupMembers'],
      ],
    ]);
    expect(groups.map((group) => group.withSecret)).toEqual([false, false, true, false]);
  });

  it('puts fields the layout does not name in a last group', () => {
    const ldap = formOf('ldap');
    const groups = directoryGroups({ ...ldap, fields: [...ldap.fields, textField('referrals')] });

    expect(layout(groups).at(-1)).toEqual(['Other settings', ['referrals']]);
  });

  it('lays Okta out as its organization (with the token) and how it is read', () => {
    const groups = directoryGroups({
      type: 'okta',
      available: true,
      fields: [textField('orgUrl'), textField('concurrency')],
      syncFields: [],
      secret: { name: 'token', isSet: false },
    });

    expect(layout(groups)).toEqual([
      ['Organization', ['orgUrl']],
      ['Reading the directory', ['concurrency']],
    ]);
    expect(groups[0]?.withSecret).toBe(true);
  });

  it('has no secret for the file directory', () => {
    expect(directoryGroups(formOf('file')).some((group) => group.withSecret)).toBe(false);
  });
});

describe('sync groups', () => {
  it('groups the shared sync options', () => {
    expect(layout(sharedSyncGroups(SHARED_SYNC_FIELDS))).toEqual([
      ['What to sync', ['users', 'groups']],
      ['Schedule', ['interval', 'schedule']],
      ['Filters', ['userFilter', 'groupFilter']],
      [
        'Options',
        ['removeDisabled', 'overwriteExisting', 'largeImport', 'inviteUsersAfterProvisioning'],
      ],
      ['Deletion guard', ['maxRemovals', 'maxRemovalsPercent']],
    ]);
  });

  it("shows every one of LDAP's own sync options", () => {
    const ldap = formOf('ldap');
    const groups = providerSyncGroups(ldap);

    expect(groups.map((group) => group.title)).toEqual(['Directory paths & attributes']);
    expect(groups.flatMap((group) => group.fields.map((field) => field.name)).sort()).toEqual(
      ldap.syncFields.map((field) => field.name).sort(),
    );
  });

  it('has no group for a directory without sync options of its own', () => {
    expect(providerSyncGroups(formOf('file'))).toEqual([]);
  });
});
