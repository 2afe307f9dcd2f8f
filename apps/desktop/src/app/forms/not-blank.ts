import type { AbstractControl, ValidationErrors } from '@angular/forms';

/** Required, with whitespace alone counting as empty: `{ notBlank: true }`. */
export function notBlank(control: AbstractControl<string | null>): ValidationErrors | null {
  return (control.value ?? '').trim() === '' ? { notBlank: true } : null;
}
