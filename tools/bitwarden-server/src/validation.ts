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

class ConversionError extends Error {
  constructor(
    readonly path: string,
    readonly typeName: string,
  ) {
    super(`The JSON value could not be converted to ${typeName}. Path: ${path}.`);
  }
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Calls `assign` for each known property in document order, matching names case-insensitively. */
function forEachProperty(
  source: JsonObject,
  known: readonly string[],
  assign: (name: string, value: unknown, path: string) => void,
  path: string,
): void {
  for (const [key, value] of Object.entries(source)) {
    const name = known.find((candidate) => candidate.toLowerCase() === key.toLowerCase());
    if (name !== undefined) {
      assign(name, value, `${path}.${key}`);
    }
  }
}

function toBoolean(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') {
    throw new ConversionError(path, 'System.Boolean');
  }
  return value;
}

function toNullableBoolean(value: unknown, path: string): boolean | null {
  if (value === null) {
    return null;
  }
  if (typeof value !== 'boolean') {
    throw new ConversionError(path, 'System.Nullable`1[System.Boolean]');
  }
  return value;
}

function toString(value: unknown, path: string): string | null {
  if (value === null || typeof value === 'string') {
    return value;
  }
  throw new ConversionError(path, 'System.String');
}

/** Bitwarden's PermissiveStringConverter: numbers and booleans become their .NET string form. */
function toPermissiveString(value: unknown, path: string): string | null {
  if (typeof value === 'number') {
    return String(value);
  }
  if (typeof value === 'boolean') {
    return value ? 'True' : 'False';
  }
  return toString(value, path);
}

function toArray<T>(
  value: unknown,
  path: string,
  typeName: string,
  convert: (item: unknown, itemPath: string) => T,
): T[] | null {
  if (value === null) {
    return null;
  }
  if (!Array.isArray(value)) {
    throw new ConversionError(path, typeName);
  }
  return value.map((item: unknown, index) => convert(item, `${path}[${index}]`));
}

function bindMember(value: unknown, path: string): ImportMemberModel | null {
  if (value === null) {
    return null;
  }
  if (!isObject(value)) {
    throw new ConversionError(
      path,
      'Bit.Api.AdminConsole.Public.Models.Request.OrganizationImportRequestModel+OrganizationImportMemberRequestModel',
    );
  }
  const member: ImportMemberModel = { email: null, externalId: null, deleted: false };
  forEachProperty(
    value,
    ['email', 'externalId', 'deleted'],
    (name, item, itemPath) => {
      if (name === 'email') {
        member.email = toString(item, itemPath);
      } else if (name === 'externalId') {
        member.externalId = toPermissiveString(item, itemPath);
      } else {
        member.deleted = toBoolean(item, itemPath);
      }
    },
    path,
  );
  return member;
}

function bindGroup(value: unknown, path: string): ImportGroupModel | null {
  if (value === null) {
    return null;
  }
  if (!isObject(value)) {
    throw new ConversionError(
      path,
      'Bit.Api.AdminConsole.Public.Models.Request.OrganizationImportRequestModel+OrganizationImportGroupRequestModel',
    );
  }
  const group: ImportGroupModel = { name: null, externalId: null, memberExternalIds: null };
  forEachProperty(
    value,
    ['name', 'externalId', 'memberExternalIds'],
    (name, item, itemPath) => {
      if (name === 'name') {
        group.name = toString(item, itemPath);
      } else if (name === 'externalId') {
        group.externalId = toPermissiveString(item, itemPath);
      } else {
        group.memberExternalIds = toArray(
          item,
          itemPath,
          'System.Collections.Generic.IEnumerable`1[System.String]',
          toPermissiveString,
        );
      }
    },
    path,
  );
  return group;
}

function bindRequest(value: unknown): ImportRequestModel {
  if (!isObject(value)) {
    throw new ConversionError(
      '$',
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
  forEachProperty(
    value,
    ['groups', 'members', 'overwriteExisting', 'largeImport', 'inviteUsersAfterProvisioning'],
    (name, item, path) => {
      switch (name) {
        case 'groups':
          request.groups = toArray(item, path, 'OrganizationImportGroupRequestModel[]', bindGroup);
          break;
        case 'members':
          request.members = toArray(
            item,
            path,
            'OrganizationImportMemberRequestModel[]',
            bindMember,
          );
          break;
        case 'overwriteExisting':
          request.overwriteExisting = toNullableBoolean(item, path);
          break;
        case 'largeImport':
          request.largeImport = toBoolean(item, path);
          break;
        default:
          request.inviteUsersAfterProvisioning = toBoolean(item, path);
      }
    },
    '$',
  );
  return request;
}

const isBlank = (value: string | null): boolean => value === null || value.trim() === '';

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
  const add = (key: string, message: string): void => {
    (errors[key] ??= []).push(message);
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
    const before = Object.keys(errors).length;
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
    if (Object.keys(errors).length === before && !member.deleted && isBlank(member.email)) {
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
  if (body.trim() === '') {
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
      throw modelStateError({ [error.path]: [error.message] });
    }
    throw error;
  }
  const errors = validateModel(request);
  if (Object.keys(errors).length > 0) {
    throw modelStateError(errors);
  }
  return request;
}
