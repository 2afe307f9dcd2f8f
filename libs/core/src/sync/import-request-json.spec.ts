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
    depthIdentifier: 'members',
  }),
  overwriteExisting: fc.boolean(),
  largeImport: fc.boolean(),
  inviteUsersAfterProvisioning: fc.boolean(),
});

describe('writeImportRequestJson', () => {
  it('writes exactly what JSON.stringify gives, for any strings', () => {
    fc.assert(
      fc.property(request, (value) => {
        expect(importRequestJson(value)).toBe(JSON.stringify(value));
      }),
      { numRuns: 200 },
    );
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

  it('writes a thousand members per piece', () => {
    const members = Array.from({ length: 2500 }, (_, index) => ({
      email: `u${index}@example.com`,
      externalId: `u${index}`,
      deleted: false,
    }));
    const chunks: string[] = [];

    writeImportRequestJson(
      {
        groups: [],
        members,
        overwriteExisting: false,
        largeImport: true,
        inviteUsersAfterProvisioning: false,
      },
      (chunk) => chunks.push(chunk),
    );

    expect(chunks).toHaveLength(6);
  });
});
