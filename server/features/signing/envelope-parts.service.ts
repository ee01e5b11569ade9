import { randomUUID } from 'node:crypto';
import { type FieldInput, type RecipientInput, SIGNING_LIMITS } from '../../../common/schemas/signing.js';
import type { Ctx } from '../../platform/context.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import { record } from '../audit/audit.service.js';
import * as repo from './envelopes.repo.js';
import { get, reachEnvelope, requireDraft } from './envelopes.service.js';

function refuse(errors: FieldError[]): void {
  const [first, ...rest] = errors;
  if (first) throw AppError.invalidAll([first, ...rest]);
}

const label = (r: { name: string; email: string; role: string; position: number }) =>
  `${r.position}. ${r.name} <${r.email}> (${r.role})`;

/**
 * A draft's recipients replaced by the list given: one with a known id keeps its fields, one without
 * an id is added, and one left out goes with its fields. Addresses are unique within the envelope.
 */
export async function replaceRecipients(ctx: Ctx, id: string, input: RecipientInput[]) {
  const row = await reachEnvelope(ctx, id, { write: true, lock: true });
  requireDraft(row);
  const existing = await repo.recipientsOf(ctx.tx, ctx.orgId, id);
  const known = new Map(existing.map((r) => [r.id, r]));
  const errors: FieldError[] = [];
  const emails = new Set<string>();
  const ids = new Set<string>();
  input.forEach((r, i) => {
    if (r.id !== undefined && (!known.has(r.id) || ids.has(r.id))) {
      errors.push({
        field: `recipients.${i}.id`,
        rule: 'unknown_recipient',
        message: 'is not a recipient of this envelope',
      });
    }
    if (r.id) ids.add(r.id);
    // A copy recipient never opens a signing page, so a code would check nothing.
    if (r.requireCode && r.role === 'cc') {
      errors.push({
        field: `recipients.${i}.requireCode`,
        rule: 'cc_no_code',
        message: 'is only for signers and approvers',
      });
    }
    if (emails.has(r.email)) {
      errors.push({ field: `recipients.${i}.email`, rule: 'duplicate_email', message: 'is listed twice' });
    }
    emails.add(r.email);
  });
  refuse(errors);
  await repo.removeRecipients(
    ctx.tx,
    ctx.orgId,
    existing.filter((r) => !ids.has(r.id)).map((r) => r.id),
  );
  // Two kept recipients may swap addresses: clear the kept ones' addresses first, so no unique check trips midway.
  for (const r of input)
    if (r.id) await repo.updateRecipient(ctx.tx, ctx.orgId, r.id, { email: `${r.id}@moving.invalid` });
  const fresh = [];
  for (const r of input) {
    const values = {
      role: r.role,
      name: r.name,
      email: r.email,
      position: r.position,
      locale: r.locale ?? row.locale,
      requireCode: r.requireCode,
    };
    if (r.id) await repo.updateRecipient(ctx.tx, ctx.orgId, r.id, values);
    else fresh.push({ ...values, orgId: ctx.orgId, id: randomUUID(), envelopeId: id });
  }
  await repo.insertRecipients(ctx.tx, fresh);
  // A recipient who became a copy recipient fills nothing any more.
  const fields = await repo.fieldsOf(ctx.tx, ctx.orgId, id);
  const signers = new Set(input.filter((r) => r.role === 'signer' && r.id).map((r) => r.id));
  const orphaned = fields.filter((f) => !signers.has(f.recipientId));
  if (orphaned.length > 0) {
    await repo.replaceFields(
      ctx.tx,
      ctx.orgId,
      id,
      fields.filter((f) => signers.has(f.recipientId)),
    );
  }
  const before = existing.map(label).join('\n');
  const after = (await repo.recipientsOf(ctx.tx, ctx.orgId, id)).map(label).join('\n');
  if (before !== after) {
    await repo.update(ctx.tx, ctx.orgId, id, {});
    await record(ctx, {
      action: 'envelope.updated',
      objectType: 'envelope',
      objectId: id,
      personalChanges: { recipients: { before, after } },
    });
  }
  return get(ctx, id);
}

/** Why a field cannot stand as placed, if it cannot. */
function fieldErrors(
  f: FieldInput,
  i: number,
  ctx: { pageCount: number; signers: Set<string>; recipients: Set<string>; known: Set<string>; seen: Set<string> },
): FieldError[] {
  const at = (name: string, rule: string, message: string, params?: FieldError['params']) => ({
    field: `fields.${i}${name}`,
    rule,
    message,
    ...(params && { params }),
  });
  const errors: FieldError[] = [];
  if (f.id !== undefined && (!ctx.known.has(f.id) || ctx.seen.has(f.id))) {
    errors.push(at('.id', 'unknown_field', 'is not a field of this envelope'));
  }
  if (!ctx.recipients.has(f.recipientId)) {
    errors.push(at('.recipientId', 'unknown_recipient', 'is not a recipient of this envelope'));
  } else if (!ctx.signers.has(f.recipientId)) {
    errors.push(at('.recipientId', 'recipient_cannot_fill', 'is not a signer, so fills no fields'));
  }
  if (f.page > ctx.pageCount) {
    errors.push(at('.page', 'page_out_of_range', `must be at most ${ctx.pageCount}`, { max: ctx.pageCount }));
  }
  if (f.w < SIGNING_LIMITS.minFieldSide || f.h < SIGNING_LIMITS.minFieldSide) {
    errors.push(at('', 'field_too_small', 'is too small to fill'));
  } else if (f.x + f.w > 1 || f.y + f.h > 1) {
    errors.push(at('', 'outside_page', 'reaches outside the page'));
  }
  return errors;
}

/** A draft's fields replaced by the list given, each on a page of the document and for one of its signers. */
export async function replaceFields(ctx: Ctx, id: string, input: FieldInput[]) {
  const row = await reachEnvelope(ctx, id, { write: true, lock: true });
  requireDraft(row);
  const recipients = await repo.recipientsOf(ctx.tx, ctx.orgId, id);
  const existing = await repo.fieldsOf(ctx.tx, ctx.orgId, id);
  const facts = {
    pageCount: row.pageCount,
    signers: new Set(recipients.filter((r) => r.role === 'signer').map((r) => r.id)),
    recipients: new Set(recipients.map((r) => r.id)),
    known: new Set(existing.map((f) => f.id)),
    seen: new Set<string>(),
  };
  refuse(
    input.flatMap((f, i) => {
      const errors = fieldErrors(f, i, facts);
      if (f.id) facts.seen.add(f.id);
      return errors;
    }),
  );
  await repo.replaceFields(
    ctx.tx,
    ctx.orgId,
    id,
    input.map((f) => ({ ...f, id: f.id ?? randomUUID(), orgId: ctx.orgId, envelopeId: id })),
  );
  await repo.update(ctx.tx, ctx.orgId, id, {});
  await record(ctx, {
    action: 'envelope.updated',
    objectType: 'envelope',
    objectId: id,
    changes: { fields: { before: existing.length, after: input.length } },
  });
  return get(ctx, id);
}
