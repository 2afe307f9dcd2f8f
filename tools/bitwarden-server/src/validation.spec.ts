import { postImport, startServer, stopServers, ORG_ID } from './spec-helpers';

afterEach(stopServers);

const modelState = (errors: Record<string, string[]>): unknown => ({
  object: 'error',
  message: "The request's model state is invalid.",
  errors,
});

async function send(body: unknown): Promise<{ status: number; json: unknown }> {
  const server = await startServer();
  const response = await postImport(server, body);
  const text = await response.text();
  return { status: response.status, json: text === '' ? null : JSON.parse(text) };
}

describe('import: binding and model validation', () => {
  it('requires overwriteExisting', async () => {
    expect(await send({ groups: [], members: [] })).toEqual({
      status: 400,
      json: modelState({ OverwriteExisting: ['The OverwriteExisting field is required.'] }),
    });
  });

  it('reports an empty body under the empty key', async () => {
    expect(await send('')).toEqual({
      status: 400,
      json: modelState({ '': ['Body is empty.'] }),
    });
  });

  it('keys field errors by property path', async () => {
    const result = await send({
      overwriteExisting: false,
      groups: [
        { name: 'ok', externalId: 'a', memberExternalIds: [] },
        { name: 'x'.repeat(101), externalId: ' ', memberExternalIds: [] },
      ],
      members: [
        { email: 'not-an-email', externalId: 'm0' },
        { email: null, externalId: 'm1' },
        { email: 'a@b', externalId: '' },
        { email: `${'x'.repeat(300)}@example.com`, externalId: 'm3' },
        { email: null, externalId: 'm4', deleted: true },
      ],
    });

    expect(result).toEqual({
      status: 400,
      json: modelState({
        'Groups[1].Name': ['The field Name must be a string with a maximum length of 100.'],
        'Groups[1].ExternalId': ['The ExternalId field is required.'],
        'Members[0].Email': ['The Email field is not a valid e-mail address.'],
        'Members[1].Email': ['Email is required for enabled members.'],
        'Members[2].ExternalId': ['The ExternalId field is required.'],
        'Members[3].Email': ['The field Email must be a string with a maximum length of 256.'],
      }),
    });
  });

  it('binds property names case-insensitively and turns numbers and booleans into strings', async () => {
    const server = await startServer();

    const response = await postImport(server, {
      OverwriteExisting: false,
      GROUPS: [{ NAME: 'G', EXTERNALID: 7, MemberExternalIds: [42, true] }],
      Members: [
        { EMAIL: 'n@example.com', ExternalID: 42 },
        { email: 'b@example.com', externalId: true },
      ],
    });

    expect(response.status).toBe(200);
    const org = server.organization(ORG_ID);
    expect(org.members.map((member) => member.externalId)).toEqual([null, '42', 'True']);
    expect(org.groups[0]).toMatchObject({
      externalId: '7',
      members: ['n@example.com', 'b@example.com'],
    });
  });

  it('rejects an object where a permissive string is expected', async () => {
    const result = await send({
      overwriteExisting: false,
      groups: [],
      members: [{ email: 'a@example.com', externalId: { id: 1 } }],
    });

    expect(result.status).toBe(400);
    expect(Object.keys((result.json as { errors: object }).errors)).toEqual([
      '$.members[0].externalId',
    ]);
  });

  it.each([
    ['members is null', { overwriteExisting: false, groups: [], members: null }],
    ['groups is missing', { overwriteExisting: false, members: [] }],
    [
      'memberExternalIds is null',
      {
        overwriteExisting: false,
        members: [],
        groups: [{ name: 'G', externalId: 'g', memberExternalIds: null }],
      },
    ],
  ])('answers 500 when %s', async (_label, body) => {
    expect(await send(body)).toEqual({
      status: 500,
      json: { object: 'error', message: 'An unhandled server error has occurred.', errors: null },
    });
  });

  it('answers 415 to a body that is not JSON', async () => {
    const server = await startServer();

    const response = await postImport(server, '{}', { contentType: 'text/plain' });

    expect(response.status).toBe(415);
  });
});
