import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';

import type { SettingsView } from '../../shared/settings-view';
import { LeaveGuard } from '../state/leave-guard.service';
import { click, fillIn, settle, textOf } from '../testing/dom';
import { choose } from '../testing/select';
import {
  renderSettings,
  type SettingsConnector,
  settingsConnector,
  valueOf,
} from '../testing/settings-screen';
import { LDAP_VALUES, settingsView } from '../testing/settings-view';
import type { SettingsComponent } from './settings.component';

/** The same settings with the LDAP hostname changed, as `bwdc config` would leave them. */
function withHostname(hostname: string): SettingsView {
  const view = settingsView();
  return { ...view, directories: { ...view.directories, ldap: { ...LDAP_VALUES, hostname } } };
}

describe('SettingsComponent: unsaved changes', () => {
  let connector: SettingsConnector;
  let fixture: ComponentFixture<SettingsComponent>;
  let guard: LeaveGuard;

  beforeEach(async () => {
    connector = settingsConnector();
    fixture = await renderSettings(connector);
    guard = TestBed.inject(LeaveGuard);
  });

  /** Asks the guard as the shell does before leaving, and lets the dialog show. */
  async function askToLeave(): Promise<{ readonly answer: Promise<boolean> }> {
    const answer = guard.canLeave();
    await fixture.whenStable();
    return { answer };
  }

  describe('leaving the screen', () => {
    it('is fine without asking when nothing was edited', async () => {
      await expect(guard.canLeave()).resolves.toBe(true);
      expect(textOf(fixture, '.unsaved-dialog')).toBeNull();
    });

    it('is fine when an edit was undone', async () => {
      await fillIn(fixture, '#field-directory-hostname', 'dc1.example.com');
      await fillIn(fixture, '#field-directory-hostname', 'ldap.example.com');
      await choose(fixture, '#directory-type', 'file');
      await choose(fixture, '#directory-type', 'ldap');

      await expect(guard.canLeave()).resolves.toBe(true);
    });

    it('asks first when there are edits, and stays to keep editing', async () => {
      await fillIn(fixture, '#field-directory-hostname', 'dc1.example.com');

      const { answer } = await askToLeave();
      expect(textOf(fixture, '.unsaved-dialog #unsaved-title')).toBe('You have unsaved changes.');

      await click(fixture, 'button.keep-editing');

      await expect(answer).resolves.toBe(false);
      expect(textOf(fixture, '.unsaved-dialog')).toBeNull();
      expect(valueOf(fixture, '#field-directory-hostname')).toBe('dc1.example.com');
    });

    it('leaves and forgets the edits when they are discarded', async () => {
      await fillIn(fixture, '#field-directory-hostname', 'dc1.example.com');
      await click(fixture, '#field-sync-users');

      const { answer } = await askToLeave();
      await click(fixture, 'button.discard-changes');

      await expect(answer).resolves.toBe(true);
      expect(valueOf(fixture, '#field-directory-hostname')).toBe('ldap.example.com');
      await expect(guard.canLeave()).resolves.toBe(true);
      expect(connector.saveSettings).not.toHaveBeenCalled();
    });

    it('counts a changed directory type and a typed password as edits', async () => {
      await choose(fixture, '#directory-type', 'file');
      const { answer: typeAnswer } = await askToLeave();
      await click(fixture, 'button.discard-changes');
      await expect(typeAnswer).resolves.toBe(true);
      expect(valueOf(fixture, '#directory-type')).toBe('ldap');

      await fillIn(fixture, '#field-secret', 'new password');
      const { answer: secretAnswer } = await askToLeave();
      await click(fixture, 'button.keep-editing');
      await expect(secretAnswer).resolves.toBe(false);
    });

    it('is fine again once the edits are saved', async () => {
      await fillIn(fixture, '#field-directory-hostname', 'dc1.example.com');
      connector.settings.mockResolvedValue(withHostname('dc1.example.com'));

      await click(fixture, 'button.save-settings');

      await expect(guard.canLeave()).resolves.toBe(true);
    });

    it('stops asking once the screen is gone', async () => {
      await fillIn(fixture, '#field-directory-hostname', 'dc1.example.com');

      fixture.destroy();

      await expect(guard.canLeave()).resolves.toBe(true);
    });
  });

  describe('settings changed elsewhere', () => {
    async function changedByBwdc(view: SettingsView): Promise<void> {
      connector.settings.mockResolvedValue(view);
      connector.emit({ type: 'settings-changed' });
      await settle(fixture);
    }

    it('shows the new settings at once when nothing was edited', async () => {
      await changedByBwdc(withHostname('dc9.example.com'));

      expect(valueOf(fixture, '#field-directory-hostname')).toBe('dc9.example.com');
      expect(textOf(fixture, '.settings-changed-elsewhere')).toBeNull();
    });

    it('keeps the edits and offers to reload them when something was edited', async () => {
      await fillIn(fixture, '#field-directory-port', '10389');

      await changedByBwdc(withHostname('dc9.example.com'));

      expect(textOf(fixture, '.settings-changed-elsewhere p')).toBe(
        'The settings were changed outside this window (for example with bwdc).',
      );
      expect(valueOf(fixture, '#field-directory-port')).toBe('10389');
      expect(valueOf(fixture, '#field-directory-hostname')).toBe('ldap.example.com');

      await click(fixture, 'button.reload-settings');

      expect(textOf(fixture, '.settings-changed-elsewhere')).toBeNull();
      expect(valueOf(fixture, '#field-directory-hostname')).toBe('dc9.example.com');
      expect(valueOf(fixture, '#field-directory-port')).toBe('636');
      await expect(guard.canLeave()).resolves.toBe(true);
    });

    it('says nothing when the settings read are those on the form (this window saved them)', async () => {
      await fillIn(fixture, '#field-directory-port', '10389');

      await changedByBwdc(settingsView());

      expect(textOf(fixture, '.settings-changed-elsewhere')).toBeNull();
      expect(valueOf(fixture, '#field-directory-port')).toBe('10389');
    });
  });
});
