import type { Abilities } from '../../../common/schemas/auth.js';
import type { Actor, Ctx, UnitRole } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';

export function isAdmin(actor: Actor): boolean {
  return actor.type === 'system' || actor.isAdmin;
}

/** Every ability the UI needs, from the same rules the services enforce. */
export function abilitiesOf(actor: Actor): Abilities {
  const admin = isAdmin(actor);
  const createContracts = admin || (actor.type !== 'system' && Object.values(actor.unitRoles).includes('editor'));
  const editPartners = canEditPartners(actor);
  return {
    manageUsers: admin,
    manageBusinessUnits: admin,
    manageApiKeys: admin,
    viewActivity: admin,
    exportAccount: admin,
    manageSettings: admin,
    manageLists: admin,
    manageCustomFields: admin,
    manageMailTemplates: admin,
    manageReminderSettings: admin,
    useRecycleBin: admin,
    createContracts,
    editPartners,
    addListEntries: editPartners,
    importData: createContracts || editPartners,
    readDevOutbox: canReadDevOutbox(actor),
  };
}

/** The development outbox holds working links (invitations): a signed-in administrator only, never an API key. */
export function canReadDevOutbox(actor: Actor): boolean {
  return actor.type === 'user' && actor.isAdmin;
}

export function requireAdmin(ctx: Ctx): void {
  if (!isAdmin(ctx.actor)) throw AppError.forbidden('Only administrators may do this.');
}

/** Business units whose contracts the actor may read: 'all' for administrators. */
export function readableUnits(actor: Actor): string[] | 'all' {
  if (isAdmin(actor) || actor.type === 'system') return 'all';
  return Object.keys(actor.unitRoles);
}

/**
 * What the actor may do with the contracts of one business unit, and why: the single rule that
 * reading and writing checks ask, and that "who can see this and why" shows as it is.
 */
export type UnitAccess =
  | { level: 'edit'; reason: 'administrator' }
  | { level: 'edit' | 'read'; reason: 'unit_role'; role: UnitRole }
  | { level: 'none'; reason: 'no_role' };

export function unitAccess(actor: Actor, unitId: string): UnitAccess {
  if (isAdmin(actor)) return { level: 'edit', reason: 'administrator' };
  const role = actor.type === 'system' ? undefined : actor.unitRoles[unitId];
  if (!role) return { level: 'none', reason: 'no_role' };
  return { level: role === 'editor' ? 'edit' : 'read', reason: 'unit_role', role };
}

export function canReadUnit(actor: Actor, unitId: string): boolean {
  return unitAccess(actor, unitId).level !== 'none';
}

export function canWriteUnit(actor: Actor, unitId: string): boolean {
  return unitAccess(actor, unitId).level === 'edit';
}

/** Partners are shared by all units: anyone who edits contracts somewhere may maintain them. */
export function canEditPartners(actor: Actor): boolean {
  return isAdmin(actor) || (actor.type !== 'system' && Object.values(actor.unitRoles).includes('editor'));
}

/** What a reminder tells the policy: where its contract lives, who owns it and whom it names. */
export interface ReminderScope {
  businessUnitId: string;
  contractOwnerId: string | null;
  contractBackupOwnerId: string | null;
  recipients: { userIds?: string[] };
}

/**
 * Acknowledging, dismissing and reopening silence mails meant for someone: only the people a
 * reminder is for may do it — its named recipients, the contract's owner and backup owner, and
 * editors of its unit (administrators included). The API and the mail links share this rule.
 */
export function canRespondToReminder(actor: Actor, r: ReminderScope): boolean {
  if (canWriteUnit(actor, r.businessUnitId)) return true;
  if (actor.type !== 'user') return false;
  return (
    actor.id === r.contractOwnerId ||
    actor.id === r.contractBackupOwnerId ||
    (r.recipients.userIds ?? []).includes(actor.id)
  );
}
