import { DeletionGuardError, EmptyDirectoryReadError, SyncError } from '@bwdc/core';

import type { ErrorResponse, GuardRefusal } from './response';

/**
 * Any failure as one clear line: a typed error says what failed and what to do; anything else
 * still gets its message, never `[object Object]` (upstream's rendering of a rejected `null`).
 */
export function errorResponse(error: unknown): ErrorResponse {
  if (error instanceof DeletionGuardError) {
    return {
      success: false,
      // Not the core's message, which names the first removals inline: the text output lists
      // them after this line, and the envelope carries them all in `guard.removals`.
      message: oneLine(
        `The sync would remove ${error.removals.length} of ${error.organizationMembers} ` +
          `members, more than the deletion guard allows (${error.limit}); nothing was sent. ` +
          error.remedy,
      ),
      errorCode: error.code,
      side: error.side,
      guard: guardRefusal(error),
    };
  }
  if (error instanceof EmptyDirectoryReadError) {
    return { ...syncErrorResponse(error), guard: guardRefusal(error) };
  }
  if (error instanceof SyncError) {
    return syncErrorResponse(error);
  }
  return { success: false, message: oneLine(describe(error)) };
}

function syncErrorResponse(error: SyncError): ErrorResponse {
  return {
    success: false,
    message: oneLine(`${error.message} ${error.remedy}`),
    errorCode: error.code,
    side: error.side,
  };
}

function guardRefusal(error: DeletionGuardError | EmptyDirectoryReadError): GuardRefusal {
  if (error instanceof EmptyDirectoryReadError) {
    return { reason: 'empty-read', lastSyncUsers: error.lastSyncUsers };
  }
  return {
    reason: 'too-many-removals',
    removals: error.removals.map(({ email, externalId, reason }) => ({
      email,
      externalId,
      reason,
    })),
    limit: error.limit,
    organizationMembers: error.organizationMembers,
  };
}

function describe(error: unknown): string {
  if (typeof error === 'string' && error.trim() !== '') {
    return error;
  }
  if (error instanceof Error && error.message.trim() !== '') {
    return error.message;
  }
  if (error === null || error === undefined) {
    return 'The command failed without saying why. Run it again with BITWARDENCLI_CONNECTOR_DEBUG=true to see details.';
  }
  try {
    const json = JSON.stringify(error);
    if (json !== undefined && json !== '{}') {
      return json;
    }
  } catch {
    // A cyclic object: fall through to its string form.
  }
  return String(error);
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
