import { ConnectorCallError } from '../../shared/connector-client';
import { click, textOf } from '../testing/dom';
import { FakeConnector } from '../testing/fake-connector';
import { renderScreen } from '../testing/render-screen';
import { loggedInStatus } from '../testing/status-view';
import { DataFileComponent } from './data-file.component';

const PATH = 'C:\\Users\\admin\\AppData\\Roaming\\Bitwarden Directory Connector\\data.json';

describe('DataFileComponent', () => {
  async function render() {
    const connector = Object.assign(new FakeConnector(), {
      showDataFile: jest.fn((): Promise<void> => Promise.resolve()),
    });
    connector.statusAnswer = loggedInStatus({ dataFilePath: PATH });
    return { connector, fixture: await renderScreen(DataFileComponent, connector) };
  }

  it('shows where the data file is, and opens its folder', async () => {
    const { connector, fixture } = await render();
    expect(textOf(fixture, '.data-file-path')).toBe(PATH);

    await click(fixture, 'button.show-data-file');

    expect(connector.showDataFile).toHaveBeenCalledTimes(1);
    expect(textOf(fixture, '[role="alert"]')).toBeNull();
  });

  it('shows why the folder could not be opened', async () => {
    const { connector, fixture } = await render();
    connector.showDataFile.mockRejectedValueOnce(
      new ConnectorCallError({
        message: 'No file manager is available.',
        remedy: 'Open the path shown above yourself.',
        code: null,
        side: null,
      }),
    );

    await click(fixture, 'button.show-data-file');

    expect(textOf(fixture, '.failure-message')).toBe('No file manager is available.');
    expect(textOf(fixture, '.failure-remedy')).toBe('Open the path shown above yourself.');
  });
});
