import type { RotationProgress } from './keys.rotation.js';

/** One line of a rotation's progress, for the operator watching the CLI (stderr). */
export function progressLine(p: RotationProgress): string {
  switch (p.step) {
    case 'start':
      return `org ${p.orgId}: ${p.resumed ? 'resuming the rotation to' : 'rotating to'} org key version ${p.orgKeyVersion}`;
    case 'master':
      return `org ${p.orgId}: ${p.orgKeys} org key(s) rewrapped (${p.done}/${p.total} orgs)`;
    case 'rewrap':
      return `org ${p.orgId}: ${p.rows} ${p.table} rows rewrapped`;
    case 'drain':
      return `org ${p.orgId}: waiting for ${p.open} open transaction(s) before destroying retired keys`;
  }
}
