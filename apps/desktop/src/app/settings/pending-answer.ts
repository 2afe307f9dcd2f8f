import { signal } from '@angular/core';

/**
 * A yes/no question put to the user in an in-app dialog while the caller waits. Asking again
 * before an answer drops the earlier question as a no.
 */
export class PendingAnswer {
  private resolve: ((answer: boolean) => void) | null = null;
  private readonly asking = signal(false);
  /** Whether the dialog is open. */
  readonly open = this.asking.asReadonly();

  ask(): Promise<boolean> {
    this.answer(false);
    this.asking.set(true);
    return new Promise((resolve) => {
      this.resolve = resolve;
    });
  }

  answer(answer: boolean): void {
    const resolve = this.resolve;
    this.resolve = null;
    this.asking.set(false);
    resolve?.(answer);
  }
}
