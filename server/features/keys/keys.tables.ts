import type { KeyedTable } from '../../platform/keys/keyed-tables.js';
import { accountExportKeyedTables } from '../account-exports/account-exports.keys.js';
import { documentKeyedTables } from '../documents/documents.keys.js';
import { signingKeyedTables } from '../signing/signing.keys.js';
import { ssoKeyedTables } from '../sso/sso.keys.js';
import { webhookKeyedTables } from '../webhooks/webhooks.keys.js';

/** Every table whose rows hold a data key wrapped under the org key; a feature that seals rows adds its own here. */
export const KEYED_TABLES: readonly KeyedTable[] = [
  ...documentKeyedTables,
  ...ssoKeyedTables,
  ...accountExportKeyedTables,
  ...signingKeyedTables,
  ...webhookKeyedTables,
];
