import { settle, textOf } from '../testing/dom';
import { FakeConnector } from '../testing/fake-connector';
import { renderScreen } from '../testing/render-screen';
import { loggedInStatus } from '../testing/status-view';
import { SyncProgressComponent } from './sync-progress.component';

describe('SyncProgressComponent', () => {
  it('shows how far the read has got while it goes on, and nothing after', async () => {
    const connector = new FakeConnector();
    connector.statusAnswer = loggedInStatus();
    const fixture = await renderScreen(SyncProgressComponent, connector);
    expect(textOf(fixture, '.sync-progress')).toBeNull();

    connector.emit({ type: 'progress', operation: 'sync', users: 1234, groups: 56 });
    await settle(fixture);
    expect(textOf(fixture, '.sync-progress')).toBe('Reading the directory… 1,234 users, 56 groups');
    expect(textOf(fixture, '[role="status"]')).toBe(textOf(fixture, '.sync-progress'));

    connector.emit({ type: 'progress', operation: 'sync', users: 2001, groups: 1 });
    await settle(fixture);
    expect(textOf(fixture, '.sync-progress')).toBe('Reading the directory… 2,001 users, 1 group');

    connector.emit({ type: 'operation-finished', operation: 'sync' });
    await settle(fixture);
    expect(textOf(fixture, '.sync-progress')).toBeNull();
  });
});
