import { HttpBridgeError, httpInvoke } from './http-invoke';

/** `fetch` that records what it was asked and answers as told. */
function fakeFetch(answer: () => Response) {
  const requests: { url: string; init: RequestInit | undefined }[] = [];
  const fetchImpl = (async (input: string | URL | Request, init?: RequestInit) => {
    requests.push({ url: String(input), init });
    return answer();
  }) as typeof fetch;
  return { fetchImpl, requests };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });

describe('httpInvoke', () => {
  it('posts the arguments to the channel’s path with the token, and resolves with the envelope', async () => {
    const { fetchImpl, requests } = fakeFetch(() => json(200, { ok: true, value: 'x' }));

    const result = await httpInvoke(
      'http://127.0.0.1:4000',
      'tok',
      fetchImpl,
    )('connector:last-sync', 'users');

    expect(result).toEqual({ ok: true, value: 'x' });
    expect(requests).toHaveLength(1);
    expect(requests[0]?.url).toBe('http://127.0.0.1:4000/bridge/connector%3Alast-sync');
    expect(requests[0]?.init).toMatchObject({
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Bridge-Token': 'tok' },
      body: '{"args":["users"]}',
      credentials: 'omit',
    });
  });

  it('resolves a failure envelope as it came: connectorClient turns it into the error', async () => {
    const envelope = { ok: false, error: { message: 'm', code: 'C', side: 's', remedy: null } };
    const { fetchImpl } = fakeFetch(() => json(200, envelope));

    await expect(httpInvoke('http://127.0.0.1:4000/', 't', fetchImpl)('c')).resolves.toEqual(
      envelope,
    );
  });

  it('rejects a refusal of the transport with its status, code and message', async () => {
    const { fetchImpl } = fakeFetch(() =>
      json(401, { error: { code: 'TEST_HOST_TOKEN', message: 'Bridge calls need the token.' } }),
    );

    const failure = httpInvoke('http://127.0.0.1:4000', 'wrong', fetchImpl)('connector:logout');

    await expect(failure).rejects.toBeInstanceOf(HttpBridgeError);
    await expect(failure).rejects.toMatchObject({
      status: 401,
      code: 'TEST_HOST_TOKEN',
      message: 'Bridge calls need the token.',
    });
  });

  it('rejects a refusal without a JSON body with the status alone', async () => {
    const { fetchImpl } = fakeFetch(() => new Response('Bad Gateway', { status: 502 }));

    await expect(httpInvoke('http://127.0.0.1:4000', 't', fetchImpl)('c')).rejects.toMatchObject({
      status: 502,
      code: null,
      message: 'The test host refused the call (HTTP 502).',
    });
  });
});
