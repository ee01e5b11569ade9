import { and, eq, inArray, isNull, lt, ne, sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../../db/client.js';
import { categories, contracts, imports, partners } from '../../db/schema/index.js';

export type ImportRow = typeof imports.$inferSelect;
/** Everything but the file itself, which only the steps that read it load. */
export type ImportMeta = Omit<ImportRow, 'content'>;

export async function insert(tx: Tx, row: typeof imports.$inferInsert): Promise<void> {
  await tx.insert(imports).values(row);
}

/**
 * `forUpdate` locks the row until the transaction ends: a check or commit of the same import
 * waits for the one before it and then sees its outcome (two commits at once import once).
 */
export async function find(tx: Tx, orgId: string, id: string, forUpdate = false): Promise<ImportMeta | null> {
  const query = tx
    .select({
      orgId: imports.orgId,
      id: imports.id,
      entity: imports.entity,
      status: imports.status,
      fileName: imports.fileName,
      format: imports.format,
      headers: imports.headers,
      rowCount: imports.rowCount,
      mapping: imports.mapping,
      options: imports.options,
      errorCount: imports.errorCount,
      errors: imports.errors,
      result: imports.result,
      createdBy: imports.createdBy,
      createdAt: imports.createdAt,
      updatedAt: imports.updatedAt,
    })
    .from(imports)
    .where(and(eq(imports.orgId, orgId), eq(imports.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function content(tx: Tx, orgId: string, id: string): Promise<Buffer | null> {
  const [row] = await tx
    .select({ content: imports.content })
    .from(imports)
    .where(and(eq(imports.orgId, orgId), eq(imports.id, id)));
  return row?.content ?? null;
}

export async function update(tx: Tx, orgId: string, id: string, patch: Partial<typeof imports.$inferInsert>) {
  await tx
    .update(imports)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(imports.orgId, orgId), eq(imports.id, id)));
}

/** Uploads never committed are not kept past `before`: the files may hold personal data. */
export async function deleteAbandoned(tx: Tx, orgId: string, before: Date): Promise<number> {
  const rows = await tx
    .delete(imports)
    .where(and(eq(imports.orgId, orgId), ne(imports.status, 'committed'), lt(imports.createdAt, before)))
    .returning({ id: imports.id });
  return rows.length;
}

/** Which of `numbers` (lower-cased) live contracts already use; asked in chunks to keep statements small. */
export async function takenNumbers(tx: Tx, orgId: string, numbers: string[]): Promise<Set<string>> {
  const taken = new Set<string>();
  for (let i = 0; i < numbers.length; i += 5_000) {
    const chunk = numbers.slice(i, i + 5_000);
    const rows = await tx
      .select({ n: sql<string>`lower(${contracts.contractNumber})` })
      .from(contracts)
      .where(
        and(
          eq(contracts.orgId, orgId),
          isNull(contracts.deletedAt),
          inArray(sql`lower(${contracts.contractNumber})`, chunk),
        ),
      );
    for (const r of rows) taken.add(r.n);
  }
  return taken;
}

/** Multi-row INSERTs of at most `batch` rows: few round trips, statements within the parameter limit. */
async function insertBatched<T>(rows: T[], batch: number, run: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += batch) await run(rows.slice(i, i + batch));
}

/** The columns a bulk contract insert fills, with the SQL type each text value is cast to. */
const CONTRACT_COLUMNS = {
  org_id: 'uuid',
  id: 'uuid',
  title: 'text',
  status: 'text',
  contract_number: 'text',
  business_unit_id: 'uuid',
  partner_id: 'uuid',
  category_id: 'uuid',
  org_unit_id: 'uuid',
  owner_id: 'uuid',
  backup_owner_id: 'uuid',
  description: 'text',
  tags: 'jsonb',
  custom: 'jsonb',
  lifecycle: 'jsonb',
  notice_deadline: 'date',
  earliest_end_date: 'date',
  ends_on: 'date',
  current_term_end: 'date',
  renewal_count: 'int',
  phase: 'text',
  computed_on: 'date',
  created_by: 'uuid',
} as const;

export type BulkContract = Record<keyof typeof CONTRACT_COLUMNS, string | number | object | null>;

const asText = (v: unknown) =>
  v === null || v === undefined ? null : typeof v === 'object' ? JSON.stringify(v) : String(v);

/**
 * Contracts in statements of 5,000 rows: one text array per column, unnested server-side. A
 * multi-row VALUES list would need 23 parameters per row and spends its time building SQL.
 */
export async function insertContracts(tx: Tx, rows: BulkContract[]) {
  const names = Object.keys(CONTRACT_COLUMNS) as (keyof typeof CONTRACT_COLUMNS)[];
  await insertBatched(rows, 5_000, async (chunk) => {
    const arrays = names.map((n) => sql`${sql.param(chunk.map((r) => asText(r[n])))}::text[]`);
    const values = names.map((n) =>
      n === 'tags'
        ? sql`coalesce(array(select jsonb_array_elements_text(u.tags::jsonb)), '{}'::text[])`
        : sql.raw(`u.${n}::${CONTRACT_COLUMNS[n]}`),
    );
    await tx.execute(sql`insert into contracts (${sql.raw(names.join(', '))})
      select ${sql.join(values, sql`, `)} from unnest(${sql.join(arrays, sql`, `)}) as u(${sql.raw(names.join(', '))})`);
  });
}

/**
 * One default reminder on the `eventType` event of each of the contracts (made by the insert's
 * trigger), with its first due day computed as for a reminder made one by one. Returns how many.
 */
export async function insertDefaultReminders(
  tx: Tx,
  r: {
    orgId: string;
    contractIds: string[];
    eventType: string;
    leadTimes: number[];
    repeat: string;
    recipients: object;
    today: string;
    createdBy: string | null;
  },
): Promise<number> {
  const lead = sql`${`{${r.leadTimes.join(',')}}`}::int[]`;
  const rows = rowsOf<{ id: string }>(
    await tx.execute(sql`insert into reminders
        (org_id, id, event_id, contract_id, kind, lead_times, repeat, recipients, created_on, next_due_on, created_by)
      select e.org_id, gen_random_uuid(), e.id, e.contract_id, 'default', ${lead}, ${r.repeat},
        ${JSON.stringify(r.recipients)}::jsonb, ${r.today}::date,
        reminder_first_due(e.date, ${lead}, ${r.repeat}, ${r.today}::date), ${r.createdBy}::uuid
      from events e
      where e.org_id = ${r.orgId} and e.type = ${r.eventType} and e.contract_id = any(${sql.param(r.contractIds)}::uuid[])
      returning id`),
  );
  return rows.length;
}

export const insertPartners = (tx: Tx, rows: (typeof partners.$inferInsert)[]) =>
  insertBatched(rows, 1_000, (chunk) => tx.insert(partners).values(chunk));

export const insertCategories = (tx: Tx, rows: (typeof categories.$inferInsert)[]) =>
  insertBatched(rows, 1_000, (chunk) => tx.insert(categories).values(chunk));
