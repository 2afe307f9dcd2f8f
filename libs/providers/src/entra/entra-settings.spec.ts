import {
  EntraDirectorySettingsSchema,
  GRAPH_GOVERNMENT_URL,
  GRAPH_PUBLIC_URL,
  resolveEntraCloud,
} from './entra-settings';

const base = { tenant: 'contoso.onmicrosoft.com', applicationId: 'app-id' };

describe('EntraDirectorySettingsSchema', () => {
  it('takes an upstream directoryEntra config as it is (the secret key lives elsewhere)', () => {
    const settings = EntraDirectorySettingsSchema.parse({
      identityAuthority: 'login.microsoftonline.com',
      tenant: ' contoso.onmicrosoft.com ',
      applicationId: 'app-id',
      key: '[STORED SECURELY]',
    });
    expect(settings).toEqual({
      identityAuthority: 'login.microsoftonline.com',
      tenant: 'contoso.onmicrosoft.com',
      applicationId: 'app-id',
      graphUrl: null,
      concurrency: 8,
      caPath: null,
    });
  });

  it('names what is missing or wrong', () => {
    const result = EntraDirectorySettingsSchema.safeParse({
      identityAuthority: 'login.example.test',
    });
    const messages = result.error?.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    expect(messages).toEqual(
      expect.arrayContaining([
        'tenant: the tenant (directory) id is required',
        'applicationId: the application (client) id is required',
      ]),
    );
    expect(
      EntraDirectorySettingsSchema.safeParse({ ...base, identityAuthority: 'login.example.test' })
        .error?.issues[0]?.message,
    ).toMatch(/must be login\.microsoftonline\.com/);
    expect(
      EntraDirectorySettingsSchema.safeParse({ ...base, identityAuthority: 'https://127.0.0.1:9' })
        .error?.issues[0]?.path,
    ).toEqual(['graphUrl']);
    expect(
      EntraDirectorySettingsSchema.safeParse({ ...base, graphUrl: 'http://127.0.0.1:9' }).success,
    ).toBe(false);
  });
});

describe('resolveEntraCloud', () => {
  it('public by default and for login.microsoftonline.com', () => {
    for (const identityAuthority of [
      null,
      '',
      'login.microsoftonline.com',
      'https://LOGIN.microsoftonline.com/',
    ]) {
      expect(
        resolveEntraCloud(EntraDirectorySettingsSchema.parse({ ...base, identityAuthority })),
      ).toEqual({
        name: 'public',
        authority: 'https://login.microsoftonline.com/contoso.onmicrosoft.com',
        knownAuthorities: [],
        graphUrl: GRAPH_PUBLIC_URL,
      });
    }
  });

  it('government: the .us login and the .us Graph for every call', () => {
    const cloud = resolveEntraCloud(
      EntraDirectorySettingsSchema.parse({
        ...base,
        identityAuthority: 'login.microsoftonline.us',
      }),
    );
    expect(cloud).toEqual({
      name: 'government',
      authority: 'https://login.microsoftonline.us/contoso.onmicrosoft.com',
      knownAuthorities: [],
      graphUrl: GRAPH_GOVERNMENT_URL,
    });
  });

  it('custom: the host with its port is a known authority, and the Graph URL is given', () => {
    const cloud = resolveEntraCloud(
      EntraDirectorySettingsSchema.parse({
        ...base,
        identityAuthority: 'https://127.0.0.1:8443/',
        graphUrl: 'https://127.0.0.1:8444/',
      }),
    );
    expect(cloud).toEqual({
      name: 'custom',
      authority: 'https://127.0.0.1:8443/contoso.onmicrosoft.com',
      knownAuthorities: ['127.0.0.1:8443'],
      graphUrl: 'https://127.0.0.1:8444',
    });
  });
});
