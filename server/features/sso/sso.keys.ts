import { ssoConnections } from '../../db/schema/index.js';
import { keyedTable } from '../../platform/keys/keyed-tables.js';

/** Binds the sealed client secret to its org and connection: copied to another row, it does not open. */
export const connectionContext = (orgId: string, id: string) => `sso-connection/${orgId}/${id}`;

export const ssoKeyedTables = [keyedTable('sso_connections', ssoConnections, connectionContext)];
