import type { StatusView } from '../../shared/status-view';
import { textOf } from '../testing/dom';
import { FakeConnector, ORGANIZATION_ID } from '../testing/fake-connector';
import { renderScreen } from '../testing/render-screen';
import { loggedInStatus } from '../testing/status-view';
import { AboutComponent } from './about.component';

describe('AboutComponent', () => {
  async function render(status: StatusView) {
    const connector = new FakeConnector();
    connector.statusAnswer = status;
    return renderScreen(AboutComponent, connector);
  }

  it('shows the version, organization, server and profile', async () => {
    const fixture = await render(loggedInStatus({ version: '2025.1.0', profile: 'staging' }));

    expect(textOf(fixture, '.app-version')).toBe('2025.1.0');
    expect(textOf(fixture, '.organization-id')).toBe(ORGANIZATION_ID);
    expect(textOf(fixture, '.server')).toBe('Bitwarden cloud (US)');
    expect(textOf(fixture, '.profile')).toBe('staging');
  });

  it('shows a self-hosted server by its URL', async () => {
    const fixture = await render(
      loggedInStatus({ server: { base: 'https://bitwarden.example.com' } }),
    );

    expect(textOf(fixture, '.server')).toBe('https://bitwarden.example.com');
  });
});
