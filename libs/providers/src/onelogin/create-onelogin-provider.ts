import { z } from 'zod';

import type { ProviderContext } from '../registry';
import { CloudSyncScopeSchema, parseProviderSettings } from '../shared/provider-settings-input';
import { OneLoginDirectoryProvider } from './onelogin-directory-provider';
import { OneLoginDirectorySettingsSchema } from './onelogin-settings';

/** Upstream's username + suffix fallback for users without an email rides in the sync options. */
const OneLoginSyncScopeSchema = CloudSyncScopeSchema.extend({
  useEmailPrefixSuffix: z.boolean().default(false),
  emailSuffix: z.string().nullable().default(null),
});

/** The registry's factory: validates the settings, naming every problem, and reads the secret. */
export function createOneLoginProvider(context: ProviderContext): OneLoginDirectoryProvider {
  const { directory, sync } = parseProviderSettings(context, {
    label: 'OneLogin',
    key: 'onelogin',
    directory: OneLoginDirectorySettingsSchema,
    sync: OneLoginSyncScopeSchema,
  });
  return new OneLoginDirectoryProvider({
    directory,
    sync,
    clientSecret: context.secrets['clientSecret'] ?? null,
    logger: context.logger,
  });
}
