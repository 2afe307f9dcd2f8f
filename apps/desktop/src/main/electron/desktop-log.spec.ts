import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';

import { LOG_FILE_NAME, LOG_ROTATE_BYTES, openDesktopLog } from './desktop-log';

const AT = new Date('2026-11-26T10:00:00.000Z');

describe('the desktop log', () => {
  let folder: string;

  beforeEach(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'bwdc-desktop-log-'));
  });

  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  async function logged(env: Record<string, string> = {}) {
    const console: string[] = [];
    const log = await openDesktopLog({
      dataDirectory: folder,
      env,
      write: (text) => console.push(text),
      now: () => AT,
    });
    return { log, console };
  }

  it('writes each line to the console and, with its time, to desktop.log for its owner only', async () => {
    const { log, console } = await logged();

    log.logger.log('info', 'Sync finished.');
    log.logger.log('error', 'The server refused the key.');
    await log.close();

    expect(console).toEqual(['info: Sync finished.\n', 'error: The server refused the key.\n']);
    const file = path.join(folder, LOG_FILE_NAME);
    await expect(readFile(file, 'utf8')).resolves.toBe(
      `${AT.toISOString()} info: Sync finished.\n${AT.toISOString()} error: The server refused the key.\n`,
    );
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('leaves fields out of the file and the console', async () => {
    const { log, console } = await logged();

    log.logger.log('warn', 'Slow answer.', { url: 'https://example.com', token: 'x' });
    await log.close();

    expect(console).toEqual(['warn: Slow answer.\n']);
    await expect(readFile(path.join(folder, LOG_FILE_NAME), 'utf8')).resolves.not.toContain(
      'token',
    );
  });

  it('writes debug lines only when BITWARDENCLI_CONNECTOR_DEBUG is true', async () => {
    const quiet = await logged();
    quiet.log.logger.log('debug', 'LDAP page 3');
    await quiet.log.close();
    const verbose = await logged({ BITWARDENCLI_CONNECTOR_DEBUG: 'true' });
    verbose.log.logger.log('debug', 'LDAP page 4');
    await verbose.log.close();

    expect(quiet.console).toEqual([]);
    expect(verbose.console).toEqual(['debug: LDAP page 4\n']);
    await expect(readFile(path.join(folder, LOG_FILE_NAME), 'utf8')).resolves.toBe(
      `${AT.toISOString()} debug: LDAP page 4\n`,
    );
  });

  it('starts a new file when the last one grew too big, keeping one old generation', async () => {
    const file = path.join(folder, LOG_FILE_NAME);
    await writeFile(file, 'x'.repeat(LOG_ROTATE_BYTES + 1));

    const { log } = await logged();
    log.logger.log('info', 'fresh');
    await log.close();

    await expect(readFile(file, 'utf8')).resolves.toBe(`${AT.toISOString()} info: fresh\n`);
    expect((await stat(`${file}.old`)).size).toBe(LOG_ROTATE_BYTES + 1);
  });

  it('keeps logging to the console when the file cannot be written', async () => {
    const blocked = path.join(folder, 'not-a-folder');
    await writeFile(blocked, '');
    const console: string[] = [];
    const log = await openDesktopLog({
      dataDirectory: blocked,
      env: {},
      write: (text) => console.push(text),
    });

    log.logger.log('info', 'still here');
    await log.close();

    expect(console[0]).toContain('cannot be written');
    expect(console).toContain('info: still here\n');
  });
});
