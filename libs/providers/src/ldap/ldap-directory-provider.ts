import { readFile } from 'node:fs/promises';
import type { ConnectionOptions } from 'node:tls';

import type {
  DirectoryGroup,
  DirectoryProvider,
  DirectoryReadRequest,
  DirectorySnapshot,
  DirectoryUser,
} from '@bwdc/core';
import { Client, type Entry } from 'ldapts';

import { isAccountDisabled, objectGuidToString } from './active-directory';
import { looksLikeDn, normaliseDn } from './distinguished-name';
import { LdapError, ldapFailure } from './ldap-error';
import { objectFilter } from './ldap-filters';
import type { LdapDirectorySettings, LdapSyncSettings } from './ldap-settings';

/** Upstream's search time limit: slow filters (e.g. LDAP_MATCHING_RULE_IN_CHAIN) must finish. */
export const LDAP_SEARCH_TIME_LIMIT_SECONDS = 300;

export interface LdapSyncScope extends LdapSyncSettings {
  readonly users: boolean;
  readonly groups: boolean;
  readonly userFilter: string | null;
  readonly groupFilter: string | null;
}

export interface LdapProviderOptions {
  readonly directory: LdapDirectorySettings;
  readonly sync: LdapSyncScope;
  readonly password: string | null;
}

/**
 * Users and groups from an LDAP server or Active Directory. Reads are always paged and ask only
 * for the attributes used; one user search serves both the user list and the member lookup.
 * Member DNs are compared in normalised form. A failed read throws; it never yields a part.
 */
export class LdapDirectoryProvider implements DirectoryProvider {
  readonly type = 'ldap';

  constructor(private readonly options: LdapProviderOptions) {}

  async read(request: DirectoryReadRequest): Promise<DirectorySnapshot> {
    const { directory } = this.options;
    const url = `${directory.ssl && !directory.startTls ? 'ldaps' : 'ldap'}://${directory.hostname}:${directory.port}`;
    const tlsOptions = await this.tlsOptions();
    const client = new Client({
      url,
      ...(directory.ssl && !directory.startTls ? { tlsOptions } : {}),
      connectTimeout: 30_000,
    });
    try {
      if (directory.startTls) {
        await client.startTLS(tlsOptions);
      }
      await this.bind(client);
      const { sync } = this.options;
      const userChanges = this.revision(request, request.cursor?.usersReadAt);
      const groupChanges = this.revision(request, request.cursor?.groupsReadAt);
      // The member lookup needs every user; the list sent needs only the changed ones.
      const everyone = sync.groups || !userChanges ? await this.readUsers(client, url) : null;
      const listed =
        sync.users && userChanges
          ? (await this.readUsers(client, url, userChanges)).list
          : everyone?.list;
      const groups =
        sync.groups && everyone ? await this.readGroups(client, url, everyone, groupChanges) : [];
      return {
        users: sync.users ? (listed ?? []) : [],
        groups,
        cursor: {
          usersReadAt: this.options.sync.users ? request.startedAt.toISOString() : null,
          groupsReadAt: this.options.sync.groups ? request.startedAt.toISOString() : null,
          userDeltaToken: null,
          groupDeltaToken: null,
        },
      };
    } catch (error) {
      throw ldapFailure(error, { url });
    } finally {
      await client.unbind().catch(() => undefined);
    }
  }

  private async bind(client: Client): Promise<void> {
    const { username } = this.options.directory;
    const { password } = this.options;
    if (!username || !password) {
      throw new LdapError(
        'LDAP_SETTINGS_INCOMPLETE',
        'The LDAP bind user or password is not set.',
        'Set ldap.username and the password (bwdc config ldap.password).',
      );
    }
    await client.bind(username, password);
  }

  /**
   * The revision condition of an incremental read: entries changed since the object type's own
   * last read (upstream used the user time for groups too). None on a full read.
   */
  private revision(
    request: DirectoryReadRequest,
    readAt: string | null | undefined,
  ): { attribute: string; since: Date } | undefined {
    const attribute = this.options.sync.revisionDateAttribute;
    if (request.mode !== 'delta' || !attribute || !readAt) {
      return undefined;
    }
    return { attribute, since: new Date(readAt) };
  }

  private async readUsers(
    client: Client,
    url: string,
    changedSince?: { attribute: string; since: Date },
  ): Promise<UserIndex> {
    const { sync, directory } = this.options;
    const index = new UserIndex();
    if (!sync.users && !sync.groups) {
      return index;
    }
    const emailAttribute = sync.userEmailAttribute ?? 'mail';
    const prefixAttribute = sync.useEmailPrefixSuffix ? sync.emailPrefixAttribute : null;
    const attributes = unique([
      emailAttribute,
      'uid',
      ...(prefixAttribute ? [prefixAttribute] : []),
      ...(directory.ad ? ['objectGUID', 'userAccountControl'] : []),
    ]);
    const filter = objectFilter(sync.userObjectClass ?? 'person', sync.userFilter, changedSince);
    const base = this.searchBase(sync.userPath);
    for await (const entry of this.search(client, url, base, filter, attributes)) {
      const guid = directory.ad ? firstBuffer(entry['objectGUID']) : undefined;
      const prefix = prefixAttribute ? firstText(entry[prefixAttribute]) : undefined;
      const email =
        firstText(entry[emailAttribute]) ??
        (prefix !== undefined && sync.emailSuffix ? `${prefix}${sync.emailSuffix}` : null);
      index.add(
        {
          externalId: guid ? objectGuidToString(guid) : entry.dn,
          referenceId: entry.dn,
          email,
          disabled: directory.ad
            ? isAccountDisabled(firstText(entry['userAccountControl']))
            : false,
          deleted: false,
        },
        firstText(entry['uid']),
      );
    }
    return index;
  }

  /**
   * Every group, or, on an incremental read, nothing when no group changed: as upstream, one
   * changed group means the whole set is read again so memberships stay complete.
   */
  private async readGroups(
    client: Client,
    url: string,
    users: UserIndex,
    changedSince?: { attribute: string; since: Date },
  ): Promise<DirectoryGroup[]> {
    const { sync, directory } = this.options;
    if (changedSince && !(await this.anyChangedGroup(client, url, changedSince))) {
      return [];
    }
    const nameAttribute = sync.groupNameAttribute ?? 'cn';
    const memberAttribute = sync.memberAttribute ?? 'member';
    const attributes = unique([
      nameAttribute,
      'cn',
      memberAttribute,
      ...(directory.ad ? ['objectGUID'] : []),
    ]);
    const filter = objectFilter(sync.groupObjectClass ?? 'groupOfNames', sync.groupFilter);
    const groups: DirectoryGroup[] = [];
    for await (const entry of this.search(
      client,
      url,
      this.searchBase(sync.groupPath),
      filter,
      attributes,
    )) {
      const name = firstText(entry[nameAttribute]) ?? firstText(entry['cn']);
      if (name === undefined) {
        continue;
      }
      const userMembers: string[] = [];
      const groupMembers: string[] = [];
      for (const value of texts(entry[memberAttribute])) {
        const member = users.resolve(value);
        if (member.kind === 'user') {
          userMembers.push(member.externalId);
        } else if (member.kind === 'dn') {
          groupMembers.push(member.normalisedDn);
        }
      }
      const guid = directory.ad ? firstBuffer(entry['objectGUID']) : undefined;
      groups.push({
        externalId: guid ? objectGuidToString(guid) : entry.dn,
        referenceId: normaliseDn(entry.dn),
        name,
        userMemberExternalIds: userMembers,
        groupMemberReferenceIds: groupMembers,
      });
    }
    return groups;
  }

  private async anyChangedGroup(
    client: Client,
    url: string,
    changedSince: { attribute: string; since: Date },
  ): Promise<boolean> {
    const { sync } = this.options;
    const filter = objectFilter(
      sync.groupObjectClass ?? 'groupOfNames',
      sync.groupFilter,
      changedSince,
    );
    for await (const _entry of this.search(client, url, this.searchBase(sync.groupPath), filter, [
      'cn',
    ])) {
      return true;
    }
    return false;
  }

  /** Pages through the results, so a server's size limit cannot cut a read short. */
  private async *search(
    client: Client,
    url: string,
    base: string,
    filter: string,
    attributes: string[],
  ): AsyncGenerator<Entry> {
    try {
      for await (const page of client.searchPaginated(base, {
        scope: 'sub',
        filter,
        attributes,
        explicitBufferAttributes: this.options.directory.ad ? ['objectGUID'] : [],
        paged: { pageSize: this.options.directory.pageSize },
        timeLimit: LDAP_SEARCH_TIME_LIMIT_SECONDS,
      })) {
        yield* page.searchEntries;
      }
    } catch (error) {
      throw ldapFailure(error, { url, filter, base });
    }
  }

  /** The path below the whole root path (upstream cut the root path down to its dc= parts). */
  private searchBase(path: string | null): string {
    const root = this.options.directory.rootPath?.trim() ?? '';
    const below = path?.trim() ?? '';
    return [below, root].filter((part) => part !== '').join(',');
  }

  private async tlsOptions(): Promise<ConnectionOptions> {
    const { directory } = this.options;
    const caPath = directory.startTls ? directory.tlsCaPath : directory.sslCaPath;
    const read = async (file: string | null) => (file ? readFile(file) : undefined);
    const [ca, cert, key] = await Promise.all([
      read(caPath),
      directory.startTls ? undefined : read(directory.sslCertPath),
      directory.startTls ? undefined : read(directory.sslKeyPath),
    ]);
    return {
      rejectUnauthorized: !directory.sslAllowUnauthorized,
      ...(ca ? { ca: [ca] } : {}),
      ...(cert ? { cert } : {}),
      ...(key ? { key } : {}),
    };
  }
}

type ResolvedMember =
  | { readonly kind: 'user'; readonly externalId: string }
  | { readonly kind: 'dn'; readonly normalisedDn: string }
  | { readonly kind: 'unknown' };

/** The users read, and how a group's member values find them. */
class UserIndex {
  readonly list: DirectoryUser[] = [];
  private readonly byDn = new Map<string, string>();
  private readonly byUid = new Map<string, string>();

  add(user: DirectoryUser, uid: string | undefined): void {
    this.list.push(user);
    this.byDn.set(normaliseDn(user.referenceId), user.externalId);
    if (uid !== undefined) {
      this.byUid.set(uid.toLowerCase(), user.externalId);
    }
  }

  /**
   * A `member`/`uniqueMember` DN (a `#'…'B` unique-identifier suffix dropped) is a user when it
   * names one, else a possible nested group; any other value is a `memberUid`.
   */
  resolve(value: string): ResolvedMember {
    if (looksLikeDn(value)) {
      const normalisedDn = normaliseDn(value.replace(/#'[01]*'B$/, ''));
      const externalId = this.byDn.get(normalisedDn);
      return externalId ? { kind: 'user', externalId } : { kind: 'dn', normalisedDn };
    }
    const externalId = this.byUid.get(value.trim().toLowerCase());
    return externalId ? { kind: 'user', externalId } : { kind: 'unknown' };
  }
}

function texts(value: Entry[string] | undefined): string[] {
  if (value === undefined) {
    return [];
  }
  const values = Array.isArray(value) ? value : [value];
  return values.map((item) => (Buffer.isBuffer(item) ? item.toString('utf8') : item));
}

function firstText(value: Entry[string] | undefined): string | undefined {
  return texts(value)[0];
}

function firstBuffer(value: Entry[string] | undefined): Buffer | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return Buffer.isBuffer(first) && first.length === 16 ? first : undefined;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
