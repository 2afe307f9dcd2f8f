/**
 * What a test started, to stop again: the last started first (the browser before the host it
 * talks to, the host before the servers behind it), and every step even when one before it
 * failed, so a failing test leaves no server, browser or folder behind.
 */
export class Teardown {
  private readonly steps: (() => Promise<void>)[] = [];

  add(step: () => Promise<void>): void {
    this.steps.push(step);
  }

  /** Runs the steps once; throws what failed after all of them ran. */
  async run(): Promise<void> {
    const errors: unknown[] = [];
    for (const step of this.steps.splice(0).reverse()) {
      try {
        await step();
      } catch (error) {
        errors.push(error);
      }
    }
    if (errors.length === 1) {
      throw errors[0];
    }
    if (errors.length > 1) {
      throw new AggregateError(errors, 'Several teardown steps failed.');
    }
  }

  /** `start()`'s result; when it throws, what was started so far is stopped first. */
  async guard<T>(start: () => Promise<T>): Promise<T> {
    try {
      return await start();
    } catch (error) {
      await this.run().catch((stopError: unknown) => {
        throw new AggregateError([error, stopError], 'Starting failed, and so did stopping.');
      });
      throw error;
    }
  }
}
