import type { Harness } from '../test/harness.js';
import type { Secrets } from './attack.world.js';

/** Secrets (those the suite used and every token mailed) found in the captured log, shown by a prefix only. */
export function leakedSecrets(h: Harness, secrets: Secrets): string[] {
  secrets.addMailTokens(h.sink);
  const log = h.logs.join('');
  const leaked: string[] = [];
  for (const secret of secrets.values) {
    const forms = [secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)];
    if (forms.some((f) => log.includes(f))) leaked.push(`${secret.slice(0, 6)}… (${secret.length} chars)`);
  }
  return leaked;
}
