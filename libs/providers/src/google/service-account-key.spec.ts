import { createPrivateKey, generateKeyPairSync } from 'node:crypto';

import { GoogleError } from './google-error';
import { normalisePrivateKey, parseServiceAccountKey } from './service-account-key';

const PEM = '-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n';

describe('parseServiceAccountKey', () => {
  it('reads client_email and private_key from a key file', () => {
    const file = JSON.stringify({
      type: 'service_account',
      project_id: 'p',
      private_key_id: 'abc',
      private_key: PEM,
      client_email: ' bwdc@p.iam.gserviceaccount.com ',
      token_uri: 'https://oauth2.googleapis.com/token',
    });

    expect(parseServiceAccountKey(file)).toEqual({
      clientEmail: 'bwdc@p.iam.gserviceaccount.com',
      privateKey: PEM,
    });
  });

  it('turns escaped \\n into line breaks, as upstream stores the key', () => {
    expect(normalisePrivateKey('  -----BEGIN PRIVATE KEY-----\\nMIIB\\n')).toBe(
      '-----BEGIN PRIVATE KEY-----\nMIIB\n',
    );
  });

  it.each([
    ['not JSON', '{', /not JSON/],
    ['another credential type', JSON.stringify({ type: 'authorized_user' }), /authorized_user/],
    ['no client_email', JSON.stringify({ private_key: PEM }), /no client_email/],
    [
      'no private key',
      JSON.stringify({ client_email: 'a@b', private_key: 'secret-ish' }),
      /no PEM private_key/,
    ],
  ])('refuses a file with %s, naming the problem but not the content', (_, text, message) => {
    expect(() => parseServiceAccountKey(text)).toThrow(message);
    try {
      parseServiceAccountKey(text);
    } catch (error) {
      expect(error).toBeInstanceOf(GoogleError);
      expect((error as GoogleError).code).toBe('GOOGLE_KEY_INVALID');
      expect((error as Error).message).not.toContain('secret-ish');
    }
  });
});

describe('normalisePrivateKey on a key pasted into one line', () => {
  const pem = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  }).privateKey;
  const der = (key: string) =>
    createPrivateKey(key).export({ type: 'pkcs8', format: 'der' }).toString('base64');

  it.each([
    ['its line breaks dropped', pem.replace(/\n/g, '')],
    ['its line breaks turned into spaces', pem.replace(/\n/g, ' ')],
  ])('gives back a key Node reads, with %s', (_how, oneLine) => {
    const normalised = normalisePrivateKey(oneLine);

    expect(normalised.split('\n')[0]).toBe('-----BEGIN PRIVATE KEY-----');
    expect(der(normalised)).toBe(der(pem));
  });

  it('leaves text that is no PEM as it is, for the read to reject with its own message', () => {
    expect(normalisePrivateKey('  not a key  ')).toBe('not a key');
  });
});
