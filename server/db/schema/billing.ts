import { foreignKey, index, numeric, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { BILLING_FREQUENCIES, BILLING_KINDS } from '../../../common/schemas/vocabulary.js';
import { day, ts } from './columns.js';
import { contracts } from './contracts.js';
import { orgs } from './orgs.js';

/** Money a contract costs or earns. Amounts are exact decimals, read and written as strings. */
export const billingLines = pgTable(
  'billing_lines',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    contractId: uuid('contract_id').notNull(),
    kind: text('kind', { enum: BILLING_KINDS }).notNull(),
    frequency: text('frequency', { enum: BILLING_FREQUENCIES }).notNull(),
    amount: numeric('amount', { precision: 18, scale: 2 }).notNull(),
    currency: text('currency').notNull(),
    /** Units of the company currency per one unit of `currency`, as the user entered it. */
    rate: numeric('rate', { precision: 18, scale: 8 }).notNull(),
    firstBillingOn: day('first_billing_on').notNull(),
    /** Empty: open-ended. */
    lastBillingOn: day('last_billing_on'),
    description: text('description'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('billing_lines_id_key').on(t.id),
    foreignKey({ columns: [t.orgId, t.contractId], foreignColumns: [contracts.orgId, contracts.id] }).onDelete(
      'cascade',
    ),
    index('billing_lines_contract_idx').on(t.orgId, t.contractId),
  ],
);
