import type { HttpResponse } from './http-transport';
import { errorFromResponse } from './response-error';

const now = new Date('2026-01-01T00:00:00Z');
const response = (
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): HttpResponse => ({
  status,
  headers,
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

describe('errorFromResponse', () => {
  it('shows the message and every field error of a validation failure', () => {
    const error = errorFromResponse(
      response(400, {
        object: 'error',
        message: "The request's model state is invalid.",
        errors: {
          'Members[0].Email': ['The Email field is not a valid e-mail address.'],
          'Groups[1].Name': ['The field Name must be a string with a maximum length of 100.'],
        },
      }),
      'import',
      now,
    );

    expect(error.code).toBe('REQUEST_REJECTED');
    expect(error.message).toBe(
      "Bitwarden rejected the import: The request's model state is invalid.; " +
        'Members[0].Email: The Email field is not a valid e-mail address.; ' +
        'Groups[1].Name: The field Name must be a string with a maximum length of 100.',
    );
  });

  it('recognises exhausted seats', () => {
    const error = errorFromResponse(
      response(400, { object: 'error', message: 'Seat limit has been reached.', errors: null }),
      'import',
      now,
    );

    expect(error.code).toBe('SEATS_EXHAUSTED');
    expect(error.remedy).toContain('seats');
  });

  it('suggests large import for the 2,000 rule and for a body that is too large', () => {
    const tooMuch = errorFromResponse(
      response(400, { message: 'You cannot import this much data at once.' }),
      'import',
      now,
    );
    expect(tooMuch.remedy).toContain('sync.largeImport');
    const tooLarge = errorFromResponse(
      response(413, '<html>413 Request Entity Too Large</html>'),
      'import',
      now,
    );
    expect(tooLarge.code).toBe('BODY_TOO_LARGE');
    expect(tooLarge.remedy).toContain('sync.largeImport');
  });

  it('reports a rejected API key with the OAuth error code', () => {
    const error = errorFromResponse(response(400, { error: 'invalid_client' }), 'login', now);

    expect(error.code).toBe('API_KEY_REJECTED');
    expect(error.message).toContain('invalid_client');
  });

  it('marks throttling and server errors as worth retrying, with Retry-After', () => {
    const throttled = errorFromResponse(
      response(429, { message: 'Slow down!' }, { 'retry-after': '7' }),
      'import',
      now,
    );
    expect(throttled).toMatchObject({ code: 'RATE_LIMITED', transient: true, retryAfterMs: 7000 });
    expect(errorFromResponse(response(503, ''), 'read', now)).toMatchObject({
      code: 'SERVER_ERROR',
      transient: true,
    });
    expect(errorFromResponse(response(400, { message: 'x' }), 'import', now).transient).toBe(false);
  });

  it('never renders an object as [object Object]', () => {
    const error = errorFromResponse(
      response(400, { message: { nested: true }, errors: { '': { odd: 1 } } }),
      'import',
      now,
    );

    expect(error.message).not.toContain('[object Object]');
  });
});
