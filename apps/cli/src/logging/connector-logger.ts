import type { Logger } from '@bwdc/core';

import type { ServiceLog } from './service-log';

/**
 * The Connector's Logger port over the service's pino logger, so what the Connector and the
 * providers log comes out in the same format, redacted the same way.
 */
export function connectorLogger(log: ServiceLog): Logger {
  return {
    log: (level, message, fields) => {
      log[level](fields === undefined ? {} : { ...fields }, message);
    },
  };
}
