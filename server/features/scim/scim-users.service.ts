import { randomUUID } from 'node:crypto';
import { setClaims } from '../../db/tx.js';
import type { Ctx } from '../../platform/context.js';
import { record } from '../audit/audit.service.js';
import { endMemberSessions } from '../sessions/sessions.service.js';
import { assertSeatFree } from '../subscriptions/read-only.js';
import * as members from '../users/users.repo.js';
import * as users from '../users/users.service.js';
import { ScimError, UUID } from './scim.errors.js';
import { parseFilter } from './scim.filter.js';
import { parsePatch } from './scim.patch.js';
import { etagOf, listResponse, presentUser } from './scim.presenter.js';
import { patchUser, personName, type UserAttrs, userFromResource } from './scim-users.attrs.js';
import * as repo from './scim-users.repo.js';

export interface Page {
  filter?: string;
  startIndex: number;
  count: number;
}

const FILTERABLE = { username: 'userName', externalid: 'externalId' };

export async function list(ctx: Ctx, page: Page) {
  const filter: repo.UserFilter = {};
  for (const { attribute, value } of page.filter ? parseFilter(page.filter, FILTERABLE) : []) {
    filter[attribute as keyof repo.UserFilter] = value;
  }
  const rows = await repo.list(ctx.tx, ctx.orgId, filter, page.startIndex - 1, page.count);
  const total = await repo.count(ctx.tx, ctx.orgId, filter);
  return listResponse(
    rows.map((r) => presentUser(ctx.deps.config, r.row, r.active)),
    total,
    page.startIndex,
  );
}

async function getState(ctx: Ctx, id: string, ifMatch?: string) {
  const found = UUID.test(id) ? await repo.find(ctx.tx, ctx.orgId, id) : null;
  if (!found) throw new ScimError(404, `User ${id} not found.`);
  if (ifMatch && ifMatch !== '*' && ifMatch !== etagOf(found.row.version) && ifMatch !== `"${found.row.version}"`) {
    throw new ScimError(412, 'The user has changed since this version (If-Match).');
  }
  return found;
}

export async function get(ctx: Ctx, id: string) {
  const found = await getState(ctx, id);
  return presentUser(ctx.deps.config, found.row, found.active);
}

const uniqueness = () => ScimError.bad('uniqueness', 'A user with this userName is already a member of this account.');

/** A new member with no password: they sign in through single sign-on or set one with "forgot password". */
export async function create(ctx: Ctx, body: unknown) {
  const attrs = userFromResource(body);
  if (await repo.userNameTaken(ctx.tx, ctx.orgId, attrs.userName)) throw uniqueness();
  await setClaims(ctx.tx, { email: attrs.userName });
  let user = await members.findUserByEmail(ctx.tx, attrs.userName);
  if (user && (await members.findMembership(ctx.tx, ctx.orgId, user.id))) throw uniqueness();
  await assertSeatFree(ctx.tx, ctx.orgId);
  user ??= await members.insertUser(ctx.tx, {
    id: randomUUID(),
    email: attrs.userName,
    name: personName(attrs),
    timeZone: (await members.findOrg(ctx.tx, ctx.orgId))!.timeZone,
  });
  await members.insertMembership(ctx.tx, {
    orgId: ctx.orgId,
    userId: user.id,
    isAdmin: false,
    status: 'active',
    lockedAt: attrs.active ? null : new Date(),
  });
  const row = await repo.insert(ctx.tx, { orgId: ctx.orgId, userId: user.id, ...columnsOf(attrs) });
  await record(ctx, {
    action: 'user.provisioned',
    objectType: 'user',
    objectId: user.id,
    subject: { id: user.id, name: user.name, email: user.email },
    changes: { active: { before: null, after: attrs.active } },
    personalChanges: { userName: { before: null, after: attrs.userName } },
  });
  return presentUser(ctx.deps.config, row, attrs.active);
}

export async function replace(ctx: Ctx, id: string, body: unknown, ifMatch?: string) {
  const found = await getState(ctx, id, ifMatch);
  return write(ctx, found, userFromResource(body, found.active));
}

export async function patch(ctx: Ctx, id: string, body: unknown, ifMatch?: string) {
  const found = await getState(ctx, id, ifMatch);
  return write(ctx, found, patchUser(attrsOf(found), parsePatch(body)));
}

/** Takes the person out of this account (as an administrator's removal does); other accounts keep them. */
export async function remove(ctx: Ctx, id: string, ifMatch?: string) {
  await getState(ctx, id, ifMatch);
  await users.remove(ctx, id);
}

function columnsOf(attrs: UserAttrs) {
  const { active: _active, ...columns } = attrs;
  return columns;
}

function attrsOf(found: repo.ScimUserWithState): UserAttrs {
  const { row, active } = found;
  return {
    userName: row.userName,
    externalId: row.externalId,
    email: row.email,
    givenName: row.givenName,
    familyName: row.familyName,
    formatted: row.formatted,
    displayName: row.displayName,
    active,
  };
}

/**
 * Stores the new attributes, then applies `active`: false locks the member and ends their sessions
 * at once (the administrator's own lock and end-sessions, with their log entries); true unlocks.
 */
async function write(ctx: Ctx, found: repo.ScimUserWithState, next: UserAttrs) {
  const id = found.row.userId;
  const before = attrsOf(found);
  if (next.userName.toLowerCase() !== before.userName.toLowerCase()) {
    if (await repo.userNameTaken(ctx.tx, ctx.orgId, next.userName, id)) throw uniqueness();
  }
  const changed = Object.keys(next).filter(
    (k) => k !== 'active' && next[k as keyof UserAttrs] !== before[k as keyof UserAttrs],
  ) as (keyof UserAttrs)[];
  let row = found.row;
  if (changed.length > 0 || next.active !== before.active) {
    row = await repo.update(ctx.tx, ctx.orgId, id, columnsOf(next));
  }
  if (changed.length > 0) {
    const member = (await members.findMember(ctx.tx, ctx.orgId, id))!;
    await record(ctx, {
      action: 'user.updated',
      objectType: 'user',
      objectId: id,
      subject: member.user,
      personalChanges: Object.fromEntries(changed.map((k) => [k, { before: before[k], after: next[k] }])),
      extra: { scim: true },
    });
  }
  if (next.active !== before.active) {
    if (!next.active) await endMemberSessions(ctx, id);
    await users.setLocked(ctx, id, !next.active);
  }
  return presentUser(ctx.deps.config, row, next.active);
}
