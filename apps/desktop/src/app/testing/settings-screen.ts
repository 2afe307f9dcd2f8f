import { type ComponentFixture, TestBed } from '@angular/core/testing';

import type { SettingsChange, SettingsSaveResult, SettingsView } from '../../shared/settings-view';
import { CONNECTOR } from '../connector.token';
import { SettingsComponent } from '../settings/settings.component';
import { AppState } from '../state/app-state.service';
import { find } from './dom';
import { FakeConnector } from './fake-connector';
import { settingsView } from './settings-view';
import { loggedInStatus } from './status-view';

/** The fake with the settings calls answered as main does when all goes well. */
export function settingsConnector(view: SettingsView = settingsView()) {
  const connector = new FakeConnector();
  connector.statusAnswer = loggedInStatus({ profile: view.profile, profiles: view.profiles });
  return Object.assign(connector, {
    settings: jest.fn((): Promise<SettingsView> => Promise.resolve(view)),
    saveSettings: jest.fn<Promise<SettingsSaveResult>, [SettingsChange]>(() =>
      Promise.resolve({ saved: true }),
    ),
    switchProfile: jest.fn<Promise<void>, [string]>(() => Promise.resolve()),
    addProfile: jest.fn<Promise<void>, [string]>(() => Promise.resolve()),
    removeProfile: jest.fn<Promise<void>, [string]>(() => Promise.resolve()),
    pickFile: jest.fn<Promise<string | null>, [{ readonly title: string }]>(() =>
      Promise.resolve(null),
    ),
    status: jest.fn(() => Promise.resolve(connector.statusAnswer)),
  });
}

export type SettingsConnector = ReturnType<typeof settingsConnector>;

/**
 * The settings screen over the fake, as the shell shows it (AppState listening to main's events),
 * before main has answered the first read.
 */
export async function createSettings(
  connector: FakeConnector,
): Promise<ComponentFixture<SettingsComponent>> {
  TestBed.configureTestingModule({ providers: [{ provide: CONNECTOR, useValue: connector }] });
  await TestBed.inject(AppState).start();
  const fixture = TestBed.createComponent(SettingsComponent);
  fixture.detectChanges();
  return fixture;
}

/** The same, once the settings are on show. */
export async function renderSettings(
  connector: FakeConnector,
): Promise<ComponentFixture<SettingsComponent>> {
  const fixture = await createSettings(connector);
  await fixture.whenStable();
  return fixture;
}

/** The value of the input, select or textarea matching `selector`. */
export function valueOf(fixture: ComponentFixture<unknown>, selector: string): string {
  return find<HTMLInputElement>(fixture, selector).value;
}

/** The texts of the elements matching `selector`, with their white space as a browser shows it. */
export function textsOf(fixture: ComponentFixture<unknown>, selector: string): string[] {
  return Array.from((fixture.nativeElement as HTMLElement).querySelectorAll(selector), (element) =>
    (element.textContent ?? '').trim().replace(/\s+/g, ' '),
  );
}
