/**
 * `verify-activity-log.mjs`, shipped in every export: checks, with Node alone and offline, that every
 * file's SHA-256 matches manifest.json and that data/activity-log.json is an unbroken hash chain ending
 * at the head the manifest names. Its canonical JSON and hashes are those of audit.chain.ts (a test
 * runs this script on an export and on an edited one).
 */
export const VERIFIER_SOURCE = `#!/usr/bin/env node
// Verifies an unzipped Deedbox account export. Usage: node verify-activity-log.mjs [folder]
// Exit code 0: every file matches manifest.json and the activity log's chain is intact up to its head.
import { createHash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';

const dir = process.argv[2] ?? path.dirname(new URL(import.meta.url).pathname);
const GENESIS = '0'.repeat(64);
const sha256 = (text) => createHash('sha256').update(text).digest('hex');

// JSON with object keys sorted at every depth and undefined members left out.
function canonicalJson(value) {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return '[' + value.map(canonicalJson).join(',') + ']';
  const entries = Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return '{' + entries.map(([k, v]) => JSON.stringify(k) + ':' + canonicalJson(v)).join(',') + '}';
}

const CHAINED = ['orgId', 'seq', 'id', 'occurredAt', 'actorType', 'actorId', 'subjectId', 'action', 'objectType',
  'objectId', 'data', 'personalCommitment'];

function fileHash(file) {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file).on('data', (d) => hash.update(d)).on('error', reject).on('end', () => resolve(hash.digest('hex')));
  });
}

const problems = [];
const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
for (const entry of manifest.entries) {
  let actual;
  try {
    actual = await fileHash(path.join(dir, ...entry.path.split('/')));
  } catch {
    problems.push(entry.path + ': missing');
    continue;
  }
  if (actual !== entry.sha256) problems.push(entry.path + ': SHA-256 differs from the manifest');
}

// One event per line between "[" and "]", each followed by a comma but the last.
let prevHash = GENESIS;
let expectedSeq = 1;
let broken = null;
const lines = createInterface({ input: createReadStream(path.join(dir, manifest.activityLog.file)), crlfDelay: Infinity });
for await (const raw of lines) {
  const line = raw.trim().replace(/,$/, '');
  if (line === '[' || line === ']' || line === '' || broken) continue;
  const event = JSON.parse(line);
  const chained = Object.fromEntries(CHAINED.map((k) => [k, event[k]]));
  if (event.seq !== expectedSeq) broken = 'entry ' + event.seq + ': expected entry ' + expectedSeq;
  else if (event.prevHash !== prevHash) broken = 'entry ' + event.seq + ': link to the previous entry does not match';
  else if (sha256(prevHash + '\\n' + canonicalJson(chained)) !== event.hash)
    broken = 'entry ' + event.seq + ': content does not match its hash';
  else if (event.personal && sha256(event.personal.salt + '\\n' + canonicalJson(event.personal.content)) !== event.personalCommitment)
    broken = 'entry ' + event.seq + ': personal data does not match its commitment';
  else {
    prevHash = event.hash;
    expectedSeq++;
  }
}
const head = manifest.activityLog.head;
if (broken) problems.push('activity log: ' + broken);
else if (head.events !== expectedSeq - 1 || head.hash !== (expectedSeq > 1 ? prevHash : null))
  problems.push('activity log: ends at entry ' + (expectedSeq - 1) + ', the manifest says ' + head.events);

if (problems.length > 0) {
  for (const p of problems) console.error('FAILED ' + p);
  process.exit(1);
}
console.log('OK: ' + manifest.entries.length + ' files match manifest.json; activity log intact, ' + head.events +
  ' entries, head ' + head.hash);
`;
