import {
  DeletionGuardError,
  EmptyDirectoryReadError,
  SyncInProgressError,
  type PlannedRemoval,
} from '@bwdc/core';

import { errorResponse } from './error-response';
import { outputOptions, type OutputOptions } from './output-options';
import { renderResponse } from './render-response';

const removals = (count: number): PlannedRemoval[] =>
  Array.from({ length: count }, (_, index) => ({
    memberId: `member-${index + 1}`,
    email: `user${index + 1}@example.com`,
    externalId: `E${index + 1}`,
    type: 'user',
    status: 'confirmed',
    reason: 'unlisted',
  }));
const render = (error: unknown, flags: Partial<OutputOptions> = {}) =>
  renderResponse(
    errorResponse(error),
    { ...outputOptions({}, {}), ...flags },
    { platform: 'linux', color: false },
  );

describe('a sync refused by a guard', () => {
  it('exits 3 for the deletion guard, listing each removal on its own line after the message', () => {
    const { stdout, stderr, exitCode } = render(new DeletionGuardError(removals(3), 10, 101));

    expect(exitCode).toBe(3);
    expect(stdout).toBe('');
    const [first, ...rest] = stderr.split('\n');
    expect(first).toMatch(
      /^The sync would remove 3 of 101 members, more than the deletion guard allows \(10\); nothing was sent\. .*bwdc sync --force/,
    );
    expect(rest).toEqual([
      'Would remove:',
      '  user1@example.com  E1  (unlisted)',
      '  user2@example.com  E2  (unlisted)',
      '  user3@example.com  E3  (unlisted)',
      '',
    ]);
  });

  it('caps the text list at 50, while --response lists every removal in the envelope', () => {
    const error = new DeletionGuardError(removals(80), 10, 500);

    const text = render(error).stderr;
    const json = JSON.parse(render(error, { response: true }).stdout) as {
      success: boolean;
      errorCode: string;
      side: string;
      guard: { reason: string; limit: number; removals: { email: string }[] };
    };

    expect(text).toContain('  user50@example.com  E50  (unlisted)\n');
    expect(text).not.toContain('user51@example.com');
    expect(text).toContain('  and 30 more (bwdc --response plan lists them all)\n');
    expect(json).toMatchObject({
      success: false,
      errorCode: 'DELETION_GUARD_TRIPPED',
      side: 'directory',
      guard: { reason: 'too-many-removals', limit: 10, organizationMembers: 500 },
    });
    expect(json.guard.removals).toHaveLength(80);
    expect(json.guard.removals[79]).toEqual({
      email: 'user80@example.com',
      externalId: 'E80',
      reason: 'unlisted',
    });
  });

  it('exits 3 for an empty read, on one line, and says so in the envelope', () => {
    const text = render(new EmptyDirectoryReadError(100));
    const json = render(new EmptyDirectoryReadError(100), { response: true });

    expect(text.exitCode).toBe(3);
    expect(text.stderr).toMatch(
      /^The directory returned no users, where the last successful sync had 100; nothing was sent\. [^\n]+\n$/,
    );
    expect(json.exitCode).toBe(3);
    expect(JSON.parse(json.stdout)).toMatchObject({
      success: false,
      errorCode: 'EMPTY_DIRECTORY_READ',
      guard: { reason: 'empty-read', lastSyncUsers: 100 },
    });
  });

  it('keeps exit 1 for every other error, a sync already running included', () => {
    expect(render(new SyncInProgressError('/data/data.json.lock')).exitCode).toBe(1);
    expect(render(new Error('boom')).exitCode).toBe(1);
  });

  it('exits 0 with --cleanexit, and prints nothing with --quiet but still exits 3', () => {
    const error = new DeletionGuardError(removals(30), 10, 101);

    expect(render(error, { cleanExit: true }).exitCode).toBe(0);
    expect(render(error, { quiet: true })).toEqual({ stdout: '', stderr: '', exitCode: 3 });
  });
});
