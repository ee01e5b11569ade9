import type { EnvelopeEvent } from '../../../common/schemas/signing-events.js';
import type { Ctx } from '../../platform/context.js';
import { reachEnvelope } from './envelopes.service.js';
import { timelineOf } from './evidence.repo.js';

/** The envelope's evidence timeline, for whoever may read the envelope. */
export async function list(ctx: Ctx, envelopeId: string): Promise<EnvelopeEvent[]> {
  await reachEnvelope(ctx, envelopeId, { write: false });
  const rows = await timelineOf(ctx.tx, ctx.orgId, envelopeId);
  return rows.map((row) => ({ ...row, at: row.at.toISOString() }));
}
