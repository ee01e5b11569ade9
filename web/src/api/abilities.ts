import type { Abilities } from '../../../common/schemas/auth.js';
import type { SessionMe } from './use-me.js';

/**
 * Whether to offer an action or page, from the abilities /me reports (the server checks every
 * request anyway). An ability the server did not report is not offered: the UI never guesses.
 */
export function meCan(me: SessionMe, ability: keyof Abilities): boolean {
  return (me.abilities as Partial<Record<keyof Abilities, boolean>>)[ability] === true;
}
