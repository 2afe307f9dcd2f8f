import { outputOptions } from './output-options';
import { renderResponse, renderResponseStreamed } from './render-response';
import type { CliResponse, TestData } from './response';
import { testDataPieces } from './test-data';

const users = Array.from({ length: 3000 }, (_, index) => ({
  externalId: `uid=user${index},ou=people,dc=example,dc=com`,
  displayName: `user${index}@example.com`,
}));
const data: TestData = {
  object: 'test',
  groups: Array.from({ length: 50 }, (_, group) => ({
    externalId: `cn=group${group},ou=groups,dc=example,dc=com`,
    displayName: `Group ${group}`,
    userIds: users.slice(group * 50, group * 50 + 200).map((user) => user.externalId),
  })),
  enabledUsers: users,
  disabledUsers: [],
  deletedUsers: [],
};
const response: CliResponse = { success: true, data };
const environment = { platform: 'linux', color: false } as const;

describe('bwdc test tables', () => {
  it('are printed in pieces of about 64 KB, each a run of whole lines', () => {
    const pieces = [...testDataPieces(data)];

    expect(pieces.length).toBeGreaterThan(3);
    for (const piece of pieces) {
      expect(piece.endsWith('\n')).toBe(true);
      expect(piece.length).toBeLessThan(64 * 1024 + 200);
    }
    const lines = pieces.join('').split('\n');
    // The headings, 3,000 users, "none" twice, 50 groups and their 10,000 members, a final newline.
    expect(lines).toHaveLength(4 + 3000 + 2 + 50 + 50 * 200 + 1);
    expect(lines).toContain('  Group 3 (200)');
    expect(lines).toContain('    user150@example.com');
  });

  it('come out the same streamed as rendered whole, and only then as pieces', () => {
    const options = outputOptions({}, {});
    const streamed = renderResponseStreamed(response, options, environment);

    expect(Array.isArray(streamed.stdout)).toBe(false);
    expect([...streamed.stdout].join('')).toBe(
      renderResponse(response, options, environment).stdout,
    );
    expect([
      ...renderResponseStreamed(response, outputOptions({ quiet: true }, {}), environment).stdout,
    ]).toEqual([]);
  });
});
