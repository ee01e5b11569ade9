// What `npm test` needs besides node_modules: PostgreSQL on 127.0.0.1:5432 and Debian's tools
// (Chromium for the browser tests, pgBackRest for its drill). Installs or starts what it can (as root on Debian) and
// otherwise names exactly what is missing. Uses only Node's own modules, so it runs before `npm ci`.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';

/** Debian packages the tests use, each with the file that proves it is installed. */
const PACKAGES = [
  { name: 'chromium', proof: '/usr/bin/chromium', why: 'browser tests (Playwright)' },
  { name: 'sqlmap', proof: '/usr/bin/sqlmap', why: 'security scan in CI (scripts/scan.mjs)' },
  { name: 'wapiti', proof: '/usr/bin/wapiti', why: 'security scan in CI (scripts/scan.mjs)' },
  { name: 'tesseract-ocr', proof: '/usr/bin/tesseract', why: 'OCR of scanned documents' },
  { name: 'tesseract-ocr-eng', proof: '/usr/share/tesseract-ocr/5/tessdata/eng.traineddata', why: 'OCR in English' },
  { name: 'tesseract-ocr-deu', proof: '/usr/share/tesseract-ocr/5/tessdata/deu.traineddata', why: 'OCR in German' },
  { name: 'poppler-utils', proof: '/usr/bin/pdftoppm', why: 'OCR of scanned PDF pages' },
  { name: 'pgbackrest', proof: '/usr/bin/pgbackrest', why: 'pgBackRest drill (scripts/pgbackrest-drill.sh)' },
];
const PG = { host: '127.0.0.1', port: 5432 };

const isRoot = process.getuid?.() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
const say = (line) => console.log(`test prerequisites: ${line}`);
let aptUpdated = false;

function aptInstall(names) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    aptUpdated = true;
  }
  execFileSync('apt-get', ['install', '-y', '-qq', ...names], { stdio: 'inherit', env });
}

function canInstall() {
  return isRoot && hasApt;
}

function postgresAccepts() {
  return new Promise((resolve) => {
    const socket = connect(PG);
    socket.setTimeout(2000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

async function waitForPostgres(seconds) {
  for (let i = 0; i < seconds * 4; i++) {
    if (await postgresAccepts()) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

/** Starts every installed cluster that is down (Debian's pg_ctlcluster), as root. */
function startPostgres() {
  const versions = existsSync('/etc/postgresql') ? readdirSync('/etc/postgresql') : [];
  for (const version of versions) {
    for (const cluster of readdirSync(`/etc/postgresql/${version}`)) {
      spawnSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, cluster, 'start'], { stdio: 'inherit' });
    }
  }
  return versions.length > 0;
}

/** A cluster this script installed only serves the tests: let `postgres` in from loopback without a password. */
function trustLoopback() {
  for (const version of readdirSync('/etc/postgresql')) {
    const file = `/etc/postgresql/${version}/main/pg_hba.conf`;
    if (!existsSync(file)) continue;
    const rules = 'host all postgres 127.0.0.1/32 trust\nhost all postgres ::1/128 trust\n';
    writeFileSync(file, rules + readFileSync(file, 'utf8'));
    spawnSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'reload'], { stdio: 'inherit' });
  }
}

async function ensurePostgres() {
  if (await postgresAccepts()) return null;
  const installed = existsSync('/usr/bin/pg_ctlcluster');
  if (!installed && canInstall()) {
    say('installing PostgreSQL (Debian package postgresql), trusting loopback connections of postgres');
    aptInstall(['postgresql']);
    trustLoopback();
  }
  if (existsSync('/usr/bin/pg_ctlcluster') && isRoot) {
    say('starting PostgreSQL');
    startPostgres();
    if (await waitForPostgres(30)) return null;
  }
  if (!installed && !canInstall()) {
    return 'PostgreSQL 15+ on 127.0.0.1:5432 with trust auth for user postgres (Debian: apt-get install postgresql, as root)';
  }
  return 'PostgreSQL is installed but not accepting connections on 127.0.0.1:5432 (start it: pg_ctlcluster <version> main start, as root)';
}

function ensurePackages() {
  const missing = PACKAGES.filter((pkg) => !existsSync(pkg.proof));
  if (missing.length === 0) return [];
  if (canInstall()) {
    say(`installing ${missing.map((pkg) => pkg.name).join(', ')} (Debian packages)`);
    aptInstall(missing.map((pkg) => pkg.name));
  }
  return missing
    .filter((pkg) => !existsSync(pkg.proof))
    .map((pkg) => `${pkg.proof}, for the ${pkg.why} (Debian: apt-get install ${pkg.name}, as root)`);
}

const problems = [...ensurePackages(), await ensurePostgres()].filter(Boolean);
if (problems.length > 0) {
  console.error('npm test cannot run; missing:');
  for (const problem of problems) console.error(`  - ${problem}`);
  process.exit(1);
}
