import type { Connector, Logger } from '@bwdc/core';

/**
 * What `bwdc serve` needs from the process that runs it, beyond what every command gets. main.ts
 * gives the real process (signals, stdout, exit); a test gives its own.
 */
export interface ServiceHost {
  /** The Connector over the data file, recording runs as the `service`, logging through `logger`. */
  readonly openConnector: (logger: Logger) => Promise<Connector>;
  /** Calls `listener` once on SIGINT or SIGTERM; returns a function that stops listening. */
  readonly onStopSignal: (listener: (signal: string) => void) => () => void;
  /** Ends the process: only used when a sync outlived the shutdown grace period. */
  readonly exit: (code: number) => void;
  /** Where each log line goes. */
  readonly writeLog: (line: string) => void;
  /** Whether the log goes to a terminal (then text is the default format). */
  readonly logIsTerminal: boolean;
  /** This machine's name, for webhooks. */
  readonly hostname: string;
}
