import type { Clock, LogFields, LogLevel, Logger } from '@bwdc/core';

import type { LogLine } from '../../shared/connector-bridge';

const KEPT_LINES = 1_000;

/**
 * The app's logger: passes every line on (to the console or a file) and keeps the latest for the
 * More screen's log view. Fields are not kept: the Logger contract keeps secrets out of them, but
 * the view needs only the message.
 */
export class LogBuffer implements Logger {
  private readonly kept: LogLine[] = [];

  constructor(
    private readonly next: Logger,
    private readonly clock: Clock,
  ) {}

  log(level: LogLevel, message: string, fields?: LogFields): void {
    this.next.log(level, message, fields);
    this.kept.push({ at: this.clock.now().toISOString(), level, message });
    if (this.kept.length > KEPT_LINES) {
      this.kept.shift();
    }
  }

  lines(): readonly LogLine[] {
    return [...this.kept];
  }
}
