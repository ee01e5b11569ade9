import type { Harness } from '../test/harness.js';
import type { Secrets } from './attack.world.js';

/** Secrets found in the harness's captured log lines, shown by a harmless prefix only. */
export function leakedSecrets(h: Harness, secrets: Secrets): string[] {
  const log = h.logs.join('');
  const leaked: string[] = [];
  for (const secret of secrets.values) {
    const forms = [secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)];
    if (forms.some((f) => log.includes(f))) leaked.push(`${secret.slice(0, 6)}… (${secret.length} chars)`);
  }
  return leaked;
}
