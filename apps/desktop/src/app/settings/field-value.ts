import type { ValidatorFn } from '@angular/forms';

import type { FieldView } from '../../shared/settings-view';

/** What a field's control holds: a checkbox's state, or the text in the input. */
export type FieldInput = string | boolean;

export type ParsedField =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: string };

const WHOLE_NUMBER = /^[+-]?\d+$/;
// Decimal notation only: Number() would also take hex, binary and "Infinity".
const DECIMAL_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** The control's starting value for a stored value (null and absent show as an empty field). */
export function inputOf(field: FieldView, value: unknown): FieldInput {
  if (field.kind === 'boolean') {
    return value === true;
  }
  if (value === null || value === undefined) {
    return '';
  }
  if (field.kind === 'json') {
    return JSON.stringify(value, null, 2);
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * The value Save sends for what the user entered. An empty field is null: main stores it, or
 * drops it so the default applies when the field cannot hold null. Only numbers and JSON can be
 * unreadable; the rest is main's to validate against the provider's schema.
 */
export function parseInput(field: FieldView, input: FieldInput): ParsedField {
  if (field.kind === 'boolean') {
    return { ok: true, value: input === true };
  }
  const text = typeof input === 'string' ? input : String(input);
  const trimmed = text.trim();
  switch (field.kind) {
    case 'integer':
      return numberOf(trimmed, WHOLE_NUMBER, 'Enter a whole number.');
    case 'number':
      return numberOf(trimmed, DECIMAL_NUMBER, 'Enter a number.');
    case 'json':
      return jsonOf(trimmed);
    case 'text':
    case 'file':
    case 'choice':
      // Not trimmed: a space or a tab is a fair CSV delimiter.
      return { ok: true, value: text === '' ? null : text };
  }
}

/** `{ fieldValue: message }` while the control's text cannot be read as the field's kind. */
export function fieldValidator(field: FieldView): ValidatorFn {
  return (control) => {
    const parsed = parseInput(field, control.value as FieldInput);
    return parsed.ok ? null : { fieldValue: parsed.message };
  };
}

function numberOf(trimmed: string, pattern: RegExp, message: string): ParsedField {
  if (trimmed === '') {
    return { ok: true, value: null };
  }
  const value = Number(trimmed);
  return pattern.test(trimmed) && Number.isFinite(value)
    ? { ok: true, value }
    : { ok: false, message };
}

function jsonOf(trimmed: string): ParsedField {
  if (trimmed === '') {
    return { ok: true, value: null };
  }
  try {
    return { ok: true, value: JSON.parse(trimmed) as unknown };
  } catch {
    return { ok: false, message: 'Enter valid JSON.' };
  }
}
