import { type ComponentFixture, TestBed } from '@angular/core/testing';

import { AppComponent } from './app.component';
import { CONNECTOR } from './connector.token';
import { LeaveGuard } from './state/leave-guard.service';
import { click, fillIn, find, settle, textOf } from './testing/dom';
import { CLIENT_ID, FakeConnector, ORGANIZATION_ID } from './testing/fake-connector';
import { loggedInStatus } from './testing/status-view';

describe('AppComponent', () => {
  let fixture: ComponentFixture<AppComponent>;
  let connector: FakeConnector;

  beforeEach(async () => {
    connector = new FakeConnector();
    TestBed.configureTestingModule({
      providers: [{ provide: CONNECTOR, useValue: connector }],
    });
    fixture = TestBed.createComponent(AppComponent);
    await fixture.whenStable();
  });

  it('opens on the login screen', () => {
    expect(find(fixture, 'bwdc-login')).toBeTruthy();
    expect(textOf(fixture, 'bwdc-server-settings')).toBeNull();
  });

  it('opens the server settings over the login and saves them to the data file', async () => {
    await click(fixture, 'button.server-settings');
    await fillIn(fixture, '#server-url', 'https://bitwarden.example.com');
    await click(fixture, 'button.save');

    expect(textOf(fixture, 'bwdc-server-settings')).toBeNull();
    expect(connector.servers).toEqual([{ base: 'https://bitwarden.example.com' }]);

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
    expect(textOf(fixture, '.logged-in')).toBe(`Organization ${ORGANIZATION_ID} · profile default`);
    expect(find(fixture, 'bwdc-test-now button.test-now')).toBeTruthy();
  });

  it('goes back to the login when main says the API key is gone (bwdc logout)', async () => {
    await fillIn(fixture, '#client-id', CLIENT_ID);
    await fillIn(fixture, '#client-secret', 's3cret');
    await click(fixture, 'button.log-in');
    connector.statusAnswer = { ...connector.statusAnswer, loggedIn: false };

    connector.emit({ type: 'status-changed' });
    await settle(fixture);

    expect(find(fixture, 'bwdc-login')).toBeTruthy();
  });

  it('switches screens and asks the shown screen before leaving it', async () => {
    connector.statusAnswer = loggedInStatus();
    await fixture.componentInstance.state.refresh();
    await fixture.whenStable();
    let allow = false;
    TestBed.inject(LeaveGuard).register(() => Promise.resolve(allow));

    await click(fixture, 'button.nav-settings');
    expect(find(fixture, 'bwdc-dashboard')).toBeTruthy();

    allow = true;
    await click(fixture, 'button.nav-settings');
    await settle(fixture);
    expect(find(fixture, 'bwdc-settings')).toBeTruthy();
    expect(find(fixture, 'button.nav-settings').getAttribute('aria-current')).toBe('page');
  });
});
