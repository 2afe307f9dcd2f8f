import { DIRECTORY_TYPES } from '@bwdc/core';
import { z } from 'zod';

import type { ConnectorMethod } from '../../shared/connector-channels';

const text = z.string().min(1).max(1_000);
const url = z.string().min(1).max(2_000);
const none = z.tuple([]);
/** A settings object: field names to plain values, as the form sends them. */
const fieldValues = z.record(
  z.string().max(100),
  z.union([z.string().max(100_000), z.number(), z.boolean(), z.null()]),
);

/**
 * What each channel accepts, checked in main before anything runs: a renderer is not trusted to
 * send what its types promise. Objects are strict, so an unexpected field is refused, not ignored.
 */
export const BRIDGE_ARGUMENTS: Readonly<Record<ConnectorMethod, z.ZodType<unknown[]>>> = {
  login: z.tuple([z.strictObject({ clientId: text, clientSecret: text })]),
  logout: none,
  isLoggedIn: none,
  setServer: z.tuple([
    z.union([z.null(), z.strictObject({ base: url }), z.strictObject({ api: url, identity: url })]),
  ]),
  status: none,
  test: z.tuple([z.strictObject({ sinceLast: z.boolean() })]),
  planSync: none,
  syncNow: z.tuple([z.strictObject({ force: z.boolean() })]),
  lastSync: z.tuple([z.enum(['users', 'groups'])]),
  clearCache: none,
  startSchedule: none,
  stopSchedule: none,
  settings: none,
  saveSettings: z.tuple([
    z.strictObject({
      directoryType: z.enum(DIRECTORY_TYPES).nullable(),
      directory: fieldValues,
      sync: fieldValues,
      secret: z.string().max(100_000).nullable().optional(),
    }),
  ]),
  switchProfile: z.tuple([text]),
  addProfile: z.tuple([text]),
  removeProfile: z.tuple([text]),
  events: z.tuple([z.number().int().min(0)]),
  logs: none,
  showDataFile: none,
  pickFile: z.tuple([z.strictObject({ title: z.string().max(200) })]),
  readServiceAccountKey: z.tuple([text]),
};
