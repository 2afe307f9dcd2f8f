import type { SettingField } from '@bwdc/providers';

import { ConfigSettingError } from './config-setting.error';
import { describeExpected } from './describe-expected';

/** What a command-line value does to a field: store a value, or leave the field out. */
export type FieldChange =
  { readonly action: 'store'; readonly value: unknown } | { readonly action: 'omit' };

/** Upstream's text for a flag that is neither. */
export const BOOLEAN_VALUE_MESSAGE = "Value must be 'true' or 'false'.";

/**
 * Turns the text given to `bwdc config <setting> <value>` into the field's value: `true|false`,
 * a number, text or one of a choice; `null` clears a nullable field or restores a default.
 * The value itself is never echoed: it may have come from a secret file.
 */
export function parseSettingValue(name: string, field: SettingField, text: string): FieldChange {
  if (text.trim().toLowerCase() === 'null') {
    if (field.nullable) {
      return { action: 'store', value: null };
    }
    if (field.omittable) {
      return { action: 'omit' };
    }
    throw invalidValue(name, field, 'it cannot be cleared.');
  }
  return { action: 'store', value: parseText(name, field, text) };
}

function parseText(name: string, field: SettingField, text: string): unknown {
  const trimmed = text.trim();
  switch (field.kind.type) {
    case 'boolean': {
      const lower = trimmed.toLowerCase();
      if (lower !== 'true' && lower !== 'false') {
        throw invalidValue(name, field, BOOLEAN_VALUE_MESSAGE);
      }
      return lower === 'true';
    }
    case 'integer':
      if (!/^[-+]?\d+$/.test(trimmed)) {
        throw invalidValue(name, field, 'expected a whole number.');
      }
      return Number(trimmed);
    case 'number': {
      const number = trimmed === '' ? Number.NaN : Number(trimmed);
      if (!Number.isFinite(number)) {
        throw invalidValue(name, field, 'expected a number.');
      }
      return number;
    }
    case 'text':
      return text;
    case 'choice': {
      const match = field.kind.options.find(
        (option) => option.toLowerCase() === trimmed.toLowerCase(),
      );
      if (match === undefined) {
        throw invalidValue(name, field, `expected one of ${field.kind.options.join(', ')}.`);
      }
      return match;
    }
    case 'json':
      try {
        return JSON.parse(text) as unknown;
      } catch {
        throw invalidValue(name, field, 'expected a JSON value.');
      }
  }
}

/** The one-line error for a value a setting does not take, naming the setting and its type. */
export function invalidValue(
  name: string,
  field: SettingField,
  problem: string,
): ConfigSettingError {
  return new ConfigSettingError(
    'SETTING_VALUE_INVALID',
    `Invalid value for ${name}: ${problem}`,
    `${name} takes ${describeExpected(field)}.`,
  );
}
