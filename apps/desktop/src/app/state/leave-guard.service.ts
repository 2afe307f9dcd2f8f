import { Injectable } from '@angular/core';

/** Asked before the shell leaves a screen: true to go on (nothing unsaved, or the user agreed). */
export type LeaveCheck = () => Promise<boolean>;

/**
 * The unsaved-changes guard between the shell and a screen with a form: the screen registers its
 * check while it is shown, the shell asks it before switching screens. Upstream saved silently
 * when a tab was left; here nothing is saved without Save.
 */
@Injectable({ providedIn: 'root' })
export class LeaveGuard {
  private check: LeaveCheck | null = null;

  /** Registers the shown screen's check; returns a function that removes it. */
  register(check: LeaveCheck): () => void {
    this.check = check;
    return () => {
      if (this.check === check) {
        this.check = null;
      }
    };
  }

  canLeave(): Promise<boolean> {
    return this.check === null ? Promise.resolve(true) : this.check();
  }
}
