import { type ComponentFixture, TestBed } from '@angular/core/testing';

import { AppComponent } from './app.component';
import { CONNECTOR } from './connector.token';
import { click, fillIn, find, textOf } from './testing/dom';
import { CLIENT_ID, FakeConnector, ORGANIZATION_ID } from './testing/fake-connector';

describe('AppComponent', () => {
  let fixture: ComponentFixture<AppComponent>;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [{ provide: CONNECTOR, useValue: new FakeConnector() }],
    });
    fixture = TestBed.createComponent(AppComponent);
    await fixture.whenStable();
  });

  it('opens on the login screen', () => {
    expect(find(fixture, 'bwdc-login')).toBeTruthy();
    expect(textOf(fixture, 'bwdc-server-settings')).toBeNull();
  });

  it('opens the server settings over the login and keeps what was saved', async () => {
    await click(fixture, 'button.server-settings');
    await fillIn(fixture, '#server-url', 'https://bitwarden.example.com');
    await click(fixture, 'button.save');

    expect(textOf(fixture, 'bwdc-server-settings')).toBeNull();
    expect(fixture.componentInstance.serverSettings()).toEqual({
      base: 'https://bitwarden.example.com',
    });

    await click(fixture, 'button.server-settings');
    expect(find<HTMLInputElement>(fixture, '#server-url').value).toBe(
      'https://bitwarden.example.com',
    );
  });

  it('leaves the login screen once logged in', async () => {
    await fillIn(fixture, '#client-id', CLIENT_ID);
    await fillIn(fixture, '#client-secret', 's3cret');
    await click(fixture, 'button.log-in');

    expect(textOf(fixture, 'bwdc-login')).toBeNull();
    expect(textOf(fixture, '.logged-in')).toBe(`Logged in to organization ${ORGANIZATION_ID}.`);
    expect(find(fixture, 'bwdc-test-now button.test-now')).toBeTruthy();
  });
});
