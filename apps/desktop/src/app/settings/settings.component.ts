import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  PendingTasks,
  signal,
  untracked,
} from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';

import type { SettingsProblem, SettingsView } from '../../shared/settings-view';
import { CONNECTOR } from '../connector.token';
import { type Failure, failureOf } from '../failure';
import { AppState } from '../state/app-state.service';
import { LeaveGuard } from '../state/leave-guard.service';
import { DIRECTORY_LABELS } from './directory-labels';
import { DirectorySettingsComponent } from './directory-settings.component';
import { PendingAnswer } from './pending-answer';
import { ProfilesComponent } from './profiles.component';
import { sameSettings } from './same-settings';
import { SettingsForm } from './settings-form';
import { placeProblems } from './settings-problems';
import { SyncSettingsComponent } from './sync-settings.component';
import { UnsavedDialogComponent } from './unsaved-dialog.component';
import { FailureAlertComponent } from '../failure-alert.component';

/**
 * Directory and sync settings of the active profile, and the profiles. Nothing is saved without
 * Save (upstream saved silently when a tab was left); leaving with edits asks first, and a change
 * made elsewhere (`bwdc config`) never silently replaces them.
 */
@Component({
  selector: 'bwdc-settings',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DirectorySettingsComponent,
    ProfilesComponent,
    ReactiveFormsModule,
    SyncSettingsComponent,
    UnsavedDialogComponent,
    FailureAlertComponent,
  ],
  templateUrl: './settings.component.html',
  styleUrl: './settings.component.css',
})
export class SettingsComponent {
  private readonly connector = inject(CONNECTOR);
  private readonly pendingTasks = inject(PendingTasks);
  private readonly state = inject(AppState);
  /** The last settings revision this screen has compared with main's settings. */
  private handledRevision = this.state.settingsRevision();

  readonly directoryLabels = DIRECTORY_LABELS;
  /** The settings as main last gave them: what the form started from. */
  readonly view = signal<SettingsView | null>(null);
  readonly form = signal<SettingsForm | null>(null);
  readonly loadFailure = signal<Failure | null>(null);
  readonly saving = signal(false);
  readonly saved = signal(false);
  readonly failure = signal<Failure | null>(null);
  readonly problems = signal<readonly SettingsProblem[]>([]);
  readonly changedElsewhere = signal(false);
  readonly leaveQuestion = new PendingAnswer();

  readonly placedProblems = computed(() => {
    const form = this.form();
    return placeProblems(this.problems(), form?.shownKeys() ?? new Set());
  });
  readonly dirty = computed(() => this.form()?.dirty() ?? false);

  /** The unsaved-changes check, for the shell and the profile switch. */
  readonly confirmLeave = async (): Promise<boolean> => {
    if (!this.dirty()) {
      return true;
    }
    return this.leaveQuestion.ask();
  };

  constructor() {
    const unregister = inject(LeaveGuard).register(this.confirmLeave);
    inject(DestroyRef).onDestroy(() => {
      unregister();
      this.leaveQuestion.answer(false);
    });
    effect(() => {
      const revision = this.state.settingsRevision();
      untracked(() => void this.compareOnRevision(revision));
    });
    void this.load();
  }

  /** Reads the settings afresh onto a clean form (first load, Retry, Reload). */
  async load(): Promise<void> {
    this.loadFailure.set(null);
    this.failure.set(null);
    try {
      this.show(await this.read());
    } catch (error) {
      if (this.view() === null) {
        this.loadFailure.set(failureOf(error));
      } else {
        this.failure.set(failureOf(error));
      }
    }
  }

  /** After a profile was added: the new list, without touching the edits. */
  async readProfiles(): Promise<void> {
    try {
      this.absorb(await this.read());
    } catch (error) {
      this.failure.set(failureOf(error));
    }
  }

  /** The active profile changed: its settings replace the form (the guard has asked). */
  async profileSwitched(): Promise<void> {
    await this.load();
    await this.state.refresh();
  }

  async save(): Promise<void> {
    const form = this.form();
    if (form === null || this.saving()) {
      return;
    }
    this.saved.set(false);
    this.failure.set(null);
    this.problems.set([]);
    const change = form.change();
    if (change === null) {
      return;
    }
    this.saving.set(true);
    const done = this.pendingTasks.add();
    try {
      const result = await this.connector.saveSettings(change);
      if (!result.saved) {
        this.problems.set(result.problems);
        return;
      }
      form.markClean();
      await this.reloadSaved();
      this.saved.set(true);
      await this.state.refresh();
    } catch (error) {
      this.failure.set(failureOf(error));
    } finally {
      this.saving.set(false);
      done();
      // A change announced while saving was held back; our own is told apart by its content.
      void this.compareOnRevision(this.state.settingsRevision());
    }
  }

  discardAndLeave(): void {
    const view = this.view();
    if (view !== null) {
      this.show(view);
    }
    this.leaveQuestion.answer(true);
  }

  /** What main normalised on saving (trimmed names, defaults); the form is clean either way. */
  private async reloadSaved(): Promise<void> {
    try {
      this.show(await this.read());
    } catch {
      // The form already shows what was saved; the next change read brings main's version.
    }
  }

  private async compareOnRevision(revision: number): Promise<void> {
    if (revision === this.handledRevision || this.saving() || this.view() === null) {
      return;
    }
    this.handledRevision = revision;
    try {
      this.absorb(await this.read());
    } catch {
      // Nothing to tell: the form still holds what was read, and Save reports main's state.
    }
  }

  /**
   * Takes a fresh read: the profile list always, the settings only onto a clean form. Edits are
   * never replaced silently: a banner offers to reload instead.
   */
  private absorb(fresh: SettingsView): void {
    const view = this.view();
    if (view !== null && sameSettings(view, fresh)) {
      this.view.set(fresh);
    } else if (!this.dirty()) {
      this.show(fresh);
    } else if (view !== null) {
      this.view.set({ ...view, profiles: fresh.profiles });
      this.changedElsewhere.set(true);
    }
  }

  private show(view: SettingsView): void {
    this.view.set(view);
    this.form.set(new SettingsForm(view));
    this.problems.set([]);
    this.saved.set(false);
    this.changedElsewhere.set(false);
  }

  private async read(): Promise<SettingsView> {
    const done = this.pendingTasks.add();
    try {
      return await this.connector.settings();
    } finally {
      done();
    }
  }
}
