/** `Bit.Api.Models.Public.Response.ErrorResponseModel`, serialised the way the Public API does. */
export interface PublicErrorBody {
  object: 'error';
  message: string;
  errors: Record<string, string[]> | null;
}

export const UNHANDLED_ERROR_MESSAGE = 'An unhandled server error has occurred.';
export const MODEL_STATE_INVALID_MESSAGE = "The request's model state is invalid.";

export function publicError(
  message: string,
  errors: Record<string, string[]> | null = null,
): PublicErrorBody {
  return { object: 'error', message, errors };
}

/** An error that ends a request with a Public API error body; earlier import steps stay applied. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly body: PublicErrorBody,
  ) {
    super(body.message);
  }

  static badRequest(message: string): ApiError {
    return new ApiError(400, publicError(message));
  }

  static unhandled(): ApiError {
    return new ApiError(500, publicError(UNHANDLED_ERROR_MESSAGE));
  }

  static notFound(): ApiError {
    return new ApiError(404, publicError('Resource not found.'));
  }
}
