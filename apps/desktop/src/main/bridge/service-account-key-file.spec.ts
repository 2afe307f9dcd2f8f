import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';

import { readServiceAccountKey } from './service-account-key-file';

const PEM = '-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n';

describe('readServiceAccountKey', () => {
  let folder: string;

  beforeEach(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'bwdc-key-file-'));
  });

  afterEach(() => rm(folder, { recursive: true, force: true }));

  const keyFile = async (content: string) => {
    const file = path.join(folder, 'key.json');
    await writeFile(file, content);
    return file;
  };

  it('gives the client email and the private key of a service account key file', async () => {
    const file = await keyFile(
      JSON.stringify({
        type: 'service_account',
        client_email: 'bwdc@project.iam.gserviceaccount.com',
        private_key: PEM,
      }),
    );

    await expect(readServiceAccountKey(file)).resolves.toEqual({
      clientEmail: 'bwdc@project.iam.gserviceaccount.com',
      privateKey: PEM,
    });
  });

  it('names a file it cannot read, with what to choose instead', async () => {
    const missing = path.join(folder, 'nope.json');

    await expect(readServiceAccountKey(missing)).rejects.toMatchObject({
      code: 'KEY_FILE_UNREADABLE',
      message: expect.stringContaining(missing),
      remedy: expect.stringContaining('JSON key file'),
    });
  });

  it('refuses a file far larger than any key file, without reading it as one', async () => {
    const file = await keyFile('x'.repeat(200 * 1024));

    await expect(readServiceAccountKey(file)).rejects.toMatchObject({
      code: 'KEY_FILE_UNREADABLE',
    });
  });

  it('refuses a file that is not a key, never echoing its content', async () => {
    const file = await keyFile('{"client_email":"a@b.c","secret_sauce":"s3cr3t"}');

    const failure = (await readServiceAccountKey(file).catch((error: unknown) => error)) as Error;

    expect(failure).toMatchObject({ code: 'GOOGLE_KEY_INVALID' });
    expect(failure.message).not.toContain('s3cr3t');
  });
});
