import { textOf } from '../testing/dom';
import { FakeConnector } from '../testing/fake-connector';
import { renderScreen } from '../testing/render-screen';
import { loggedInStatus } from '../testing/status-view';
import { MoreComponent } from './more.component';

describe('MoreComponent', () => {
  it('shows About, the data file, the sync cache, log out and the log', async () => {
    const connector = Object.assign(new FakeConnector(), {
      logs: () =>
        Promise.resolve([
          { at: '2025-01-15T10:30:00.000Z', level: 'info' as const, message: 'Sync started.' },
        ]),
    });
    connector.statusAnswer = loggedInStatus({ version: '2025.1.0' });

    const fixture = await renderScreen(MoreComponent, connector);

    expect(textOf(fixture, '.app-version')).toBe('2025.1.0');
    expect(textOf(fixture, '.data-file-path')).toBe(connector.statusAnswer.dataFilePath);
    expect(textOf(fixture, 'button.clear-cache')).toBe('Clear sync cache');
    expect(textOf(fixture, 'button.log-out')).toBe('Log out');
    expect(textOf(fixture, 'li.log-line .log-message')).toBe('Sync started.');
  });
});
