import { randomUUID } from 'node:crypto';
import type { Ctx } from '../../platform/context.js';
import { record } from '../audit/audit.service.js';
import { ScimError, UUID } from './scim.errors.js';
import { parseFilter } from './scim.filter.js';
import { object, type PatchOperation, parsePatch, stringOf } from './scim.patch.js';
import { etagOf, GROUP_SCHEMA, listResponse, scimBase } from './scim.presenter.js';
import * as repo from './scim-groups.repo.js';
import { syncGrantedRoles } from './scim-roles.service.js';
import type { Page } from './scim-users.service.js';

interface GroupAttrs {
  displayName: string;
  externalId: string | null;
  members: string[];
}

const FILTERABLE = { displayname: 'displayName', externalid: 'externalId', id: 'id', 'members.value': 'member' };

async function present(ctx: Ctx, rows: repo.ScimGroupRow[], withMembers: boolean) {
  const members = withMembers
    ? await repo.membersOf(
        ctx.tx,
        ctx.orgId,
        rows.map((r) => r.id),
      )
    : [];
  const base = scimBase(ctx.deps.config);
  return rows.map((row) => ({
    schemas: [GROUP_SCHEMA],
    id: row.id,
    displayName: row.displayName,
    ...(row.externalId ? { externalId: row.externalId } : {}),
    ...(withMembers
      ? {
          members: members
            .filter((m) => m.groupId === row.id)
            .map((m) => ({ value: m.userId, display: m.display, $ref: `${base}/Users/${m.userId}`, type: 'User' })),
        }
      : {}),
    meta: {
      resourceType: 'Group',
      created: row.createdAt.toISOString(),
      lastModified: row.updatedAt.toISOString(),
      location: `${base}/Groups/${row.id}`,
      version: etagOf(row.version),
    },
  }));
}

export async function list(ctx: Ctx, page: Page, withMembers: boolean) {
  const filter: repo.GroupFilter = {};
  for (const { attribute, value } of page.filter ? parseFilter(page.filter, FILTERABLE) : []) {
    filter[attribute as keyof repo.GroupFilter] = value;
  }
  const rows = await repo.list(ctx.tx, ctx.orgId, filter, page.startIndex - 1, page.count);
  const total = await repo.count(ctx.tx, ctx.orgId, filter);
  return listResponse(await present(ctx, rows, withMembers), total, page.startIndex);
}

async function getRow(ctx: Ctx, id: string, ifMatch?: string) {
  const row = UUID.test(id) ? await repo.find(ctx.tx, ctx.orgId, id) : null;
  if (!row) throw new ScimError(404, `Group ${id} not found.`);
  if (ifMatch && ifMatch !== '*' && ifMatch !== etagOf(row.version) && ifMatch !== `"${row.version}"`) {
    throw new ScimError(412, 'The group has changed since this version (If-Match).');
  }
  return row;
}

export async function get(ctx: Ctx, id: string, withMembers: boolean) {
  return (await present(ctx, [await getRow(ctx, id)], withMembers))[0]!;
}

function displayNameOf(value: unknown): string {
  const name = stringOf(value, 'displayName', 200);
  if (!name) throw ScimError.bad('invalidValue', 'displayName is required.');
  return name;
}

/** Member ids of a `members` value: `[{ "value": id }]`. */
function memberIdsOf(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((m, i) => {
    const id = object(m, `members[${i}]`).value;
    if (typeof id !== 'string') throw ScimError.bad('invalidValue', `members[${i}].value must be a user id.`);
    return id;
  });
}

function groupFromResource(body: unknown): GroupAttrs {
  const resource = object(body, 'The body');
  if (!Array.isArray(resource.schemas) || !resource.schemas.includes(GROUP_SCHEMA)) {
    throw ScimError.bad('invalidSyntax', `schemas must contain "${GROUP_SCHEMA}".`);
  }
  return {
    displayName: displayNameOf(resource.displayName),
    externalId: stringOf(resource.externalId ?? null, 'externalId'),
    members: memberIdsOf(resource.members),
  };
}

/** Entra ID: add/remove with path `members`, or remove `members[value eq "id"]`; Okta: replace members. */
function patchGroup(current: GroupAttrs, operations: PatchOperation[]): GroupAttrs {
  const next = { ...current, members: [...current.members] };
  for (const { op, path, value } of operations) {
    if (path === null) {
      for (const [key, v] of Object.entries(object(value, 'value'))) apply(next, op, key, v);
    } else apply(next, op, path, value);
  }
  return next;
}

function apply(group: GroupAttrs, op: PatchOperation['op'], path: string, value: unknown): void {
  const one = /^members\[value eq "([^"]*)"\]$/i.exec(path);
  if (one) {
    if (op !== 'remove') throw ScimError.bad('invalidPath', `Only remove may name ${path}.`);
    group.members = group.members.filter((m) => m !== one[1]);
    return;
  }
  switch (path.toLowerCase()) {
    case 'members': {
      const ids = memberIdsOf(value);
      if (op === 'replace') group.members = ids;
      else if (op === 'add') group.members = [...group.members, ...ids];
      else group.members = value === null || value === undefined ? [] : group.members.filter((m) => !ids.includes(m));
      return;
    }
    case 'displayname':
      if (op === 'remove') throw ScimError.bad('invalidValue', 'displayName cannot be removed.');
      group.displayName = displayNameOf(value);
      return;
    case 'externalid':
      group.externalId = op === 'remove' ? null : stringOf(value, 'externalId');
      return;
    case 'id':
      // Okta sends the group's own id back in a replace without a path.
      return;
    case 'meta':
    case 'schemas':
      throw ScimError.bad('mutability', `${path} is read-only.`);
    default:
      throw ScimError.bad('invalidPath', `${path} is not an attribute of a Group here.`);
  }
}

async function checkedMembers(ctx: Ctx, ids: string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  const malformed = unique.find((id) => !UUID.test(id));
  if (malformed !== undefined) {
    throw ScimError.bad('invalidValue', `members: ${malformed.slice(0, 60)} is not a user of this account.`);
  }
  const known = await repo.knownUsers(ctx.tx, ctx.orgId, unique);
  const unknown = unique.find((id) => !known.has(id));
  if (unknown) throw ScimError.bad('invalidValue', `members: ${unknown} is not a user of this account.`);
  return unique;
}

export async function create(ctx: Ctx, body: unknown) {
  const attrs = groupFromResource(body);
  if (await repo.displayNameTaken(ctx.tx, ctx.orgId, attrs.displayName)) {
    throw ScimError.bad('uniqueness', 'A group with this displayName exists.');
  }
  const members = await checkedMembers(ctx, attrs.members);
  const row = await repo.insert(ctx.tx, {
    orgId: ctx.orgId,
    id: randomUUID(),
    displayName: attrs.displayName,
    externalId: attrs.externalId,
  });
  await repo.setMembers(ctx.tx, ctx.orgId, row.id, members);
  await record(ctx, {
    action: 'scim.group_created',
    objectType: 'scim_group',
    objectId: row.id,
    changes: { displayName: { before: null, after: row.displayName }, members: { before: null, after: members } },
  });
  return (await present(ctx, [row], true))[0]!;
}

export async function replace(ctx: Ctx, id: string, body: unknown, ifMatch?: string) {
  const row = await getRow(ctx, id, ifMatch);
  return write(ctx, row, groupFromResource(body));
}

export async function patch(ctx: Ctx, id: string, body: unknown, ifMatch?: string) {
  const row = await getRow(ctx, id, ifMatch);
  const current = {
    displayName: row.displayName,
    externalId: row.externalId,
    members: await repo.memberIds(ctx.tx, ctx.orgId, id),
  };
  return write(ctx, row, patchGroup(current, parsePatch(body)), current.members);
}

/** The group goes, and with it the roles it granted (roles set by hand stay). */
export async function remove(ctx: Ctx, id: string, ifMatch?: string) {
  const row = await getRow(ctx, id, ifMatch);
  const members = await repo.memberIds(ctx.tx, ctx.orgId, id);
  await repo.remove(ctx.tx, ctx.orgId, id);
  await syncGrantedRoles(ctx, members);
  await record(ctx, {
    action: 'scim.group_deleted',
    objectType: 'scim_group',
    objectId: id,
    changes: { displayName: { before: row.displayName, after: null } },
    extra: { name: row.displayName },
  });
}

async function write(ctx: Ctx, row: repo.ScimGroupRow, next: GroupAttrs, known?: string[]) {
  const before = known ?? (await repo.memberIds(ctx.tx, ctx.orgId, row.id));
  if (next.displayName.toLowerCase() !== row.displayName.toLowerCase()) {
    if (await repo.displayNameTaken(ctx.tx, ctx.orgId, next.displayName, row.id)) {
      throw ScimError.bad('uniqueness', 'A group with this displayName exists.');
    }
  }
  const members = await checkedMembers(ctx, next.members);
  const added = members.filter((m) => !before.includes(m));
  const removed = before.filter((m) => !members.includes(m));
  const renamed = next.displayName !== row.displayName || next.externalId !== row.externalId;
  if (!renamed && added.length === 0 && removed.length === 0) return (await present(ctx, [row], true))[0]!;
  const updated = await repo.update(ctx.tx, ctx.orgId, row.id, {
    displayName: next.displayName,
    externalId: next.externalId,
  });
  await repo.setMembers(ctx.tx, ctx.orgId, row.id, members);
  await record(ctx, {
    action: 'scim.group_updated',
    objectType: 'scim_group',
    objectId: row.id,
    changes: {
      ...(next.displayName !== row.displayName
        ? { displayName: { before: row.displayName, after: next.displayName } }
        : {}),
      ...(added.length || removed.length ? { members: { before: { removed }, after: { added } } } : {}),
    },
  });
  await syncGrantedRoles(ctx, [...added, ...removed]);
  return (await present(ctx, [updated], true))[0]!;
}
