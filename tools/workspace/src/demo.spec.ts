import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';

const workspaceRoot = path.resolve(__dirname, '../../..');

describe('npm run demo', () => {
  it('configures, logs in, tests and syncs with bwdc, and shows the organization', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'tools/demo/src/main.ts'],
      { cwd: workspaceRoot },
    );

    expect(stdout).toContain('$ bwdc config directory file\n  Saved setting `directory`.');
    expect(stdout).toContain('$ bwdc login\n  You are logged in!');
    expect(stdout).toContain('Enabled users (10)');
    // The preview before the first sync says what the sync then does: 9 invited, alice linked.
    expect(stdout).toMatch(
      /\$ bwdc plan\n {2}Plan: what bwdc sync would do now\. Nothing was sent\./,
    );
    expect(stdout).toMatch(/to add \(invited or staged\)\s+9\n/);
    expect(stdout).toMatch(/linked by email\s+1\n/);
    expect(stdout).toContain('Deletion guard: 0 removal(s), within the limit of 10');
    expect(stdout).toContain(
      '$ bwdc sync\n  Syncing complete.\n  Synced 4 group(s) and 12 user(s).',
    );
    expect(stdout).toContain(
      '$ bwdc sync\n  Nothing to sync.\n  Unchanged since the last sync: nothing sent.',
    );
    expect(stdout).toContain('Synced 4 group(s) and 13 user(s).');
    expect(stdout).toMatch(/\$ bwdc last-sync users\n {2}\d{4}-\d\d-\d\dT/);
    // Every run is in the history, newest first.
    expect(stdout).toMatch(
      /\$ bwdc history --limit 5\n.*\n.*sync\s+cli\s+manual\s+sent[^\n]*\n.*unchanged[^\n]*\n.*sent[^\n]*\n.*plan\s+cli\s+manual\s+planned[^\n]*\n.*test\s+cli\s+manual\s+read/,
    );
    // The organization: the pre-invited admin linked by email, the new hire invited, the
    // hand-made group untouched, the disabled and deleted people not members.
    expect(stdout).toMatch(/alice\.chen@example\.com\s+admin\s+accepted\s+E1001/);
    expect(stdout).toMatch(/mia\.lopez@example\.com\s+user\s+invited\s+E1013/);
    expect(stdout).toContain('group "Auditors": owner@example.com');
    expect(stdout).not.toMatch(/kate\.murphy@example\.com\s+user/);
    expect(stdout).not.toMatch(/liam\.walsh@example\.com\s+user/);
  }, 120_000);
});
