import { z } from 'zod';

/** The kind of value a setting holds, read off its schema. */
export type ValueKind =
  | { readonly type: 'boolean' }
  | { readonly type: 'integer' }
  | { readonly type: 'number' }
  | { readonly type: 'text' }
  | { readonly type: 'choice'; readonly options: readonly string[] }
  /** A field of a shape this table does not know (a list...): its value is written as JSON. */
  | { readonly type: 'json' };

/**
 * One field of a provider's or the sync options' schema, as `bwdc config` and the desktop's
 * settings form read and write it.
 */
export interface SettingField {
  readonly kind: ValueKind;
  /** `null` stores null. */
  readonly nullable: boolean;
  /** `null` on a field that cannot hold null leaves it out, so its default applies. */
  readonly omittable: boolean;
  /** The field's own schema: its default is what an unset field means. */
  readonly schema: z.ZodType;
}

/** The fields of an object schema, also behind a `.transform()` (the file provider's). */
export function objectFields(schema: z.ZodType): Readonly<Record<string, z.ZodType>> {
  if (schema instanceof z.ZodPipe) {
    return objectFields(schema.in as z.ZodType);
  }
  if (schema instanceof z.ZodObject) {
    return schema.shape as Record<string, z.ZodType>;
  }
  throw new Error(`Not an object schema: ${schema.def.type}`);
}

/** Reads a field's value kind off its zod schema, through defaults, optionals and nullables. */
export function describeField(schema: z.ZodType): SettingField {
  let inner: z.ZodType = schema;
  let nullable = false;
  let omittable = false;
  for (;;) {
    if (inner instanceof z.ZodDefault || inner instanceof z.ZodOptional) {
      omittable = true;
      inner = inner.unwrap() as z.ZodType;
    } else if (inner instanceof z.ZodNullable) {
      nullable = true;
      inner = inner.unwrap() as z.ZodType;
    } else {
      break;
    }
  }
  return { kind: kindOf(inner), nullable, omittable, schema };
}

function kindOf(schema: z.ZodType): ValueKind {
  if (schema instanceof z.ZodBoolean) {
    return { type: 'boolean' };
  }
  if (schema instanceof z.ZodNumber) {
    return schema.isInt ? { type: 'integer' } : { type: 'number' };
  }
  if (schema instanceof z.ZodString) {
    return { type: 'text' };
  }
  if (schema instanceof z.ZodEnum) {
    return { type: 'choice', options: schema.options.map(String) };
  }
  return { type: 'json' };
}

/** What an unset field means: its default, or null. */
export function defaultOf(field: SettingField): unknown {
  const parsed = field.schema.safeParse(undefined);
  return parsed.success ? (parsed.data ?? null) : null;
}
