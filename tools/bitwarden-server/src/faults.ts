export type FaultRoute = 'token' | 'import' | 'members' | 'groups' | 'group-member-ids' | 'any';

export type Fault =
  | { route: FaultRoute; times: number; kind: 'latency'; ms: number }
  | { route: FaultRoute; times: number; kind: 'status'; status: number; retryAfterSeconds?: number }
  | { route: FaultRoute; times: number; kind: 'drop' };

/** The route names a fault can target; inspection endpoints are never faulted. */
export type RouteName = Exclude<FaultRoute, 'any'>;

const ROUTES: readonly string[] = [
  'token',
  'import',
  'members',
  'groups',
  'group-member-ids',
  'any',
];

export class FaultError extends Error {
  override readonly name = 'FaultError';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0;

/** Checks a fault that came from outside (the inspection endpoint) before it is queued. */
export function validateFault(value: unknown): Fault {
  if (!isRecord(value)) {
    throw new FaultError('fault must be a JSON object');
  }
  if (typeof value['route'] !== 'string' || !ROUTES.includes(value['route'])) {
    throw new FaultError(`route must be one of ${ROUTES.join(', ')}`);
  }
  if (!isCount(value['times']) || value['times'] === 0) {
    throw new FaultError('times must be a positive integer');
  }
  switch (value['kind']) {
    case 'latency':
      if (!isCount(value['ms'])) {
        throw new FaultError('ms must be a non-negative integer');
      }
      break;
    case 'status': {
      const status = value['status'];
      if (!isCount(status) || status < 100 || status > 599) {
        throw new FaultError('status must be an HTTP status code');
      }
      if (value['retryAfterSeconds'] !== undefined && !isCount(value['retryAfterSeconds'])) {
        throw new FaultError('retryAfterSeconds must be a non-negative integer');
      }
      break;
    }
    case 'drop':
      break;
    default:
      throw new FaultError('kind must be one of latency, status, drop');
  }
  return value as unknown as Fault;
}

interface ActiveFault {
  fault: Fault;
  remaining: number;
}

/** Faults in injection order; each one spends itself on the next `times` matching requests. */
export class FaultQueue {
  private active: ActiveFault[] = [];

  inject(fault: Fault): void {
    this.active.push({ fault: { ...fault }, remaining: fault.times });
  }

  clear(): void {
    this.active = [];
  }

  /** Takes the first live fault for this route, if any. */
  take(route: RouteName): Fault | undefined {
    const match = this.active.find(
      (candidate) => candidate.fault.route === 'any' || candidate.fault.route === route,
    );
    if (match === undefined) {
      return undefined;
    }
    match.remaining -= 1;
    if (match.remaining <= 0) {
      this.active = this.active.filter((candidate) => candidate !== match);
    }
    return match.fault;
  }
}

/** The body Bitwarden's CustomIpRateLimitMiddleware writes with a 429. */
export const RATE_LIMIT_BODY = {
  message: 'Slow down! Too many requests. Try again in 1m.',
  validationErrors: null,
  exceptionMessage: null,
  exceptionStackTrace: null,
  innerExceptionMessage: null,
  object: 'error',
} as const;
