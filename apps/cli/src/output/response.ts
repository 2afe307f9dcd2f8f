import type { GuardRefusal, PlanReport, RunRecord } from '@bwdc/core';

/**
 * What every command returns, in upstream's envelope (`src-cli` `Response`): scripts that parse
 * `bwdc --response` keep working. Commands never print; the renderer does.
 */
export type CliResponse = SuccessResponse | ErrorResponse;

export interface SuccessResponse {
  readonly success: true;
  readonly data: ResponseData;
}

export interface ErrorResponse {
  readonly success: false;
  /** One line naming the problem and what to do. */
  readonly message: string;
  /** A stable code scripts can match on (`LDAP_BIND_FAILED`...); upstream had none. */
  readonly errorCode?: string;
  /** Where the problem is: directory, bitwarden, local-file or configuration. */
  readonly side?: string;
  /** Set when a safety guard refused the sync (exit code 3): what it measured. */
  readonly guard?: GuardRefusal;
}

export type ResponseData = MessageData | StringData | ListData | TestData | PlanData | HistoryData;

export interface MessageData {
  readonly object: 'message';
  readonly title: string | null;
  readonly message: string | null;
  /** What `--raw` prints instead of the title and message. */
  readonly raw?: string | null;
  readonly noColor?: boolean;
}

export interface StringData {
  readonly object: 'string';
  readonly data: string | null;
}

export interface ListData {
  readonly object: 'list';
  readonly data: readonly unknown[];
}

/** Upstream's `bwdc test` result. */
export interface TestData {
  readonly object: 'test';
  readonly groups: readonly {
    readonly externalId: string;
    readonly displayName: string;
    readonly userIds: readonly string[];
  }[];
  readonly enabledUsers: readonly TestUser[];
  readonly disabledUsers: readonly TestUser[];
  readonly deletedUsers: readonly TestUser[];
}

export interface TestUser {
  readonly externalId: string;
  readonly displayName: string;
}

export const messageResponse = (
  title: string | null,
  message: string | null = null,
  raw: string | null = null,
): SuccessResponse => ({
  success: true,
  data: { object: 'message', title, message, raw, noColor: false },
});

export const stringResponse = (data: string | null): SuccessResponse => ({
  success: true,
  data: { object: 'string', data },
});

export const listResponse = (data: readonly unknown[]): SuccessResponse => ({
  success: true,
  data: { object: 'list', data },
});

/** `bwdc plan`: the whole PlanReport (it holds no secret), flat like `test`. */
export interface PlanData extends PlanReport {
  readonly object: 'plan';
}

/** `bwdc history`: the kept runs, newest first. */
export interface HistoryData {
  readonly object: 'history';
  readonly runs: readonly RunRecord[];
}
