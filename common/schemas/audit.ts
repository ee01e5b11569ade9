import { z } from 'zod';
import { isoDate, isoDateTime, pageQuery } from './common.js';

export const auditEvent = z.object({
  id: z.uuid(),
  seq: z.number().int(),
  occurredAt: isoDateTime,
  action: z.string(),
  objectType: z.string(),
  objectId: z.string().nullable(),
  actor: z.object({
    type: z.enum(['user', 'api_key', 'system', 'anonymous']),
    id: z.string().nullable(),
    name: z.string().nullable(),
    email: z.string().nullable(),
  }),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  /** Field → { before, after }; personal values appear here only until erased. */
  changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })),
  subject: z.object({ name: z.string().nullable(), email: z.string().nullable() }).nullable(),
  hash: z.string(),
  prevHash: z.string(),
});
export type AuditEvent = z.infer<typeof auditEvent>;

export const auditFilter = z.object({
  actorId: z.uuid().optional(),
  action: z.string().max(80).optional(),
  objectType: z.string().max(80).optional(),
  objectId: z.string().max(80).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export const auditListQuery = pageQuery.extend(auditFilter.shape);

export const auditVerifyOutput = z.object({
  intact: z.boolean(),
  checked: z.number().int(),
  firstBrokenSeq: z.number().int().nullable(),
  reason: z.string().nullable(),
  headHash: z.string().nullable(),
});
export const AUDIT_ACTIONS = [
  'auth.signed_up',
  'auth.signed_in',
  'auth.sign_in_failed',
  'auth.signed_out',
  'auth.password_changed',
  'auth.password_reset_requested',
  'auth.password_reset',
  'auth.email_verified',
  'user.invited',
  'user.invitation_accepted',
  'user.roles_changed',
  'user.locked',
  'user.unlocked',
  'user.removed',
  'user.updated',
  'business_unit.created',
  'business_unit.updated',
  'business_unit.deleted',
  'api_key.created',
  'api_key.revoked',
  'org.created',
  'audit.exported',
  'contract.created',
  'contract.updated',
  'contract.notice_recorded',
  'contract.deleted',
  'partner.created',
  'partner.updated',
  'partner.deleted',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export { isoDateTime };
