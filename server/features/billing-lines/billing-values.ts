import { billingValues } from '../../../common/billing-values.js';
import type { Tx } from '../../db/client.js';
import * as repo from './billing-lines.repo.js';

/** The stored billing columns of a contract (see contracts.annual_value and siblings). */
export interface BillingColumns {
  annualCost: string;
  annualRevenue: string;
  annualValue: string;
  totalCost: string | null;
  totalRevenue: string | null;
  totalValue: string | null;
  billingValidUntil: string | null;
}

/**
 * A contract's billing values from its lines, for a contract ending `endsOn` (computed), as of
 * `today`. Every write that moves a line or the contract's end stores them again.
 */
export async function billingColumns(
  tx: Tx,
  orgId: string,
  contractId: string,
  endsOn: string | null,
  today: string,
): Promise<BillingColumns> {
  const lines = await repo.listOf(tx, orgId, contractId);
  const { totalOpenEnded: _open, validUntil, ...values } = billingValues(lines, endsOn, today);
  return { ...values, billingValidUntil: validUntil };
}
