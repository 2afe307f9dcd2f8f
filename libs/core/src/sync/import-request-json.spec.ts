import fc from 'fast-check';

import type { ImportRequest } from '../model/import-request';
import { importRequestJson, writeImportRequestJson } from './import-request-json';

const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('"', '\\', '\n', '\u2028', '\ud800'),
);

const request: fc.Arbitrary<ImportRequest> = fc.record({
  groups: fc.array(
    fc.record({
      name: text,
      externalId: text,
      memberExternalIds: fc.array(text, { maxLength: 5 }),
    }),
    { maxLength: 5 },
  ),
  members: fc.array(fc.record({ email: text, externalId: text, deleted: fc.boolean() }), {
    maxLength: 2500,
  }),
  overwriteExisting: fc.boolean(),
  largeImport: fc.boolean(),
  inviteUsersAfterProvisioning: fc.boolean(),
});

const emptyRequest: ImportRequest = {
  groups: [],
  members: [],
  overwriteExisting: false,
  largeImport: false,
  inviteUsersAfterProvisioning: false,
};

describe('writeImportRequestJson', () => {
  it('writes exactly what JSON.stringify gives, for any strings', () => {
    fc.assert(
      fc.property(request, (value) => {
        expect(importRequestJson(value)).toBe(JSON.stringify(value));
      }),
      { numRuns: 200 },
    );
  });

  it('writes member lists longer than one piece exactly as JSON.stringify, escapes included', () => {
    const ids = Array.from({ length: 4500 }, (_, index) => `id-${index}`);
    const special = ['quote"inside', 'back\\slash', 'new\nline', '\u0001', 'lone\ud800', 'pair😀'];
    for (const [offset, value] of special.entries()) {
      const withSpecial = [...ids];
      withSpecial[1999 + offset * 500] = value;
      const request = {
        groups: [{ name: 'g', externalId: 'g', memberExternalIds: withSpecial }],
        members: [],
        overwriteExisting: false,
        largeImport: true,
        inviteUsersAfterProvisioning: false,
      };
      expect(importRequestJson(request)).toBe(JSON.stringify(request));
    }
    const plain = {
      ...emptyRequest,
      groups: [{ name: 'g', externalId: 'g', memberExternalIds: ids }],
    };
    expect(importRequestJson(plain)).toBe(JSON.stringify(plain));
  });

  it('leaves out fields that are not part of the import contract', () => {
    const withExtras = {
      groups: [{ name: 'g', externalId: 'g', memberExternalIds: [], referenceId: 'cn=g' }],
      members: [{ email: 'a@example.com', externalId: 'a', deleted: false, disabled: true }],
      overwriteExisting: false,
      largeImport: false,
      inviteUsersAfterProvisioning: true,
    };

    expect(JSON.parse(importRequestJson(withExtras))).toEqual({
      groups: [{ name: 'g', externalId: 'g', memberExternalIds: [] }],
      members: [{ email: 'a@example.com', externalId: 'a', deleted: false }],
      overwriteExisting: false,
      largeImport: false,
      inviteUsersAfterProvisioning: true,
    });
  });

  it('never puts more than a thousand members or two thousand ids in one piece', () => {
    const members = Array.from({ length: 2500 }, (_, index) => ({
      email: `u${index}@example.com`,
      externalId: `u${index}`,
      deleted: false,
    }));
    const ids = members.map((member) => member.externalId);
    const chunks: string[] = [];

    writeImportRequestJson(
      {
        ...emptyRequest,
        groups: [{ name: 'g', externalId: 'g', memberExternalIds: ids }],
        members,
      },
      (chunk) => chunks.push(chunk),
    );

    const count = (chunk: string, pattern: RegExp) => chunk.match(pattern)?.length ?? 0;
    expect(Math.max(...chunks.map((chunk) => count(chunk, /"email"/g)))).toBe(1000);
    expect(Math.max(...chunks.map((chunk) => count(chunk, /u\d+(?!\d|@)/g)))).toBe(2000);
    expect(chunks.join('')).toBe(
      JSON.stringify({
        ...emptyRequest,
        groups: [{ name: 'g', externalId: 'g', memberExternalIds: ids }],
        members,
      }),
    );
  });
});
