import { DeletionGuardError, SyncError, guardRefusalOf } from '@bwdc/core';

import type { ErrorResponse } from './response';

/**
 * Any failure as one clear line: a typed error says what failed and what to do; anything else
 * still gets its message, never `[object Object]` (upstream's rendering of a rejected `null`).
 */
export function errorResponse(error: unknown): ErrorResponse {
  const guard = guardRefusalOf(error);
  if (error instanceof DeletionGuardError && guard !== null) {
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
      guard,
    };
  }
  if (error instanceof SyncError) {
    return guard === null ? syncErrorResponse(error) : { ...syncErrorResponse(error), guard };
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
