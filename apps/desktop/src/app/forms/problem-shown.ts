import type { Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import type { AbstractControl, ValidationErrors } from '@angular/forms';
import { map } from 'rxjs';

/**
 * The message to show under a field: its problem once the user has left the field, null while it
 * is valid or untouched (no complaint about a half-typed id). A signal built from the control's
 * events, so OnPush templates follow it. Call in an injection context (a field initialiser).
 */
export function problemShown(
  control: AbstractControl,
  messageOf: (errors: ValidationErrors) => string | null,
): Signal<string | null> {
  const current = (): string | null =>
    control.errors !== null && control.touched ? messageOf(control.errors) : null;
  return toSignal(control.events.pipe(map(current)), { initialValue: current() });
}
