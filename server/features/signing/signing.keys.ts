import { signingEnvelopes } from '../../db/schema/index.js';
import { keyedTable } from '../../platform/keys/keyed-tables.js';

/** The context an envelope's data key is wrapped with; its sealed message, reasons, signatures and values use it. */
export const envelopeContext = (orgId: string, id: string) => `signing-envelope/${orgId}/${id}`;

/** Envelopes hold a data key wrapped under the org key: an org key rotation rewraps it (features/keys). */
export const signingKeyedTables = [keyedTable('signing_envelopes', signingEnvelopes, envelopeContext)];
