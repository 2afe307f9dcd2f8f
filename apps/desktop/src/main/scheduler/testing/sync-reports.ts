import type { SyncReport } from '@bwdc/core';

export function aSyncReport(users = 3, groups = 1): SyncReport {
  return {
    outcome: 'send',
    mode: 'delta',
    requestsSent: 1,
    counts: {
      users,
      enabledUsers: users,
      disabledUsers: 0,
      deletedUsers: 0,
      sentAsDeleted: 0,
      groups,
      memberships: users,
      droppedUsers: 0,
      requests: 1,
    },
    dropped: [],
    notices: [],
    organization: null,
    guard: null,
  };
}

/** A promise and the means to settle it from the test, for a sync that is still going on. */
export function deferred<T>(): {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
} {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
}
