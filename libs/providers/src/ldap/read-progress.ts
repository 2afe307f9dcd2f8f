import type { ReadProgress } from '@bwdc/core';

/** Counts the entries a read takes in and tells the listener every `every` of them. */
export class ReadProgressCounter {
  private users = 0;
  private groups = 0;

  constructor(
    private readonly listener: ((progress: ReadProgress) => void) | undefined,
    private readonly every = 500,
  ) {}

  user(): void {
    this.users += 1;
    this.tellEvery();
  }

  group(): void {
    this.groups += 1;
    this.tellEvery();
  }

  /** The final counts, once the read is complete. */
  done(): void {
    this.listener?.({ users: this.users, groups: this.groups });
  }

  private tellEvery(): void {
    if (this.listener && (this.users + this.groups) % this.every === 0) {
      this.listener({ users: this.users, groups: this.groups });
    }
  }
}
