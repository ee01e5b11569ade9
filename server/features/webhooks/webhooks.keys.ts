import { webhookEndpoints } from '../../db/schema/index.js';
import { keyedTable } from '../../platform/keys/keyed-tables.js';
import { openField, type rowKeyOpener, sealField } from '../documents/documents.keys.js';
import type { EndpointRow } from './webhooks.repo.js';

/** The context an endpoint's data key is wrapped with; its sealed secrets use it. */
export const endpointContext = (orgId: string, id: string) => `webhook-endpoint/${orgId}/${id}`;

/** Endpoints hold a data key wrapped under the org key: an org key rotation rewraps it (features/keys). */
export const webhookKeyedTables = [keyedTable('webhook_endpoints', webhookEndpoints, endpointContext)];

export const sealSecret = (
  key: Buffer,
  orgId: string,
  id: string,
  field: 'secret' | 'previous-secret',
  secret: string,
) => sealField(key, endpointContext(orgId, id), field, secret);

/**
 * The secrets an endpoint signs with at `now`: its own, and the one before the last rotation while
 * that is still within its overlap. `open` is a rowKeyOpener of the transaction.
 */
export async function signingSecrets(
  open: ReturnType<typeof rowKeyOpener>,
  row: EndpointRow,
  now: Date,
): Promise<string[]> {
  const context = endpointContext(row.orgId, row.id);
  const key = await open(row, context);
  const secrets = [openField(key, context, 'secret', row.secret)];
  if (row.previousSecret && row.previousSecretUntil && row.previousSecretUntil > now)
    secrets.push(openField(key, context, 'previous-secret', row.previousSecret));
  return secrets;
}
