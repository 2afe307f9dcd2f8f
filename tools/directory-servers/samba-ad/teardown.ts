/** Something a start acquired: released asynchronously by stop(), synchronously at process exit. */
export interface Releasable {
  readonly name: string;
  release(): Promise<void>;
  /** For the process 'exit' hook, where nothing asynchronous runs any more. */
  releaseSync(): void;
}

/**
 * Everything a start acquired, in order. A failed start and stop() release it in reverse (relays
 * before samba before the namespace before the folder), so each step can register what it made
 * as soon as it exists and no step needs its own clean-up path.
 */
export class Teardown {
  private readonly items: Releasable[] = [];
  private releasing: Promise<void> | undefined;

  add(item: Releasable): void {
    if (this.releasing !== undefined) {
      // A start step finishing after stop() began: release it at once rather than leak it.
      item.releaseSync();
      return;
    }
    this.items.push(item);
  }

  /** Releases everything once; later calls return the same promise. Keeps going past failures. */
  release(): Promise<void> {
    this.releasing ??= (async () => {
      const failures: string[] = [];
      for (const item of [...this.items].reverse()) {
        try {
          await item.release();
        } catch (error) {
          failures.push(`${item.name}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      this.items.length = 0;
      if (failures.length > 0) {
        throw new Error(`clean-up failed:\n${failures.join('\n')}`);
      }
    })();
    return this.releasing;
  }

  releaseSync(): void {
    for (const item of this.items.splice(0).reverse()) {
      try {
        item.releaseSync();
      } catch {
        // Best effort: the process is exiting and has nobody to report to.
      }
    }
  }
}
