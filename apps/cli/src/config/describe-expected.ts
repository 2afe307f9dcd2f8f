import { defaultOf, type SettingField, type ValueKind } from '@bwdc/providers';

/** The values a field takes, for messages: "a whole number, or null to clear it". */
export function describeExpected(field: SettingField): string {
  const base = describeKind(field.kind);
  if (field.nullable) {
    return `${base}, or null to clear it`;
  }
  if (field.omittable) {
    const fallback = defaultOf(field);
    return fallback === null
      ? `${base}, or null to leave it unset`
      : `${base}, or null to restore its default (${JSON.stringify(fallback)})`;
  }
  return base;
}

function describeKind(kind: ValueKind): string {
  switch (kind.type) {
    case 'boolean':
      return "'true' or 'false'";
    case 'integer':
      return 'a whole number';
    case 'number':
      return 'a number';
    case 'text':
      return 'text';
    case 'choice':
      return `one of ${kind.options.join(', ')}`;
    case 'json':
      return 'a JSON value';
  }
}
