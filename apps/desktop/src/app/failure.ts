import { ConnectorCallError } from '../shared/connector-client';

/** A failed call as the screens show it: what went wrong and, when main knows it, what to do. */
export interface Failure {
  readonly message: string;
  readonly remedy: string | null;
}

/**
 * Reads a rejected connector call. A `ConnectorCallError` carries its remedy; anything else
 * (a transport failure, a bug) shows its message alone.
 */
export function failureOf(error: unknown): Failure {
  if (error instanceof ConnectorCallError) {
    return { message: error.message, remedy: error.remedy };
  }
  if (error instanceof Error && error.message !== '') {
    return { message: error.message, remedy: null };
  }
  return { message: 'The connector did not answer.', remedy: null };
}
