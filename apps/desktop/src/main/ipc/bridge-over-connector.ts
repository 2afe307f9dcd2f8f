import { userState, type Connector, type NormalisedUser, type UserState } from '@bwdc/core';

import type { ConnectorBridge, UserView } from '../../shared/connector-bridge';

/** Main's side of the bridge: the real Connector, its results turned into plain data. */
export function bridgeOverConnector(connector: Connector): ConnectorBridge {
  return {
    login: (apiKey) => connector.login(apiKey),
    logout: () => connector.logout(),
    isLoggedIn: () => connector.isLoggedIn(),
    test: async (options) => {
      const { plan } = await connector.test({ sinceLast: options.sinceLast });
      const view = (user: NormalisedUser): UserView => ({
        externalId: user.externalId,
        email: user.email,
        referenceId: user.referenceId,
      });
      const lists: Record<UserState, UserView[]> = { enabled: [], disabled: [], deleted: [] };
      for (const user of plan.users) {
        lists[userState(user)].push(view(user));
      }
      return {
        enabledUsers: lists.enabled,
        disabledUsers: lists.disabled,
        deletedUsers: lists.deleted,
        groups: plan.groups.map((group) => ({
          externalId: group.externalId,
          name: group.name,
          memberExternalIds: [...group.memberExternalIds],
        })),
        counts: plan.counts,
        dropped: plan.dropped,
        notices: plan.notices,
      };
    },
    sync: (options) => connector.sync({ force: options.force }),
    lastSync: (kind) => connector.lastSync(kind),
    clearCache: () => connector.clearCache(),
  };
}
