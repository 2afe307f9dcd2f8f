import { serveOptions } from './serve-options';

describe('serveOptions', () => {
  it('defaults to 127.0.0.1:8087, info, json off a terminal and text on one', () => {
    expect(serveOptions({}, {}, false)).toEqual({
      port: 8087,
      host: '127.0.0.1',
      intervalSeconds: null,
      logFormat: 'json',
      logLevel: 'info',
      webhookUrl: null,
    });
    expect(serveOptions({}, {}, true).logFormat).toBe('text');
  });

  it('takes the environment variables, and the flags over them', () => {
    const env = {
      BWDC_SERVE_PORT: '9100',
      BWDC_SERVE_HOST: '0.0.0.0',
      BWDC_LOG_FORMAT: 'text',
      BWDC_LOG_LEVEL: 'warn',
      BWDC_WEBHOOK_URL: 'https://hooks.example.com/services/T/B/x',
    };

    expect(serveOptions({}, env, false)).toEqual({
      port: 9100,
      host: '0.0.0.0',
      intervalSeconds: null,
      logFormat: 'text',
      logLevel: 'warn',
      webhookUrl: 'https://hooks.example.com/services/T/B/x',
    });
    expect(
      serveOptions(
        { port: '0', logFormat: 'json', logLevel: 'debug', intervalSeconds: '2' },
        env,
        false,
      ),
    ).toMatchObject({ port: 0, logFormat: 'json', logLevel: 'debug', intervalSeconds: 2 });
  });

  it('logs at debug level with BITWARDENCLI_CONNECTOR_DEBUG=true', () => {
    expect(serveOptions({}, { BITWARDENCLI_CONNECTOR_DEBUG: 'true' }, false).logLevel).toBe(
      'debug',
    );
  });

  it('names the flag and what it expects when a value cannot be used', () => {
    expect(() => serveOptions({ port: '70000' }, {}, false)).toThrow(
      "The --port value '70000' is not valid: expected a port number from 0 to 65535",
    );
    expect(() => serveOptions({ intervalSeconds: '0' }, {}, false)).toThrow('--interval-seconds');
    expect(() => serveOptions({ logFormat: 'xml' }, {}, false)).toThrow(
      'expected one of json, text',
    );
    expect(() => serveOptions({ logLevel: 'trace' }, {}, false)).toThrow(
      'expected one of debug, info, warn, error',
    );
  });

  it('refuses a webhook URL that is not http(s) without repeating it', () => {
    const attempt = () => serveOptions({ webhookUrl: 'ftp://x/s3cr3t' }, {}, false);

    expect(attempt).toThrow('The --webhook-url value');
    expect(attempt).not.toThrow('s3cr3t');
  });
});
