import { z } from 'zod';

import type { ConnectorMethod } from '../../shared/connector-channels';

const text = z.string().min(1).max(1_000);

/**
 * What each channel accepts, checked in main before anything runs: a renderer is not trusted to
 * send what its types promise. Objects are strict, so an unexpected field is refused, not ignored.
 */
export const BRIDGE_ARGUMENTS: Readonly<Record<ConnectorMethod, z.ZodType<unknown[]>>> = {
  login: z.tuple([z.strictObject({ clientId: text, clientSecret: text })]),
  logout: z.tuple([]),
  isLoggedIn: z.tuple([]),
  test: z.tuple([z.strictObject({ sinceLast: z.boolean() })]),
  sync: z.tuple([z.strictObject({ force: z.boolean() })]),
  lastSync: z.tuple([z.enum(['users', 'groups'])]),
  clearCache: z.tuple([]),
};
