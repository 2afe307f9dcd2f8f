/**
 * Binding and model validation of `OrganizationImportRequestModel`, following ASP.NET Core MVC with
 * System.Text.Json: case-insensitive property names, the first conversion error aborts binding,
 * then DataAnnotations run over the bound model.
 */
import { ApiError, MODEL_STATE_INVALID_MESSAGE, publicError } from './public-error';

export interface ImportMemberModel {
  email: string | null;
  externalId: string | null;
  deleted: boolean;
}

export interface ImportGroupModel {
  name: string | null;
  externalId: string | null;
  memberExternalIds: (string | null)[] | null;
}

/** As bound: the arrays may still be null, which the server only trips over later (500). */
export interface ImportRequestModel {
  groups: (ImportGroupModel | null)[] | null;
  members: (ImportMemberModel | null)[] | null;
  overwriteExisting: boolean | null;
  largeImport: boolean;
  inviteUsersAfterProvisioning: boolean;
}

/**
 * A value of the wrong JSON type. Converters throw it without a path; each enclosing property or
 * array element adds its segment on the way out, so no path string is built for the (very many)
 * values that convert fine.
 */
class ConversionError extends Error {
  /** Innermost first. */
  private readonly segments: string[] = [];

  constructor(readonly typeName: string) {
    super(typeName);
  }

  /** Adds the segment that encloses the current path, e.g. `.members` or `[3]`. */
  within(segment: string): this {
    this.segments.push(segment);
    return this;
  }

  /** The JSON path from the root, e.g. `$.members[3].email`. */
  path(): string {
    return `$${[...this.segments].reverse().join('')}`;
  }

  describe(): string {
    return `The JSON value could not be converted to ${this.typeName}. Path: ${this.path()}.`;
  }
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Known property names by their lower-case form, for case-insensitive matching. */
function propertyLookup(known: readonly string[]): ReadonlyMap<string, string> {
  const lookup = new Map<string, string>();
  for (const name of known) {
    lookup.set(name.toLowerCase(), name);
    // An exact match needs no lower-casing: it is what every client sends.
    lookup.set(name, name);
  }
  return lookup;
}

/** Calls `assign` for each known property in document order, matching names case-insensitively. */
function forEachProperty(
  source: JsonObject,
  known: ReadonlyMap<string, string>,
  assign: (name: string, value: unknown) => void,
): void {
  for (const key in source) {
    if (!Object.prototype.hasOwnProperty.call(source, key)) {
      continue;
    }
    const name = known.get(key) ?? known.get(key.toLowerCase());
    if (name === undefined) {
      continue;
    }
    try {
      assign(name, source[key]);
    } catch (error) {
      throw error instanceof ConversionError ? error.within(`.${key}`) : error;
    }
  }
}

function toBoolean(value: unknown): boolean {
  if (typeof value !== 'boolean') {
    throw new ConversionError('System.Boolean');
  }
  return value;
}

function toNullableBoolean(value: unknown): boolean | null {
  if (value === null) {
    return null;
  }
  if (typeof value !== 'boolean') {
    throw new ConversionError('System.Nullable`1[System.Boolean]');
  }
  return value;
}

function toString(value: unknown): string | null {
  if (value === null || typeof value === 'string') {
    return value;
  }
  throw new ConversionError('System.String');
}

/** Bitwarden's PermissiveStringConverter: numbers and booleans become their .NET string form. */
function toPermissiveString(value: unknown): string | null {
  if (typeof value === 'string') {
    return value;
  }
  if (typeof value === 'number') {
    return String(value);
  }
  if (typeof value === 'boolean') {
    return value ? 'True' : 'False';
  }
  return toString(value);
}

function toArray<T>(value: unknown, typeName: string, convert: (item: unknown) => T): T[] | null {
  if (value === null) {
    return null;
  }
  if (!Array.isArray(value)) {
    throw new ConversionError(typeName);
  }
  // The parsed array belongs to nobody else, so it is reused as long as conversion leaves its
  // items as they are (strings); a copy starts at the first item that converts to something new.
  const items = value as unknown[];
  let result: T[] | undefined;
  for (let index = 0; index < items.length; index++) {
    const item = items[index];
    let converted: T;
    try {
      converted = convert(item);
    } catch (error) {
      throw error instanceof ConversionError ? error.within(`[${index}]`) : error;
    }
    if (result !== undefined) {
      result.push(converted);
    } else if (converted !== item) {
      result = items.slice(0, index) as T[];
      result.push(converted);
    }
  }
  return result ?? (items as T[]);
}

const MEMBER_PROPERTIES = propertyLookup(['email', 'externalId', 'deleted']);
const GROUP_PROPERTIES = propertyLookup(['name', 'externalId', 'memberExternalIds']);
const REQUEST_PROPERTIES = propertyLookup([
  'groups',
  'members',
  'overwriteExisting',
  'largeImport',
  'inviteUsersAfterProvisioning',
]);

function bindMember(value: unknown): ImportMemberModel | null {
  if (value === null) {
    return null;
  }
  if (!isObject(value)) {
    throw new ConversionError(
      'Bit.Api.AdminConsole.Public.Models.Request.OrganizationImportRequestModel+OrganizationImportMemberRequestModel',
    );
  }
  const member: ImportMemberModel = { email: null, externalId: null, deleted: false };
  forEachProperty(value, MEMBER_PROPERTIES, (name, item) => {
    if (name === 'email') {
      member.email = toString(item);
    } else if (name === 'externalId') {
      member.externalId = toPermissiveString(item);
    } else {
      member.deleted = toBoolean(item);
    }
  });
  return member;
}

function bindGroup(value: unknown): ImportGroupModel | null {
  if (value === null) {
    return null;
  }
  if (!isObject(value)) {
    throw new ConversionError(
      'Bit.Api.AdminConsole.Public.Models.Request.OrganizationImportRequestModel+OrganizationImportGroupRequestModel',
    );
  }
  const group: ImportGroupModel = { name: null, externalId: null, memberExternalIds: null };
  forEachProperty(value, GROUP_PROPERTIES, (name, item) => {
    if (name === 'name') {
      group.name = toString(item);
    } else if (name === 'externalId') {
      group.externalId = toPermissiveString(item);
    } else {
      group.memberExternalIds = toArray(
        item,
        'System.Collections.Generic.IEnumerable`1[System.String]',
        toPermissiveString,
      );
    }
  });
  return group;
}

function bindRequest(value: unknown): ImportRequestModel {
  if (!isObject(value)) {
    throw new ConversionError(
      'Bit.Api.AdminConsole.Public.Models.Request.OrganizationImportRequestModel',
    );
  }
  const request: ImportRequestModel = {
    groups: null,
    members: null,
    overwriteExisting: null,
    largeImport: false,
    inviteUsersAfterProvisioning: true,
  };
  forEachProperty(value, REQUEST_PROPERTIES, (name, item) => {
    switch (name) {
      case 'groups':
        request.groups = toArray(item, 'OrganizationImportGroupRequestModel[]', bindGroup);
        break;
      case 'members':
        request.members = toArray(item, 'OrganizationImportMemberRequestModel[]', bindMember);
        break;
      case 'overwriteExisting':
        request.overwriteExisting = toNullableBoolean(item);
        break;
      case 'largeImport':
        request.largeImport = toBoolean(item);
        break;
      default:
        request.inviteUsersAfterProvisioning = toBoolean(item);
    }
  });
  return request;
}

/** Null, empty or whitespace only; skips `trim` when the first character is plainly visible. */
export function isBlank(value: string | null | undefined): boolean {
  if (value === null || value === undefined || value.length === 0) {
    return true;
  }
  const first = value.charCodeAt(0);
  return first > 32 && first < 127 ? false : value.trim() === '';
}

/** .NET's EmailAddressAttribute: null passes; otherwise exactly one '@', not first or last. */
function isEmailAddress(value: string | null): boolean {
  if (value === null) {
    return true;
  }
  const at = value.indexOf('@');
  return at > 0 && at !== value.length - 1 && at === value.lastIndexOf('@');
}

const required = (field: string): string => `The ${field} field is required.`;
const maxLength = (field: string, length: number): string =>
  `The field ${field} must be a string with a maximum length of ${length}.`;

function validateModel(request: ImportRequestModel): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  let keyCount = 0;
  const add = (key: string, message: string): void => {
    const messages = errors[key];
    if (messages === undefined) {
      errors[key] = [message];
      keyCount++;
    } else {
      messages.push(message);
    }
  };
  request.groups?.forEach((group, index) => {
    if (group === null) {
      return;
    }
    const prefix = `Groups[${index}]`;
    if (isBlank(group.name)) {
      add(`${prefix}.Name`, required('Name'));
    } else if ((group.name ?? '').length > 100) {
      add(`${prefix}.Name`, maxLength('Name', 100));
    }
    if (isBlank(group.externalId)) {
      add(`${prefix}.ExternalId`, required('ExternalId'));
    } else if ((group.externalId ?? '').length > 300) {
      add(`${prefix}.ExternalId`, maxLength('ExternalId', 300));
    }
  });
  request.members?.forEach((member, index) => {
    if (member === null) {
      return;
    }
    const prefix = `Members[${index}]`;
    const before = keyCount;
    if (!isEmailAddress(member.email)) {
      add(`${prefix}.Email`, 'The Email field is not a valid e-mail address.');
    }
    if ((member.email ?? '').length > 256) {
      add(`${prefix}.Email`, maxLength('Email', 256));
    }
    if (isBlank(member.externalId)) {
      add(`${prefix}.ExternalId`, required('ExternalId'));
    } else if ((member.externalId ?? '').length > 300) {
      add(`${prefix}.ExternalId`, maxLength('ExternalId', 300));
    }
    // MVC runs IValidatableObject.Validate only once the object's properties are valid.
    if (keyCount === before && !member.deleted && isBlank(member.email)) {
      add(`${prefix}.Email`, 'Email is required for enabled members.');
    }
  });
  if (request.overwriteExisting === null) {
    add('OverwriteExisting', required('OverwriteExisting'));
  }
  return errors;
}

function modelStateError(errors: Record<string, string[]>): ApiError {
  return new ApiError(400, publicError(MODEL_STATE_INVALID_MESSAGE, errors));
}

/** Parses and validates an import body, or throws the ApiError the real server would answer. */
export function parseImportRequest(body: string): ImportRequestModel {
  if (isBlank(body)) {
    throw modelStateError({ '': ['Body is empty.'] });
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'invalid JSON';
    throw modelStateError({ $: [`The request body is not valid JSON: ${reason}`] });
  }
  if (json === null) {
    throw modelStateError({ '': ['Body is empty.'] });
  }
  let request: ImportRequestModel;
  try {
    request = bindRequest(json);
  } catch (error) {
    if (error instanceof ConversionError) {
      throw modelStateError({ [error.path()]: [error.describe()] });
    }
    throw error;
  }
  const errors = validateModel(request);
  if (Object.keys(errors).length > 0) {
    throw modelStateError(errors);
  }
  return request;
}
