import { signal } from '@angular/core';

/** Which rows of a list are open, by key: a group opened to its members, say. */
export class ExpandedKeys {
  // A new set on every change: a signal sees no change made inside the same set.
  private readonly keys = signal<ReadonlySet<string>>(new Set());

  has(key: string): boolean {
    return this.keys().has(key);
  }

  toggle(key: string): void {
    this.keys.update((keys) => {
      const next = new Set(keys);
      if (!next.delete(key)) {
        next.add(key);
      }
      return next;
    });
  }
}
