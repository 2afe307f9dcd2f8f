import type { EmulatedGroup, EmulatedTenant, EmulatedUser } from './entra-tenant';

/** Graph's default page size where the caller sets none, and the most `$top` may ask for. */
const DEFAULT_PAGE_SIZE = 100;
const MAX_PAGE_SIZE = 999;

export interface GraphResponse {
  readonly status: number;
  readonly body: unknown;
}

interface DeletedUser {
  readonly user: EmulatedUser;
  /** The tenant's change sequence number when it was deleted (0: before the emulator started). */
  readonly at: number;
}

/** The live state of one tenant's directory: users can be deleted while the emulator runs. */
export class TenantDirectory {
  private readonly users = new Map<string, EmulatedUser>();
  private readonly groups = new Map<string, EmulatedGroup>();
  private readonly deleted: DeletedUser[] = [];
  private sequence = 0;

  constructor(readonly tenant: EmulatedTenant) {
    for (const user of tenant.users) {
      if (user.deleted) {
        this.deleted.push({ user, at: 0 });
      } else {
        this.users.set(user.id, user);
      }
    }
    for (const group of tenant.groups) {
      this.groups.set(group.id, group);
    }
  }

  /** Soft-deletes a user: it leaves lists and groups, and the next delta reports it removed. */
  deleteUser(id: string): void {
    const user = this.users.get(id);
    if (!user) {
      throw new Error(`No user ${id} in tenant ${this.tenant.id}`);
    }
    this.users.delete(id);
    this.sequence += 1;
    this.deleted.push({ user, at: this.sequence });
  }

  /** Answers one Graph v1.0 GET; `url` is relative to the Graph origin. */
  get(url: URL, headers: Readonly<Record<string, string | string[] | undefined>>): GraphResponse {
    const path = url.pathname.replace(/\/+$/, '');
    const query = url.searchParams;
    if (query.has('$filter') || query.has('$search')) {
      return error(400, 'Request_UnsupportedQuery', 'The emulator supports no $filter or $search.');
    }
    const top = pageSize(query.get('$top'), preferredPageSize(headers['prefer']));
    if (top === null) {
      return error(400, 'Request_BadRequest', `Invalid $top (1 to ${MAX_PAGE_SIZE}).`);
    }
    const select = selection(query.get('$select'));
    if (path === '/v1.0/users') {
      return this.page(
        url,
        [...this.users.values()].map((user) => userJson(user, select)),
        top,
      );
    }
    if (path === '/v1.0/users/delta') {
      return this.delta(url, select, top);
    }
    if (path === '/v1.0/groups') {
      const groups = [...this.groups.values()].map((group) => groupJson(group, select));
      return this.page(url, groups, top);
    }
    const members = /^\/v1\.0\/groups\/([^/]+)\/(members|transitiveMembers)$/.exec(path);
    if (members) {
      const group = this.groups.get(decodeURIComponent(members[1] ?? '').toLowerCase());
      if (!group) {
        return error(404, 'Request_ResourceNotFound', `Resource '${members[1]}' does not exist.`);
      }
      const ids = members[2] === 'members' ? group.members : this.transitive(group);
      return this.page(url, this.directoryObjects(ids, select), top);
    }
    const unit = /^\/v1\.0\/directory\/administrativeUnits\/([^/]+)\/members$/.exec(path);
    if (unit) {
      const id = decodeURIComponent(unit[1] ?? '').toLowerCase();
      const found = this.tenant.administrativeUnits?.find((candidate) => candidate.id === id);
      if (!found) {
        return error(404, 'Request_ResourceNotFound', `Resource '${unit[1]}' does not exist.`);
      }
      return this.page(url, this.directoryObjects(found.members, select), top);
    }
    return error(404, 'Request_UnsupportedQuery', `The emulator has no resource ${path}.`);
  }

  /** Every user and group reachable from the group, each once (cycles allowed). */
  private transitive(group: EmulatedGroup): string[] {
    const seen = new Set<string>();
    const queue = [...group.members];
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      if (seen.has(id)) {
        continue;
      }
      seen.add(id);
      queue.push(...(this.groups.get(id)?.members ?? []));
    }
    seen.delete(group.id);
    return [...seen];
  }

  private directoryObjects(ids: readonly string[], select: Set<string> | null): object[] {
    return ids.flatMap((id) => {
      const user = this.users.get(id);
      if (user) {
        return [{ '@odata.type': '#microsoft.graph.user', ...userJson(user, select) }];
      }
      const group = this.groups.get(id);
      return group
        ? [{ '@odata.type': '#microsoft.graph.group', ...groupJson(group, select) }]
        : [];
    });
  }

  /**
   * `/users/delta`: the first round lists the current users (and users deleted before it, as
   * `@removed`); the deltaLink on its last page then reports only users deleted since.
   */
  private delta(url: URL, select: Set<string> | null, top: number): GraphResponse {
    const token = url.searchParams.get('$deltatoken');
    const since = token === null ? null : Number(token);
    if (since !== null && !Number.isInteger(since)) {
      return error(400, 'Request_BadRequest', 'Invalid delta token.');
    }
    const removed = this.deleted
      .filter((entry) => since === null || entry.at > since)
      .map((entry) => ({ id: entry.user.id, '@removed': { reason: 'changed' } }));
    const current = since === null ? [...this.users.values()].map((u) => userJson(u, select)) : [];
    const deltaLink = link(url, { $deltatoken: String(this.sequence) }, false);
    return this.page(url, [...current, ...removed], top, deltaLink);
  }

  /** One page of `items` from the `$skiptoken` offset, with an absolute nextLink or deltaLink. */
  private page(url: URL, items: readonly object[], top: number, deltaLink?: string): GraphResponse {
    const offset = Number(url.searchParams.get('$skiptoken') ?? '0');
    const value = items.slice(offset, offset + top);
    const body: Record<string, unknown> = { value };
    if (offset + top < items.length) {
      body['@odata.nextLink'] = link(url, { $skiptoken: String(offset + top), $top: String(top) });
    } else if (deltaLink) {
      body['@odata.deltaLink'] = deltaLink;
    }
    return { status: 200, body };
  }
}

/**
 * An absolute link on the request's origin and path, written as Graph writes its links (`$` and
 * `,` left as they are), with `set` replacing or adding parameters; `keep` false drops the rest.
 */
function link(url: URL, set: Readonly<Record<string, string>>, keep = true): string {
  const params = new Map(keep ? [...url.searchParams] : []);
  for (const [name, value] of Object.entries(set)) {
    params.set(name, value);
  }
  const query = [...params]
    .map(([name, value]) => `${name}=${encodeURIComponent(value).replace(/%2C/gi, ',')}`)
    .join('&');
  return `${url.origin}${url.pathname}?${query}`;
}

export function error(status: number, code: string, message: string): GraphResponse {
  return { status, body: { error: { code, message } } };
}

function pageSize(top: string | null, preferred: number | null): number | null {
  if (top === null) {
    return preferred ?? DEFAULT_PAGE_SIZE;
  }
  const value = Number(top);
  return Number.isInteger(value) && value >= 1 && value <= MAX_PAGE_SIZE ? value : null;
}

/** `Prefer: odata.maxpagesize=N`, which delta queries use instead of `$top`. */
function preferredPageSize(prefer: string | string[] | undefined): number | null {
  const match = /odata\.maxpagesize=(\d+)/.exec(String(prefer ?? ''));
  return match ? Math.min(MAX_PAGE_SIZE, Number(match[1])) : null;
}

function selection(select: string | null): Set<string> | null {
  return select === null ? null : new Set(select.split(',').map((field) => field.trim()));
}

function project(object: Record<string, unknown>, select: Set<string> | null): object {
  if (select === null) {
    return object;
  }
  return Object.fromEntries(
    Object.entries(object).filter(([key]) => key === 'id' || select.has(key)),
  );
}

function userJson(user: EmulatedUser, select: Set<string> | null): object {
  return project(
    {
      id: user.id,
      displayName: user.displayName ?? user.userPrincipalName,
      mail: user.mail ?? null,
      userPrincipalName: user.userPrincipalName,
      accountEnabled: user.accountEnabled ?? true,
      userType: user.userType ?? 'Member',
    },
    select,
  );
}

function groupJson(group: EmulatedGroup, select: Set<string> | null): object {
  return project(
    { id: group.id, displayName: group.displayName, mail: null, securityEnabled: true },
    select,
  );
}
