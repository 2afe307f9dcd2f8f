import { find, settle, textOf } from '../testing/dom';
import { FakeConnector } from '../testing/fake-connector';
import { renderScreen } from '../testing/render-screen';
import { loggedInStatus } from '../testing/status-view';
import { DashboardComponent } from './dashboard.component';

describe('DashboardComponent', () => {
  it('shows the sync status, controls, history, Preview and Test now, and the progress of a read', async () => {
    const connector = new FakeConnector();
    connector.statusAnswer = loggedInStatus();
    const fixture = await renderScreen(DashboardComponent, connector);

    expect(textOf(fixture, '.last-user-sync')).toBe('Never');
    expect(find(fixture, 'button.sync-now')).toBeTruthy();
    expect(textOf(fixture, '.no-runs')).toBe('No runs yet.');
    expect(find(fixture, 'bwdc-plan-preview button.preview-changes')).toBeTruthy();
    expect(find(fixture, 'bwdc-test-now button.test-now')).toBeTruthy();

    connector.emit({ type: 'progress', operation: 'test', users: 1234, groups: 5 });
    await settle(fixture);
    expect(textOf(fixture, '.sync-progress')).toBe('Reading the directory… 1,234 users, 5 groups');

    connector.emit({ type: 'operation-finished', operation: 'test' });
    await settle(fixture);
    expect(textOf(fixture, '.sync-progress')).toBeNull();
  });
});
