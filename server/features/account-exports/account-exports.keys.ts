import { accountExports } from '../../db/schema/index.js';
import { keyedTable } from '../../platform/keys/keyed-tables.js';

/** The context an export's data key is wrapped with, and the one its sealed ZIP is bound to. */
export const exportContext = (orgId: string, id: string) => `account-export/${orgId}/${id}`;
export const exportBlobContext = (orgId: string, id: string) => `deedbox/blob/${exportContext(orgId, id)}`;
export const exportBlobName = (orgId: string, id: string) => `orgs/${orgId}/exports/${id}`;

/** Exports hold a data key wrapped under the org key: an org key rotation rewraps it (features/keys). */
export const accountExportKeyedTables = [keyedTable('account_exports', accountExports, exportContext)];
