import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  output,
  PendingTasks,
  signal,
} from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';

import { CONNECTOR } from '../connector.token';
import { type Failure, failureOf } from '../failure';
import { FailureAlertComponent } from '../failure-alert.component';

/**
 * The profiles: switch the active one, add one, remove the active one. Main checks the names and
 * refuses to remove the active profile, so removing switches to another profile first.
 */
@Component({
  selector: 'bwdc-profiles',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, FailureAlertComponent],
  templateUrl: './profiles.component.html',
  styleUrl: './profiles.component.css',
})
export class ProfilesComponent {
  private readonly connector = inject(CONNECTOR);
  private readonly pendingTasks = inject(PendingTasks);

  readonly profile = input.required<string>();
  readonly profiles = input.required<readonly string[]>();
  /** Asked before the form is left for another profile: true when that is fine. */
  readonly confirmLeave = input.required<() => Promise<boolean>>();
  /** The active profile changed: the settings must be read again. */
  readonly switched = output();
  /** A profile was added: the list must be read again. */
  readonly added = output();

  readonly newName = new FormControl('', { nonNullable: true });
  readonly busy = signal(false);
  readonly failure = signal<Failure | null>(null);
  readonly confirmingRemoval = signal(false);
  /** Where removing the active profile goes: `default` when it can, otherwise the first other. */
  readonly fallback = computed(() => {
    const others = this.profiles().filter((name) => name !== this.profile());
    return others.find((name) => name === 'default') ?? others[0] ?? null;
  });

  async switchTo(select: HTMLSelectElement): Promise<void> {
    const name = select.value;
    if (name === this.profile()) {
      return;
    }
    const switched =
      (await this.confirmLeave()()) && (await this.run(() => this.connector.switchProfile(name)));
    if (switched) {
      this.switched.emit();
    } else {
      select.value = this.profile();
    }
  }

  async add(): Promise<void> {
    const name = this.newName.value.trim();
    if (name === '') {
      return;
    }
    if (await this.run(() => this.connector.addProfile(name))) {
      this.newName.reset();
      this.added.emit();
    }
  }

  async remove(): Promise<void> {
    const name = this.profile();
    const fallback = this.fallback();
    this.confirmingRemoval.set(false);
    if (fallback === null || !(await this.confirmLeave()())) {
      return;
    }
    if (!(await this.run(() => this.connector.switchProfile(fallback)))) {
      return;
    }
    // Switched either way: the form must follow even when the removal itself fails.
    await this.run(() => this.connector.removeProfile(name));
    this.switched.emit();
  }

  /** Calls main; false, with the failure shown, when it refuses. */
  private async run(call: () => Promise<void>): Promise<boolean> {
    this.busy.set(true);
    this.failure.set(null);
    const done = this.pendingTasks.add();
    try {
      await call();
      return true;
    } catch (error) {
      this.failure.set(failureOf(error));
      return false;
    } finally {
      this.busy.set(false);
      done();
    }
  }
}
