import { ReadProgressCounter } from '../ldap/read-progress';
import { EntraError } from './entra-error';
import { readGroups, usersInSyncedGroups } from './entra-group-reader';
import type { BatchAnswer, GraphClient } from './graph-client';

/** A Graph client that answers from a table: `all` by path, `batch` item by item. */
function fakeGraph(
  groups: { id: string; displayName: string }[],
  batchAnswer: (path: string) => BatchAnswer,
  pages: Record<string, object[]> = {},
) {
  const calls: string[] = [];
  const graph = {
    tenant: 'contoso.test',
    all: (path: string) => {
      calls.push(path);
      return Promise.resolve({
        items: path.startsWith('/groups?') ? groups : (pages[path] ?? []),
        deltaLink: null,
      });
    },
    batch: (paths: string[]) => Promise.resolve(paths.map(batchAnswer)),
  };
  return { graph: graph as unknown as GraphClient, calls };
}

const progress = new ReadProgressCounter(undefined);
const user = (id: string) => ({ '@odata.type': '#microsoft.graph.user', id });

describe('readGroups', () => {
  it('follows a batched first page’s nextLink, and reads a throttled one again on its own', async () => {
    const { graph, calls } = fakeGraph(
      [
        { id: 'g1', displayName: 'One' },
        { id: 'g2', displayName: 'Two' },
      ],
      (path) =>
        path.startsWith('/groups/g1/')
          ? {
              id: '0',
              status: 200,
              body: { value: [user('u1')], '@odata.nextLink': 'https://graph.test/next' },
            }
          : { id: '1', status: 429, headers: { 'retry-after': '1' }, body: {} },
      {
        'https://graph.test/next': [user('u2')],
        '/groups/g2/members?$select=id&$top=999': [user('u3')],
      },
    );

    const groups = await readGroups(graph, { kind: 'all' }, 4, progress);

    expect(groups.map((group) => group.userMemberExternalIds)).toEqual([['u1', 'u2'], ['u3']]);
    expect(calls).toContain('/groups/g2/members?$select=id&$top=999');
  });

  it('fails the read when the batch answers a request with a lasting error', async () => {
    const { graph } = fakeGraph([{ id: 'g1', displayName: 'One' }], () => ({
      id: '0',
      status: 403,
      body: { error: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges' } },
    }));

    const failure = await readGroups(graph, { kind: 'all' }, 4, progress).catch(
      (error: unknown) => error,
    );

    expect(failure).toBeInstanceOf(EntraError);
    expect((failure as EntraError).code).toBe('ENTRA_FORBIDDEN');
    expect((failure as EntraError).message).toContain(
      'GET /v1.0/groups/g1/members (in $batch) for tenant contoso.test (HTTP 403): Authorization_RequestDenied',
    );
  });
});

describe('usersInSyncedGroups', () => {
  const users = [
    { externalId: 'in', deleted: false, disabled: false },
    { externalId: 'out', deleted: false, disabled: false },
    { externalId: 'gone', deleted: true, disabled: false },
    { externalId: 'off', deleted: false, disabled: true },
  ];
  const groups = [
    {
      externalId: 'g',
      referenceId: 'g',
      name: 'G',
      userMemberExternalIds: ['in'],
      groupMemberReferenceIds: [],
    },
  ];

  it('keeps members of the synced groups and deleted users', () => {
    expect(usersInSyncedGroups(users, groups, false).map((u) => u.externalId)).toEqual([
      'in',
      'gone',
    ]);
  });

  it('keeps disabled users too when removeDisabled is on', () => {
    expect(usersInSyncedGroups(users, groups, true).map((u) => u.externalId)).toEqual([
      'in',
      'gone',
      'off',
    ]);
  });
});
