import { serverText } from './server-text';

describe('serverText', () => {
  it('names the US cloud when no server is set', () => {
    expect(serverText(null)).toBe('Bitwarden cloud (US)');
  });

  it('shows a server by its URL', () => {
    expect(serverText({ base: 'https://bitwarden.example.com' })).toBe(
      'https://bitwarden.example.com',
    );
  });

  it('shows the API and identity URLs when they are set apart', () => {
    expect(serverText({ api: 'https://api.example.com', identity: 'https://id.example.com' })).toBe(
      'API https://api.example.com, identity https://id.example.com',
    );
  });
});
