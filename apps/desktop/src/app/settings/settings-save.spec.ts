import type { ComponentFixture } from '@angular/core/testing';

import { ConnectorCallError } from '../../shared/connector-client';
import type { SettingsSaveResult, SettingsView } from '../../shared/settings-view';
import { click, fillIn, find, textOf } from '../testing/dom';
import { deferred } from '../testing/fake-connector';
import { choose } from '../testing/select';
import {
  renderSettings,
  type SettingsConnector,
  settingsConnector,
  textsOf,
  valueOf,
} from '../testing/settings-screen';
import {
  FILE_VALUES,
  LDAP_VALUES,
  SHARED_SYNC_FIELDS,
  SYNC_VALUES,
  settingsView,
} from '../testing/settings-view';
import type { SettingsComponent } from './settings.component';

describe('SettingsComponent: saving', () => {
  let connector: SettingsConnector;
  let fixture: ComponentFixture<SettingsComponent>;

  async function open(view: SettingsView = settingsView()): Promise<void> {
    connector = settingsConnector(view);
    fixture = await renderSettings(connector);
  }

  const texts = (selector: string): string[] => textsOf(fixture, selector);
  const sent = () => connector.saveSettings.mock.calls.map(([change]) => change);

  describe('Save', () => {
    beforeEach(() => open());

    it('saves nothing until Save is pressed', async () => {
      await fillIn(fixture, '#field-directory-hostname', 'dc1.example.com');
      await click(fixture, '#field-directory-startTls');

      expect(connector.saveSettings).not.toHaveBeenCalled();
      fixture.destroy();
      expect(connector.saveSettings).not.toHaveBeenCalled();
    });

    it("sends the chosen directory's fields and the sync options, read as their kinds", async () => {
      await fillIn(fixture, '#field-directory-port', ' 10389 ');
      await fillIn(fixture, '#field-directory-rootPath', '');
      await click(fixture, '#field-directory-startTls');
      await fillIn(fixture, '#field-sync-interval', '7.5');
      await fillIn(fixture, '#field-sync-userFilter', '');
      await fillIn(fixture, '#field-sync-groupFilter', '(cn=Sales)');
      await click(fixture, '#field-sync-removeDisabled');

      await click(fixture, 'button.save-settings');

      expect(sent()).toEqual([
        {
          directoryType: 'ldap',
          directory: { ...LDAP_VALUES, port: 10389, rootPath: null, startTls: true },
          sync: {
            ...SYNC_VALUES,
            interval: 7.5,
            userFilter: null,
            groupFilter: '(cn=Sales)',
            removeDisabled: true,
          },
        },
      ]);
    });

    it('sends the deletion guard limits and the serve schedule, emptied as null', async () => {
      await fillIn(fixture, '#field-sync-maxRemovals', '');
      await fillIn(fixture, '#field-sync-maxRemovalsPercent', '25');
      await fillIn(fixture, '#field-sync-schedule', '0 */6 * * *');

      await click(fixture, 'button.save-settings');

      expect(sent()).toEqual([
        expect.objectContaining({
          sync: {
            ...SYNC_VALUES,
            maxRemovals: null,
            maxRemovalsPercent: 25,
            schedule: '0 */6 * * *',
          },
        }),
      ]);
    });

    it('sends the file directory with the shared sync options alone once it is chosen', async () => {
      await choose(fixture, '#directory-type', 'file');
      await fillIn(fixture, '#field-directory-path', '/srv/exports/users.csv');
      await choose(fixture, '#field-directory-format', 'csv');
      await fillIn(fixture, '#field-directory-delimiter', ';');

      await click(fixture, 'button.save-settings');

      const sharedSync = Object.fromEntries(
        SHARED_SYNC_FIELDS.map((field) => [field.name, SYNC_VALUES[field.name]]),
      );
      expect(sent()).toEqual([
        {
          directoryType: 'file',
          directory: {
            ...FILE_VALUES,
            path: '/srv/exports/users.csv',
            format: 'csv',
            delimiter: ';',
          },
          sync: sharedSync,
        },
      ]);
    });

    it('sends an emptied choice as null: the format then follows the extension', async () => {
      await choose(fixture, '#directory-type', 'file');
      await choose(fixture, '#field-directory-format', 'json');
      await choose(fixture, '#field-directory-format', '');

      await click(fixture, 'button.save-settings');

      expect(sent()[0]?.directory['format']).toBeNull();
    });

    it.each([
      ['#field-directory-port', 'abc', 'Enter a whole number.'],
      ['#field-directory-pageSize', '12.5', 'Enter a whole number.'],
      ['#field-sync-interval', '5 minutes', 'Enter a number.'],
    ])('refuses %s = %j with a message and does not ask main', async (selector, text, message) => {
      await fillIn(fixture, selector, text);
      const key = selector.replace('#field-', '').replace('-', '.');

      expect(textOf(fixture, `[data-error-for="${key}"]`)).toBe(message);
      expect(find(fixture, selector).getAttribute('aria-invalid')).toBe('true');

      await click(fixture, 'button.save-settings');
      expect(connector.saveSettings).not.toHaveBeenCalled();

      await fillIn(fixture, selector, '20');
      expect(textOf(fixture, `[data-error-for="${key}"]`)).toBeNull();
      await click(fixture, 'button.save-settings');
      expect(connector.saveSettings).toHaveBeenCalledTimes(1);
    });

    it('ignores an unreadable field of a directory that is not chosen', async () => {
      await fillIn(fixture, '#field-directory-port', 'abc');
      await choose(fixture, '#directory-type', 'file');
      await fillIn(fixture, '#field-directory-path', '/srv/users.csv');

      await click(fixture, 'button.save-settings');

      expect(sent().map((change) => change.directoryType)).toEqual(['file']);
    });

    it('shows the saved message, reads the saved settings back and refreshes the status', async () => {
      await fillIn(fixture, '#field-directory-hostname', 'dc1.example.com');
      const saved = settingsView({
        directories: { ...settingsView().directories, ldap: { ...LDAP_VALUES, hostname: 'dc1' } },
      });
      connector.settings.mockResolvedValue(saved);
      connector.status.mockClear();

      await click(fixture, 'button.save-settings');

      expect(textOf(fixture, '.saved-message')).toBe('Settings saved.');
      expect(valueOf(fixture, '#field-directory-hostname')).toBe('dc1');
      expect(connector.status).toHaveBeenCalled();
      expect(textOf(fixture, '.unsaved-note')).toBeNull();

      await fillIn(fixture, '#field-directory-hostname', 'dc2');
      expect(textOf(fixture, '.saved-message')).toBeNull();
      expect(textOf(fixture, '.unsaved-note')).toBe('Unsaved changes.');
    });

    it('disables the form and Save while main saves', async () => {
      const answer = deferred<SettingsSaveResult>();
      connector.saveSettings.mockReturnValueOnce(answer.promise);

      // Not `click`: its `whenStable` would wait for this very save.
      find<HTMLButtonElement>(fixture, 'button.save-settings').click();
      fixture.detectChanges();
      expect(find<HTMLButtonElement>(fixture, 'button.save-settings').disabled).toBe(true);
      expect(textOf(fixture, 'button.save-settings')).toBe('Saving…');
      expect(find<HTMLFieldSetElement>(fixture, 'fieldset.editor').disabled).toBe(true);

      answer.resolve({ saved: true });
      await fixture.whenStable();
      expect(find<HTMLButtonElement>(fixture, 'button.save-settings').disabled).toBe(false);
      expect(find<HTMLFieldSetElement>(fixture, 'fieldset.editor').disabled).toBe(false);
    });

    it('shows the message and remedy of a failed save, and keeps the edits', async () => {
      connector.saveSettings.mockRejectedValueOnce(
        new ConnectorCallError({
          message: 'The data file is locked by another process.',
          remedy: 'Try again when bwdc has finished.',
          code: 'DATA_FILE_LOCKED',
          side: 'connector',
        }),
      );
      await fillIn(fixture, '#field-directory-hostname', 'dc1.example.com');

      await click(fixture, 'button.save-settings');

      expect(textOf(fixture, '.failure-message')).toBe(
        'The data file is locked by another process.',
      );
      expect(textOf(fixture, '.failure-remedy')).toBe('Try again when bwdc has finished.');
      expect(textOf(fixture, '.saved-message')).toBeNull();
      expect(valueOf(fixture, '#field-directory-hostname')).toBe('dc1.example.com');
    });
  });

  describe("main's problems", () => {
    beforeEach(() => open());

    it('shows each under its field and the rest in the summary', async () => {
      connector.saveSettings.mockResolvedValueOnce({
        saved: false,
        problems: [
          {
            section: 'directory',
            field: 'hostname',
            message: 'the LDAP server host name is required',
          },
          { section: 'sync', field: 'userPath', message: 'expected a string' },
          { section: 'sync', field: 'legacyOption', message: 'no longer supported' },
          { section: 'directory', field: null, message: 'the settings do not fit together' },
        ],
      });

      await click(fixture, 'button.save-settings');

      expect(textOf(fixture, '[data-problem-for="directory.hostname"]')).toBe(
        'The LDAP server host name is required',
      );
      expect(textOf(fixture, '[data-problem-for="sync.userPath"]')).toBe('Expected a string');
      expect(texts('.settings-problems p')).toEqual([
        'The settings were not saved. Correct the fields marked above.',
      ]);
      expect(texts('.settings-problems li')).toEqual([
        'Legacy option: No longer supported',
        'Directory settings: The settings do not fit together',
      ]);
      expect(textOf(fixture, '.saved-message')).toBeNull();
    });

    it('moves a problem to the summary when its field is no longer on show', async () => {
      connector.saveSettings.mockResolvedValueOnce({
        saved: false,
        problems: [{ section: 'directory', field: 'hostname', message: 'required' }],
      });
      await click(fixture, 'button.save-settings');

      await choose(fixture, '#directory-type', 'file');

      expect(textOf(fixture, '[data-problem-for="directory.hostname"]')).toBeNull();
      expect(texts('.settings-problems li')).toEqual(['Server hostname: Required']);
    });

    it('clears them on the next Save', async () => {
      connector.saveSettings.mockResolvedValueOnce({
        saved: false,
        problems: [{ section: 'directory', field: 'hostname', message: 'required' }],
      });
      await click(fixture, 'button.save-settings');
      await fillIn(fixture, '#field-directory-hostname', 'dc1.example.com');

      await click(fixture, 'button.save-settings');

      expect(textOf(fixture, '[data-problem-for="directory.hostname"]')).toBeNull();
      expect(textOf(fixture, '.settings-problems')).toBeNull();
      expect(textOf(fixture, '.saved-message')).toBe('Settings saved.');
    });
  });

  describe('the password', () => {
    it('is kept when left empty, and says it is stored', async () => {
      await open();

      expect(textOf(fixture, 'label[for="field-secret"]')).toBe('Password');
      expect(find<HTMLInputElement>(fixture, '#field-secret').type).toBe('password');
      expect(find<HTMLInputElement>(fixture, '#field-secret').placeholder).toBe(
        'Stored securely — leave empty to keep',
      );
      await click(fixture, 'button.save-settings');

      expect(sent()[0]).not.toHaveProperty('secret');
    });

    it('is replaced by what is typed, spaces included', async () => {
      await open();

      await fillIn(fixture, '#field-secret', ' n3w pass ');
      await click(fixture, 'button.save-settings');

      expect(sent()[0]?.secret).toBe(' n3w pass ');
    });

    it('is removed when asked, whatever was typed', async () => {
      await open();
      await fillIn(fixture, '#field-secret', 'typed');

      expect(textOf(fixture, 'label:has(#remove-secret)')).toBe('Remove the stored password');
      await click(fixture, '#remove-secret');
      expect(find<HTMLInputElement>(fixture, '#field-secret').disabled).toBe(true);
      await click(fixture, 'button.save-settings');

      expect(sent()[0]?.secret).toBeNull();
    });

    it('offers no removal and no "stored" hint when none is stored', async () => {
      const view = settingsView();
      await open({
        ...view,
        forms: {
          ...view.forms,
          directories: view.forms.directories.map((form) =>
            form.secret ? { ...form, secret: { ...form.secret, isSet: false } } : form,
          ),
        },
      });

      expect(textOf(fixture, '#remove-secret')).toBeNull();
      expect(find<HTMLInputElement>(fixture, '#field-secret').placeholder).toBe('');
    });
  });

  describe('Browse…', () => {
    beforeEach(() => open());

    it('fills the path chosen in the file dialog', async () => {
      connector.pickFile.mockResolvedValueOnce('/etc/ssl/client.pem');

      await click(fixture, 'button.pick-sslCertPath');

      expect(connector.pickFile).toHaveBeenCalledWith({ title: 'Client certificate file' });
      expect(valueOf(fixture, '#field-directory-sslCertPath')).toBe('/etc/ssl/client.pem');
      await click(fixture, 'button.save-settings');
      expect(sent()[0]?.directory['sslCertPath']).toBe('/etc/ssl/client.pem');
    });

    it('leaves the path as it was when the dialog is cancelled', async () => {
      connector.pickFile.mockResolvedValueOnce(null);

      await click(fixture, 'button.pick-sslCaPath');

      expect(valueOf(fixture, '#field-directory-sslCaPath')).toBe('/etc/ssl/ca.pem');
    });

    it('says why the dialog could not open', async () => {
      connector.pickFile.mockRejectedValueOnce(new Error('No display.'));

      await click(fixture, 'button.pick-sslKeyPath');

      expect(textOf(fixture, '.pick-failure')).toBe('No display.');
    });
  });
});
