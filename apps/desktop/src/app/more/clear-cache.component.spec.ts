import { TestBed } from '@angular/core/testing';

import { AppState } from '../state/app-state.service';
import { click, find, textOf } from '../testing/dom';
import { FakeConnector } from '../testing/fake-connector';
import { renderScreen } from '../testing/render-screen';
import { loggedInStatus } from '../testing/status-view';
import { ClearCacheComponent } from './clear-cache.component';

const SYNCED = '2025-01-15T10:30:00.000Z';

describe('ClearCacheComponent', () => {
  async function render() {
    const connector = new FakeConnector();
    const withClearCache = Object.assign(connector, {
      // As main: the last syncs are forgotten.
      clearCache: jest.fn((): Promise<void> => {
        connector.statusAnswer = { ...connector.statusAnswer, lastUserSync: null };
        return Promise.resolve();
      }),
    });
    connector.statusAnswer = loggedInStatus({ lastUserSync: SYNCED });
    return {
      connector: withClearCache,
      fixture: await renderScreen(ClearCacheComponent, connector),
    };
  }

  it('explains that the next sync sends everything, and clears once confirmed', async () => {
    const { connector, fixture } = await render();

    await click(fixture, 'button.clear-cache');
    expect(textOf(fixture, '.clear-cache-consequence')).toBe(
      'The next sync reads the whole directory and sends everything to Bitwarden again, even what has not changed.',
    );
    expect(connector.clearCache).not.toHaveBeenCalled();

    await click(fixture, 'button.confirm-clear-cache');

    expect(connector.clearCache).toHaveBeenCalledTimes(1);
    expect(textOf(fixture, '.cache-cleared')).toBe(
      'The sync cache is cleared: the next sync reads and sends everything.',
    );
    expect(textOf(fixture, 'button.confirm-clear-cache')).toBeNull();
    expect(TestBed.inject(AppState).status()?.lastUserSync).toBeNull();
  });

  it('does nothing when cancelled', async () => {
    const { connector, fixture } = await render();

    await click(fixture, 'button.clear-cache');
    await click(fixture, 'button.cancel-clear-cache');

    expect(textOf(fixture, '.confirmation')).toBeNull();
    expect(connector.clearCache).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(find(fixture, 'button.clear-cache'));
  });

  it('shows why clearing failed', async () => {
    const { connector, fixture } = await render();
    connector.clearCache.mockRejectedValueOnce(new Error('The data file is locked.'));

    await click(fixture, 'button.clear-cache');
    await click(fixture, 'button.confirm-clear-cache');

    expect(textOf(fixture, '.failure-message')).toBe('The data file is locked.');
    expect(textOf(fixture, '.failure-remedy')).toBeNull();
    expect(textOf(fixture, '.cache-cleared')).toBeNull();
    expect(TestBed.inject(AppState).status()?.lastUserSync).toBe(SYNCED);
  });
});
