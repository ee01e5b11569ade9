import { and, eq } from 'drizzle-orm';
import type { MailTemplateKind } from '../../../../common/schemas/reminders.js';
import type { Tx } from '../../../db/client.js';
import { mailTemplates } from '../../../db/schema/index.js';
import type { Locale } from './defaults.js';

export type MailTemplateRow = typeof mailTemplates.$inferSelect;

const key = (orgId: string, kind: MailTemplateKind, locale: Locale) =>
  and(eq(mailTemplates.orgId, orgId), eq(mailTemplates.kind, kind), eq(mailTemplates.locale, locale));

/** An account's own templates; a handful at most (kinds × languages). */
export function listOf(tx: Tx, orgId: string): Promise<MailTemplateRow[]> {
  return tx.select().from(mailTemplates).where(eq(mailTemplates.orgId, orgId));
}

export async function find(
  tx: Tx,
  orgId: string,
  kind: MailTemplateKind,
  locale: Locale,
): Promise<MailTemplateRow | null> {
  const [row] = await tx
    .select()
    .from(mailTemplates)
    .where(key(orgId, kind, locale));
  return row ?? null;
}

export async function upsert(
  tx: Tx,
  row: {
    orgId: string;
    kind: MailTemplateKind;
    locale: Locale;
    subject: string;
    body: string;
    updatedBy: string | null;
  },
): Promise<MailTemplateRow> {
  const changes = { subject: row.subject, body: row.body, updatedBy: row.updatedBy, updatedAt: new Date() };
  const [saved] = await tx
    .insert(mailTemplates)
    .values({ ...row, updatedAt: changes.updatedAt })
    .onConflictDoUpdate({ target: [mailTemplates.orgId, mailTemplates.kind, mailTemplates.locale], set: changes })
    .returning();
  return saved!;
}

export async function remove(tx: Tx, orgId: string, kind: MailTemplateKind, locale: Locale): Promise<boolean> {
  const deleted = await tx
    .delete(mailTemplates)
    .where(key(orgId, kind, locale))
    .returning({ kind: mailTemplates.kind });
  return deleted.length > 0;
}
