import type { ComponentFixture } from '@angular/core/testing';

import { ConnectorCallError } from '../../shared/connector-client';
import { click, fillIn, find, textOf } from '../testing/dom';
import { choose } from '../testing/select';
import {
  renderSettings,
  type SettingsConnector,
  settingsConnector,
  valueOf,
} from '../testing/settings-screen';
import { LDAP_VALUES, settingsView } from '../testing/settings-view';
import type { SettingsComponent } from './settings.component';

/** The `staging` profile as main gives it once active. */
const STAGING = settingsView({
  profile: 'staging',
  directories: {
    ...settingsView().directories,
    ldap: { ...LDAP_VALUES, hostname: 'ldap.staging.example.com' },
  },
});

function refused(message: string, remedy: string): ConnectorCallError {
  return new ConnectorCallError({ message, remedy, code: 'PROFILE_ERROR', side: 'connector' });
}

describe('SettingsComponent: profiles', () => {
  let connector: SettingsConnector;
  let fixture: ComponentFixture<SettingsComponent>;

  beforeEach(async () => {
    connector = settingsConnector();
    fixture = await renderSettings(connector);
  });

  const profileOptions = (): string[] =>
    Array.from(find<HTMLSelectElement>(fixture, '#profile').options, (option) => option.value);

  it('lists the profiles with the active one chosen', () => {
    expect(profileOptions()).toEqual(['default', 'staging']);
    expect(valueOf(fixture, '#profile')).toBe('default');
  });

  describe('switching', () => {
    it('makes the profile active and shows its settings', async () => {
      connector.settings.mockResolvedValue(STAGING);
      connector.status.mockClear();

      await choose(fixture, '#profile', 'staging');

      expect(connector.switchProfile.mock.calls).toEqual([['staging']]);
      expect(valueOf(fixture, '#field-directory-hostname')).toBe('ldap.staging.example.com');
      expect(valueOf(fixture, '#profile')).toBe('staging');
      expect(connector.status).toHaveBeenCalled();
    });

    it('asks about unsaved edits first, and stays when the user keeps editing', async () => {
      await fillIn(fixture, '#field-directory-hostname', 'dc1.example.com');

      await choose(fixture, '#profile', 'staging');
      expect(textOf(fixture, '.unsaved-dialog #unsaved-title')).toBe('You have unsaved changes.');
      await click(fixture, 'button.keep-editing');

      expect(connector.switchProfile).not.toHaveBeenCalled();
      expect(valueOf(fixture, '#profile')).toBe('default');
      expect(valueOf(fixture, '#field-directory-hostname')).toBe('dc1.example.com');
    });

    it('switches once the edits are discarded', async () => {
      await fillIn(fixture, '#field-directory-hostname', 'dc1.example.com');
      connector.settings.mockResolvedValue(STAGING);

      await choose(fixture, '#profile', 'staging');
      await click(fixture, 'button.discard-changes');

      expect(connector.switchProfile.mock.calls).toEqual([['staging']]);
      expect(valueOf(fixture, '#field-directory-hostname')).toBe('ldap.staging.example.com');
      expect(connector.saveSettings).not.toHaveBeenCalled();
    });

    it("shows main's refusal and stays on the active profile", async () => {
      connector.switchProfile.mockRejectedValueOnce(
        refused("There is no profile named 'staging'.", 'Use one of: default.'),
      );

      await choose(fixture, '#profile', 'staging');

      expect(textOf(fixture, '.profile-failure .failure-message')).toBe(
        "There is no profile named 'staging'.",
      );
      expect(textOf(fixture, '.profile-failure .failure-remedy')).toBe('Use one of: default.');
      expect(valueOf(fixture, '#profile')).toBe('default');
      expect(valueOf(fixture, '#field-directory-hostname')).toBe('ldap.example.com');
    });
  });

  describe('adding', () => {
    it('adds the named profile and lists it, keeping the edits on the form', async () => {
      await fillIn(fixture, '#field-directory-hostname', 'dc1.example.com');
      connector.settings.mockResolvedValue(
        settingsView({ profiles: ['default', 'staging', 'eu-west'] }),
      );

      await fillIn(fixture, '#new-profile-name', ' eu-west ');
      await click(fixture, 'button.add-profile');

      expect(connector.addProfile.mock.calls).toEqual([['eu-west']]);
      expect(profileOptions()).toEqual(['default', 'staging', 'eu-west']);
      expect(valueOf(fixture, '#profile')).toBe('default');
      expect(valueOf(fixture, '#new-profile-name')).toBe('');
      expect(valueOf(fixture, '#field-directory-hostname')).toBe('dc1.example.com');
      expect(textOf(fixture, '.settings-changed-elsewhere')).toBeNull();
    });

    it("shows main's message about the name, and keeps it to correct", async () => {
      connector.addProfile.mockRejectedValueOnce(
        refused(
          "'eu west' is not a valid profile name.",
          'Use up to 64 letters, digits, dots, dashes or underscores, starting with a letter or digit.',
        ),
      );

      await fillIn(fixture, '#new-profile-name', 'eu west');
      await click(fixture, 'button.add-profile');

      expect(textOf(fixture, '.profile-failure .failure-message')).toBe(
        "'eu west' is not a valid profile name.",
      );
      expect(textOf(fixture, '.profile-failure .failure-remedy')).toBe(
        'Use up to 64 letters, digits, dots, dashes or underscores, starting with a letter or digit.',
      );
      expect(valueOf(fixture, '#new-profile-name')).toBe('eu west');
    });

    it('does not ask main to add a profile without a name', async () => {
      await fillIn(fixture, '#new-profile-name', '  ');
      await click(fixture, 'button.add-profile');

      expect(connector.addProfile).not.toHaveBeenCalled();
    });
  });

  describe('removing the active profile', () => {
    beforeEach(async () => {
      connector.settings.mockResolvedValue(STAGING);
      await choose(fixture, '#profile', 'staging');
      connector.switchProfile.mockClear();
    });

    it('asks first, then switches to default and removes it', async () => {
      connector.settings.mockResolvedValue(settingsView({ profiles: ['default'] }));

      await click(fixture, 'button.remove-profile');
      expect(textOf(fixture, '.remove-confirmation p')).toBe(
        'Remove the profile “staging” and its settings? The connector switches to “default” first.',
      );
      expect(connector.removeProfile).not.toHaveBeenCalled();

      await click(fixture, 'button.confirm-remove-profile');

      expect(connector.switchProfile.mock.calls).toEqual([['default']]);
      expect(connector.removeProfile.mock.calls).toEqual([['staging']]);
      expect(profileOptions()).toEqual(['default']);
      expect(valueOf(fixture, '#field-directory-hostname')).toBe('ldap.example.com');
      expect(find<HTMLButtonElement>(fixture, 'button.remove-profile').disabled).toBe(true);
    });

    it('does nothing when the question is cancelled', async () => {
      await click(fixture, 'button.remove-profile');
      await click(fixture, 'button.cancel-remove-profile');

      expect(textOf(fixture, '.remove-confirmation')).toBeNull();
      expect(connector.switchProfile).not.toHaveBeenCalled();
      expect(connector.removeProfile).not.toHaveBeenCalled();
    });

    it('keeps it when the user keeps editing the unsaved changes', async () => {
      await fillIn(fixture, '#field-directory-hostname', 'dc1.example.com');

      await click(fixture, 'button.remove-profile');
      await click(fixture, 'button.confirm-remove-profile');
      await click(fixture, 'button.keep-editing');

      expect(connector.switchProfile).not.toHaveBeenCalled();
      expect(connector.removeProfile).not.toHaveBeenCalled();
    });

    it("shows main's refusal, on the profile it switched to", async () => {
      connector.settings.mockResolvedValue(settingsView());
      connector.removeProfile.mockRejectedValueOnce(
        refused('The data file is locked.', 'Try again when bwdc has finished.'),
      );

      await click(fixture, 'button.remove-profile');
      await click(fixture, 'button.confirm-remove-profile');

      expect(textOf(fixture, '.profile-failure .failure-message')).toBe('The data file is locked.');
      expect(textOf(fixture, '.profile-failure .failure-remedy')).toBe(
        'Try again when bwdc has finished.',
      );
      expect(valueOf(fixture, '#profile')).toBe('default');
    });
  });
});
