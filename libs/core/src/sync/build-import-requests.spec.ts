import { ConfigurationError } from '../errors/configuration.error';
import type { FlattenedGroup } from '../model/directory-group';
import type { NormalisedUser } from '../model/directory-user';
import { aUser, importOptions } from '../testing/builders';
import { writeImportRequestJson } from './import-request-json';
import {
  IMPORT_BATCH_BYTES,
  IMPORT_BATCH_SIZE,
  buildImportRequests,
} from './build-import-requests';

const users = (count: number, overrides: Partial<NormalisedUser> = {}): NormalisedUser[] =>
  Array.from({ length: count }, (_, index) => aUser(`u${index}`, overrides) as NormalisedUser);

const groups = (count: number): FlattenedGroup[] =>
  Array.from({ length: count }, (_, index) => ({
    externalId: `g${index}`,
    referenceId: `g${index}`,
    name: `Group ${index}`,
    memberExternalIds: [`u${index}`],
  }));

describe('buildImportRequests', () => {
  it('sends everything in one request with the configured flags when large import is off', () => {
    const requests = buildImportRequests(
      users(2),
      groups(1),
      importOptions({ overwriteExisting: true, inviteUsersAfterProvisioning: true }),
    );

    expect(requests).toEqual([
      {
        groups: [{ name: 'Group 0', externalId: 'g0', memberExternalIds: ['u0'] }],
        members: [
          { email: 'u0@example.com', externalId: 'u0', deleted: false },
          { email: 'u1@example.com', externalId: 'u1', deleted: false },
        ],
        overwriteExisting: true,
        largeImport: false,
        inviteUsersAfterProvisioning: true,
      },
    ]);
  });

  it('serialises keys in upstream order, which the fingerprint depends on', () => {
    const [request] = buildImportRequests(users(1), groups(1), importOptions());

    expect(Object.keys(request ?? {})).toEqual([
      'groups',
      'members',
      'overwriteExisting',
      'largeImport',
      'inviteUsersAfterProvisioning',
    ]);
    expect(Object.keys(request?.groups[0] ?? {})).toEqual([
      'name',
      'externalId',
      'memberExternalIds',
    ]);
    expect(Object.keys(request?.members[0] ?? {})).toEqual(['email', 'externalId', 'deleted']);
  });

  it('sends one request even past 2,000 entries when large import is off', () => {
    const requests = buildImportRequests(users(3000), groups(3000), importOptions());

    expect(requests).toHaveLength(1);
    expect(requests[0]?.members).toHaveLength(3000);
  });

  it('sends one request with largeImport false when large import is on but 2,000 fit', () => {
    const requests = buildImportRequests(
      users(1000),
      groups(1000),
      importOptions({ largeImport: true, overwriteExisting: true }),
    );

    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ largeImport: false, overwriteExisting: true });
  });

  it('splits 11,000 users and 11,000 groups into 6 user batches then 6 group batches', () => {
    const requests = buildImportRequests(
      users(11_000),
      groups(11_000),
      importOptions({ largeImport: true, inviteUsersAfterProvisioning: true }),
    );

    expect(requests).toHaveLength(12);
    expect(requests.map((request) => [request.members.length, request.groups.length])).toEqual([
      [2000, 0],
      [2000, 0],
      [2000, 0],
      [2000, 0],
      [2000, 0],
      [1000, 0],
      [0, 2000],
      [0, 2000],
      [0, 2000],
      [0, 2000],
      [0, 2000],
      [0, 1000],
    ]);
    for (const request of requests) {
      expect(request).toMatchObject({
        largeImport: true,
        overwriteExisting: false,
        inviteUsersAfterProvisioning: true,
      });
    }
    expect(
      requests.flatMap((request) => request.members.map((member) => member.externalId)),
    ).toEqual(users(11_000).map((user) => user.externalId));
  });

  // A 100,000-user benchmark sent its last group batch as 31 MB, which the server refused (413).
  it('cuts group batches by size too, each under the byte budget unless one group alone is over it', () => {
    const everyone = users(100_000).map(
      (user) => `uid=${user.externalId},ou=People,dc=example,dc=com`,
    );
    const heavy: FlattenedGroup[] = Array.from({ length: 12 }, (_, index) => ({
      externalId: `top${index}`,
      referenceId: `top${index}`,
      name: `Top ${index}`,
      memberExternalIds: index === 11 ? [...everyone, ...everyone, ...everyone] : everyone,
    }));

    const requests = buildImportRequests(
      users(10),
      [...groups(3_000), ...heavy],
      importOptions({ largeImport: true }),
    );

    const groupRequests = requests.filter((request) => request.groups.length > 0);
    expect(
      groupRequests.flatMap((request) => request.groups.map((group) => group.externalId)),
    ).toEqual([...groups(3_000), ...heavy].map((group) => group.externalId));
    const bytes = groupRequests.map((request) => {
      let length = 0;
      writeImportRequestJson(request, (chunk) => {
        length += Buffer.byteLength(chunk);
      });
      return length;
    });
    const alone = groupRequests.findIndex((request) => request.groups[0]?.externalId === 'top11');
    expect(groupRequests[alone]?.groups).toHaveLength(1);
    expect(bytes[alone]).toBeGreaterThan(IMPORT_BATCH_BYTES);
    expect(
      bytes.filter((_, index) => index !== alone).every((size) => size <= IMPORT_BATCH_BYTES),
    ).toBe(true);
    expect(groupRequests.every((request) => request.groups.length <= IMPORT_BATCH_SIZE)).toBe(true);
  });

  it('batches as soon as users + groups exceed the batch size by one', () => {
    const requests = buildImportRequests(
      users(IMPORT_BATCH_SIZE),
      groups(1),
      importOptions({ largeImport: true }),
    );

    expect(requests.map((request) => [request.members.length, request.groups.length])).toEqual([
      [2000, 0],
      [0, 1],
    ]);
  });

  it('refuses a batched import that is asked to overwrite existing members', () => {
    const run = () =>
      buildImportRequests(
        users(2001),
        [],
        importOptions({ largeImport: true, overwriteExisting: true }),
      );

    expect(run).toThrow(ConfigurationError);
    expect(run).toThrow(
      "You cannot use the 'Remove and re-add organization users during the next sync' option with large imports.",
    );
    expect(run).toThrow(expect.objectContaining({ code: 'LARGE_IMPORT_WITH_OVERWRITE' }));
  });

  it.each([
    [false, [false, false, true]],
    [true, [false, true, true]],
  ])(
    'with removeDisabled %s sends deleted = deleted || (removeDisabled && disabled)',
    (removeDisabled, expected) => {
      const input = [
        aUser('active') as NormalisedUser,
        aUser('disabled', { disabled: true }) as NormalisedUser,
        aUser('deleted', { deleted: true }) as NormalisedUser,
      ];

      const [request] = buildImportRequests(input, [], importOptions({ removeDisabled }));

      expect(request?.members.map((member) => member.deleted)).toEqual(expected);
    },
  );

  it('marks disabled users deleted in every batch of a large import', () => {
    const input = users(2500).map((user, index) => ({ ...user, disabled: index % 1000 === 0 }));

    const requests = buildImportRequests(
      input,
      [],
      importOptions({ largeImport: true, removeDisabled: true }),
    );

    const deleted = requests.flatMap((request) =>
      request.members.filter((member) => member.deleted).map((member) => member.externalId),
    );
    expect(deleted).toEqual(['u0', 'u1000', 'u2000']);
  });

  it('builds one empty request for an empty directory, as upstream does', () => {
    expect(buildImportRequests([], [], importOptions())).toEqual([
      {
        groups: [],
        members: [],
        overwriteExisting: false,
        largeImport: false,
        inviteUsersAfterProvisioning: false,
      },
    ]);
  });
});
