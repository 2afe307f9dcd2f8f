/**
 * Why the host answered a request with an HTTP error instead of passing it on: thrown by the
 * checks, turned into a JSON `{ error: { code, message } }` response in one place.
 */
export class HttpRefusal extends Error {
  override readonly name = 'HttpRefusal';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Extra response headers, such as `Allow` for 405. */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}
