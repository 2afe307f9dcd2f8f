import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { BITWARDEN_EU_CLOUD, BITWARDEN_US_CLOUD } from '@bwdc/core';

import { click, fillIn, find, textOf } from '../testing/dom';
import { CLOUD_PRESETS, type ServerSettings } from './server-settings';
import { ServerSettingsComponent } from './server-settings.component';

describe('ServerSettingsComponent', () => {
  let fixture: ComponentFixture<ServerSettingsComponent>;
  let saved: ServerSettings[];

  async function open(initial: ServerSettings | null = null): Promise<void> {
    fixture = TestBed.createComponent(ServerSettingsComponent);
    fixture.componentRef.setInput('initial', initial);
    saved = [];
    fixture.componentInstance.saved.subscribe((settings) => saved.push(settings));
    await fixture.whenStable();
  }

  const saveButton = (): HTMLButtonElement => find(fixture, 'button.save');
  const chooseMode = (mode: 'server' | 'custom'): Promise<void> =>
    click(fixture, `input[type="radio"][value="${mode}"]`);

  it('starts with one server URL to fill in', async () => {
    await open();

    expect(find<HTMLInputElement>(fixture, 'input[value="server"]').checked).toBe(true);
    expect(find<HTMLInputElement>(fixture, '#server-url').value).toBe('');
    expect(textOf(fixture, '#api-url')).toBeNull();
    expect(saveButton().disabled).toBe(true);
  });

  it('saves a self-hosted server, normalised', async () => {
    await open();

    await fillIn(fixture, '#server-url', ' bitwarden.example.com/ ');
    await click(fixture, 'button.save');

    expect(saved).toEqual([{ base: 'https://bitwarden.example.com' }]);
  });

  it.each([
    ['', 'Enter the server URL.'],
    [
      'http://bitwarden.example.com',
      'Use https: plain http is allowed only for a server on this machine (localhost).',
    ],
    [
      'https://bitwarden.example.com/?a=b',
      'Enter a URL such as https://bitwarden.example.com, without a query or credentials.',
    ],
  ])('refuses %j and says why', async (url, message) => {
    await open();

    await fillIn(fixture, '#server-url', url);

    expect(textOf(fixture, '#server-url-error')).toBe(message);
    expect(saveButton().disabled).toBe(true);
  });

  it('allows plain http to a server on this machine', async () => {
    await open();

    await fillIn(fixture, '#server-url', 'http://localhost:8080');
    await click(fixture, 'button.save');

    expect(saved).toEqual([{ base: 'http://localhost:8080' }]);
  });

  it('saves separate API and identity URLs, both required', async () => {
    await open();
    await chooseMode('custom');

    await fillIn(fixture, '#api-url', 'https://api.example.com');
    await fillIn(fixture, '#identity-url', '');
    expect(textOf(fixture, '#identity-url-error')).toBe('Enter the identity server URL.');
    expect(saveButton().disabled).toBe(true);

    await fillIn(fixture, '#identity-url', 'https://identity.example.com/');
    await click(fixture, 'button.save');

    expect(saved).toEqual([
      { api: 'https://api.example.com', identity: 'https://identity.example.com' },
    ]);
  });

  it('ignores the fields of the mode not chosen', async () => {
    await open();
    await fillIn(fixture, '#server-url', 'http://not-secure.example.com');
    await chooseMode('custom');
    await fillIn(fixture, '#api-url', 'https://api.example.com');
    await fillIn(fixture, '#identity-url', 'https://identity.example.com');

    await click(fixture, 'button.save');

    expect(saved).toEqual([
      { api: 'https://api.example.com', identity: 'https://identity.example.com' },
    ]);
  });

  it.each([
    ['us', 'button.preset-us'],
    ['eu', 'button.preset-eu'],
  ] as const)('fills in the %s cloud', async (preset, button) => {
    await open({ base: 'https://bitwarden.example.com' });

    await click(fixture, button);

    expect(find<HTMLInputElement>(fixture, 'input[value="custom"]').checked).toBe(true);
    expect(find<HTMLInputElement>(fixture, '#api-url').value).toBe(CLOUD_PRESETS[preset].api);
    expect(find<HTMLInputElement>(fixture, '#identity-url').value).toBe(
      CLOUD_PRESETS[preset].identity,
    );
    await click(fixture, 'button.save');
    expect(saved).toEqual([CLOUD_PRESETS[preset]]);
  });

  // The renderer keeps a copy of the core's cloud hosts; this holds the two together.
  it('offers the clouds libs/core knows', () => {
    const asPreset = ({ apiUrl, identityUrl }: typeof BITWARDEN_US_CLOUD): ServerSettings => ({
      api: apiUrl,
      identity: identityUrl,
    });
    expect(CLOUD_PRESETS).toEqual({
      us: asPreset(BITWARDEN_US_CLOUD),
      eu: asPreset(BITWARDEN_EU_CLOUD),
    });
  });

  it('opens on the settings in force', async () => {
    await open({ api: 'https://api.example.com', identity: 'https://identity.example.com' });

    expect(find<HTMLInputElement>(fixture, 'input[value="custom"]').checked).toBe(true);
    expect(find<HTMLInputElement>(fixture, '#api-url').value).toBe('https://api.example.com');
    expect(saveButton().disabled).toBe(false);
  });

  it('can be cancelled', async () => {
    await open();
    const cancelled = jest.fn();
    fixture.componentInstance.cancelled.subscribe(cancelled);

    await click(fixture, 'button.cancel');

    expect(cancelled).toHaveBeenCalledTimes(1);
    expect(saved).toEqual([]);
  });
});
