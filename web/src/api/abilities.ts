import type { SessionMe } from './use-me.js';

/** Actions on the repository that /me may report; each is checked by the server on every request. */
export type RepositoryAbility = 'createContracts' | 'editPartners';

/**
 * Whether to offer a repository action. Until /me reports these abilities the action is
 * offered to everyone and the server's 403 explains a refusal; the UI never guesses from roles.
 */
export function meCan(me: SessionMe, ability: RepositoryAbility): boolean {
  return (me.abilities as Record<string, boolean | undefined>)[ability] ?? true;
}
