import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  PendingTasks,
  signal,
} from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import type { AbstractControl } from '@angular/forms';
import { ReactiveFormsModule } from '@angular/forms';
import { map, startWith, switchMap } from 'rxjs';

import type { FieldView } from '../../shared/settings-view';
import { CONNECTOR } from '../connector.token';
import { type Failure, failureOf } from '../failure';
import { isMultiline, placeholderOf } from './field-display';
import { fieldHelp } from './field-help';
import { fieldLabel } from './field-labels';
import type { FieldControl } from './settings-form';

/**
 * One field of the settings form, drawn by its kind: a checkbox, a select, a text or number box,
 * a path with a file picker, or JSON. Shows why its text cannot be read once the user has left
 * it, and main's problems with its value after a Save.
 */
@Component({
  selector: 'bwdc-setting-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule],
  templateUrl: './setting-field.component.html',
  styleUrl: './setting-field.component.css',
})
export class SettingFieldComponent {
  private readonly connector = inject(CONNECTOR);
  private readonly pendingTasks = inject(PendingTasks);

  readonly section = input.required<'directory' | 'sync'>();
  readonly field = input.required<FieldView>();
  readonly control = input.required<FieldControl>();
  /** Main's messages about the saved value. */
  readonly problems = input<readonly string[]>([]);

  readonly id = computed(() => `field-${this.section()}-${this.field().name}`);
  readonly key = computed(() => `${this.section()}.${this.field().name}`);
  readonly label = computed(() => fieldLabel(this.field().name));
  readonly help = computed(() => fieldHelp(this.field().name));
  /** The help's id, for the control's `aria-describedby`; null when the field has none. */
  readonly helpId = computed(() => (this.help() === null ? null : `${this.id()}-help`));
  readonly placeholder = computed(() => placeholderOf(this.field()));
  readonly multiline = computed(() => isMultiline(this.field()));
  readonly inputMode = computed(() => {
    switch (this.field().kind) {
      case 'integer':
        return 'numeric';
      case 'number':
        return 'decimal';
      default:
        return null;
    }
  });
  readonly inputError = toSignal(
    toObservable(this.control).pipe(
      switchMap((control) =>
        control.events.pipe(
          startWith(null),
          map(() => shownError(control)),
        ),
      ),
    ),
    { initialValue: null },
  );
  readonly pickFailure = signal<Failure | null>(null);

  /** Fills the path from the system's open-file dialog; a cancelled dialog changes nothing. */
  async browse(): Promise<void> {
    this.pickFailure.set(null);
    const done = this.pendingTasks.add();
    try {
      const path = await this.connector.pickFile({ title: this.label() });
      if (path !== null) {
        const control = this.control();
        control.setValue(path);
        control.markAsDirty();
        control.markAsTouched();
      }
    } catch (error) {
      this.pickFailure.set(failureOf(error));
    } finally {
      done();
    }
  }
}

/** A value that cannot be read, once the user has left the field (no complaint mid-typing). */
function shownError(control: AbstractControl): string | null {
  const message: unknown = control.errors?.['fieldValue'];
  return control.touched && typeof message === 'string' ? message : null;
}
