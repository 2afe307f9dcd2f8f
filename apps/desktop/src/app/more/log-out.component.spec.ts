import { TestBed } from '@angular/core/testing';

import { ConnectorCallError } from '../../shared/connector-client';
import { AppState } from '../state/app-state.service';
import { click, find, textOf } from '../testing/dom';
import { deferred, FakeConnector } from '../testing/fake-connector';
import { renderScreen } from '../testing/render-screen';
import { loggedInStatus } from '../testing/status-view';
import { LogOutComponent } from './log-out.component';

describe('LogOutComponent', () => {
  async function render() {
    const connector = new FakeConnector();
    const withLogout = Object.assign(connector, {
      // As main: the key is gone, and the status says so.
      logout: jest.fn((): Promise<void> => {
        connector.statusAnswer = { ...connector.statusAnswer, loggedIn: false };
        return Promise.resolve();
      }),
    });
    connector.statusAnswer = loggedInStatus();
    return { connector: withLogout, fixture: await renderScreen(LogOutComponent, connector) };
  }

  const loggedIn = (): boolean | undefined => TestBed.inject(AppState).status()?.loggedIn;

  it('asks first, and logs out only once confirmed; then the status says logged out', async () => {
    const { connector, fixture } = await render();

    await click(fixture, 'button.log-out');
    expect(connector.logout).not.toHaveBeenCalled();
    expect(find(fixture, 'button.log-out').getAttribute('aria-expanded')).toBe('true');
    expect(textOf(fixture, '.confirmation')).toContain('API key is removed');

    await click(fixture, 'button.confirm-log-out');

    expect(connector.logout).toHaveBeenCalledTimes(1);
    expect(loggedIn()).toBe(false);
  });

  it('does nothing when cancelled', async () => {
    const { connector, fixture } = await render();

    await click(fixture, 'button.log-out');
    await click(fixture, 'button.cancel-log-out');

    expect(textOf(fixture, 'button.confirm-log-out')).toBeNull();
    expect(connector.logout).not.toHaveBeenCalled();
    expect(loggedIn()).toBe(true);
    expect(document.activeElement).toBe(find(fixture, 'button.log-out'));
  });

  it('is busy while main logs out', async () => {
    const { connector, fixture } = await render();
    const answer = deferred<void>();
    connector.logout.mockReturnValueOnce(answer.promise);
    await click(fixture, 'button.log-out');

    find(fixture, 'button.confirm-log-out').click();
    fixture.detectChanges();
    expect(find<HTMLButtonElement>(fixture, 'button.confirm-log-out').disabled).toBe(true);
    expect(textOf(fixture, 'button.confirm-log-out')).toBe('Logging out…');
    await fixture.componentInstance.logOut();
    expect(connector.logout).toHaveBeenCalledTimes(1);

    answer.resolve();
    await fixture.whenStable();
  });

  it('shows why the logout failed, and stays logged in', async () => {
    const { connector, fixture } = await render();
    connector.logout.mockRejectedValueOnce(
      new ConnectorCallError({
        message: 'The system keychain is locked.',
        remedy: 'Unlock the keychain, then try again.',
        code: 'SECRET_STORE_LOCKED',
        side: 'storage',
      }),
    );

    await click(fixture, 'button.log-out');
    await click(fixture, 'button.confirm-log-out');

    expect(textOf(fixture, '.failure-message')).toBe('The system keychain is locked.');
    expect(textOf(fixture, '.failure-remedy')).toBe('Unlock the keychain, then try again.');
    expect(loggedIn()).toBe(true);
    expect(find<HTMLButtonElement>(fixture, 'button.confirm-log-out').disabled).toBe(false);
  });
});
