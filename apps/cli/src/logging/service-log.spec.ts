import { connectorLogger } from './connector-logger';
import { webhookSecrets } from './log-redaction';
import { createServiceLog } from './service-log';

function capture(
  format: 'json' | 'text',
  secrets: string[] = [],
  level: 'debug' | 'info' = 'info',
) {
  const lines: string[] = [];
  const log = createServiceLog({ format, level, write: (line) => lines.push(line), secrets });
  return { log, lines };
}

describe('the service log', () => {
  it('writes one JSON object per line with level name, ISO time and msg', () => {
    const { log, lines } = capture('json');

    log.info({ outcome: 'sent', members: 20 }, 'Sync finished.');

    expect(lines).toHaveLength(1);
    expect(lines[0]?.endsWith('\n')).toBe(true);
    expect(lines[0]?.split('\n')).toHaveLength(2);
    expect(JSON.parse(lines[0] ?? '')).toEqual({
      level: 'info',
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      pid: process.pid,
      hostname: expect.any(String),
      outcome: 'sent',
      members: 20,
      msg: 'Sync finished.',
    });
  });

  it('writes the same record as one text line with --log-format text', () => {
    const { log, lines } = capture('text');

    log.warn({ code: 'SERVER_ERROR' }, 'Sync failed.');

    expect(lines).toEqual([
      expect.stringMatching(/^\S+Z WARN {2}Sync failed\. code=SERVER_ERROR\n$/),
    ]);
  });

  it('drops records under the level', () => {
    const { log, lines } = capture('json');

    log.debug({}, 'details');

    expect(lines).toEqual([]);
  });

  it('redacts secret fields at any of the first levels', () => {
    const { log, lines } = capture('json');

    log.info(
      {
        password: 'hunter2-hunter2',
        settings: { clientSecret: 'abc-client-secret', ldap: { token: 'tok-123456' } },
        webhookUrl: 'https://hooks.example.com/x',
      },
      'settings',
    );

    const record = JSON.parse(lines[0] ?? '') as Record<string, unknown>;
    expect(record).toMatchObject({
      password: '[redacted]',
      settings: { clientSecret: '[redacted]', ldap: { token: '[redacted]' } },
      webhookUrl: '[redacted]',
    });
  });

  it('never prints the webhook URL or its path, even inside a message', () => {
    const url = 'https://hooks.slack.com/services/T000/B000/XXXXsecretXXXX';
    const { log, lines } = capture('json', webhookSecrets(url));

    log.warn(
      { detail: `posting to ${url}` },
      `could not post to /services/T000/B000/XXXXsecretXXXX`,
    );

    expect(lines[0]).not.toContain('XXXXsecretXXXX');
    expect(lines[0]).toContain('[redacted]');
  });

  it('carries the Connector’s and the providers’ logs through the Logger port', () => {
    const { log, lines } = capture('json', [], 'debug');
    const logger = connectorLogger(log);

    logger.log('debug', 'Read 20 users.', { users: 20, password: 'bind-password-1' });
    logger.log('error', 'The LDAP server refused the bind.');

    expect(lines.map((line) => JSON.parse(line) as Record<string, unknown>)).toEqual([
      expect.objectContaining({
        level: 'debug',
        msg: 'Read 20 users.',
        users: 20,
        password: '[redacted]',
      }),
      expect.objectContaining({ level: 'error', msg: 'The LDAP server refused the bind.' }),
    ]);
  });
});
