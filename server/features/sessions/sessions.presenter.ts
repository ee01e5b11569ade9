import type { SessionOutput } from '../../../common/schemas/sessions.js';
import { parseUserAgent } from '../../../common/user-agent.js';
import type { SessionRow } from '../auth/sessions.repo.js';

export function presentSession(row: SessionRow, currentId: string): SessionOutput {
  return {
    id: row.id,
    device: parseUserAgent(row.userAgent),
    userAgent: row.userAgent,
    ip: row.ip,
    createdAt: row.createdAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
    current: row.id === currentId,
  };
}
