#!/usr/bin/env bash
# Runs the pgBackRest commands of docs/operations.md ("Production PostgreSQL") end to end on a
# throwaway PostgreSQL 15 cluster in a temp dir, on its own ports and socket dir, with its own
# pgbackrest config and repository: archiving, stanza-create, check, full and diff backups, a
# streaming standby restored from the repository, and a point-in-time restore. Leaves no cluster
# running and no files behind, also when a step fails. Exits non-zero on any failure or mismatch.
# Never touches another cluster (the shared one on 5432 included). As root, the clusters run as
# the OS user postgres (initdb refuses root). Needs: Debian's postgresql-15 and pgbackrest.
set -euo pipefail

PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
STANZA=drill
fail() {
  echo "pgbackrest drill: FAILED: $*" >&2
  exit 1
}
step() { echo "pgbackrest drill: $*"; }

command -v pgbackrest >/dev/null || fail "pgbackrest is not installed (Debian: apt-get install pgbackrest)"
[ -x "$PGBIN/initdb" ] || fail "no PostgreSQL binaries in $PGBIN (Debian: apt-get install postgresql-15)"

WORK=$(mktemp -d /tmp/pgbackrest-drill.XXXXXX)
if [ "$(id -u)" = 0 ]; then
  chown postgres: "$WORK"
  as_pg() { runuser -u postgres -- "$@"; }
else
  as_pg() { "$@"; }
fi
cd "$WORK"

cleanup() {
  local rc=$?
  for dir in "$WORK/standby" "$WORK/primary"; do
    if [ -f "$dir/postmaster.pid" ]; then as_pg "$PGBIN/pg_ctl" -D "$dir" -m immediate -w stop >/dev/null 2>&1 || true; fi
  done
  if [ "$rc" != 0 ]; then
    for log in "$WORK"/*.log "$WORK"/log/*.log; do
      [ -f "$log" ] && { echo "--- $log (tail)" >&2; tail -n 20 "$log" >&2; }
    done
  fi
  cd /
  rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

free_port() {
  node -e 'const s=require("node:net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}
P1=${PGBR_PRIMARY_PORT:-$(free_port)}
P2=${PGBR_STANDBY_PORT:-$(free_port)}
[ "$P1" != "$P2" ] || P2=$((P1 + 1))
SOCK=$WORK/sock
CONF=$WORK/pgbackrest.conf
REPL_PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')

psql_at() { # psql_at <port> <sql>: one value per line, unaligned
  as_pg "$PGBIN/psql" -h "$SOCK" -p "$1" -U postgres -d postgres -XAtq -v ON_ERROR_STOP=1 -c "$2"
}
pgbr() { as_pg pgbackrest --config="$CONF" --stanza="$STANZA" "$@"; }
wait_for() { # wait_for <what> <port> <sql> <expected>: polls until the query returns expected, 60 s at most
  local got=""
  for _ in $(seq 1 240); do
    got=$(psql_at "$2" "$3" 2>/dev/null || true)
    [ "$got" = "$4" ] && return 0
    sleep 0.25
  done
  fail "$1: expected '$4', got '$got'"
}
expect() { # expect <what> <got> <expected>
  [ "$2" = "$3" ] || fail "$1: expected '$3', got '$2'"
  step "ok: $1 ($2)"
}

step "pgBackRest $(pgbackrest version | sed 's/^pgBackRest //'), PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}'), work dir $WORK, ports $P1 (primary) and $P2 (standby)"
as_pg mkdir -p "$SOCK" "$WORK/repo" "$WORK/log" "$WORK/lock" "$WORK/spool"

# The repository settings of docs/operations.md, with paths under the work dir.
as_pg tee "$CONF" >/dev/null <<EOF
[global]
repo1-path=$WORK/repo
repo1-retention-full=2
repo1-cipher-type=aes-256-cbc
repo1-cipher-pass=$(head -c 48 /dev/urandom | base64 -w0)
compress-type=zst
start-fast=y
log-level-console=warn
log-level-file=info
log-path=$WORK/log
lock-path=$WORK/lock
spool-path=$WORK/spool

[$STANZA]
pg1-path=$WORK/primary
pg1-port=$P1
pg1-socket-path=$SOCK
EOF
as_pg chmod 600 "$CONF"

as_pg "$PGBIN/initdb" -D "$WORK/primary" -U postgres -E UTF8 --auth-local=trust --auth-host=scram-sha-256 >"$WORK/initdb.log"
as_pg tee -a "$WORK/primary/postgresql.conf" >/dev/null <<EOF
port = $P1
listen_addresses = '127.0.0.1'
unix_socket_directories = '$SOCK'
wal_level = replica
archive_mode = on
archive_command = 'pgbackrest --config=$CONF --stanza=$STANZA archive-push %p'
max_wal_senders = 5
EOF
# The only TCP rule is the replication line of docs/operations.md.
as_pg tee "$WORK/primary/pg_hba.conf" >/dev/null <<EOF
local all all trust
local replication all trust
host replication replicator 127.0.0.1/32 scram-sha-256
EOF
as_pg "$PGBIN/pg_ctl" -D "$WORK/primary" -l "$WORK/primary.log" -w start >/dev/null
step "ok: primary started with archiving"

pgbr stanza-create
pgbr check
step "ok: stanza-create, check (WAL archiving works)"

psql_at "$P1" "CREATE ROLE replicator WITH REPLICATION LOGIN PASSWORD '$REPL_PASSWORD'"
pgbr --type=full backup
psql_at "$P1" "CREATE TABLE drill (id serial PRIMARY KEY, phase text NOT NULL)"
psql_at "$P1" "INSERT INTO drill (phase) SELECT 'after-full' FROM generate_series(1, 100)"
pgbr --type=diff backup
psql_at "$P1" "INSERT INTO drill (phase) SELECT 'after-diff' FROM generate_series(1, 50)"
TARGET=$(psql_at "$P1" "SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') || '+00'")
psql_at "$P1" "INSERT INTO drill (phase) SELECT 'after-target' FROM generate_series(1, 25)"
pgbr check # switches WAL and waits until the segment is archived
INFO=$(as_pg pgbackrest --config="$CONF" --stanza="$STANZA" --output=json info)
expect "backups in the repository (full, diff)" \
  "$(node -e 'const [s]=JSON.parse(process.argv[1]);console.log(s.backup.map((b)=>b.type).join(","))' "$INFO")" "full,diff"

# Standby: restored from the repository into a second data dir, streaming from the primary.
pgbr --pg1-path="$WORK/standby" --delta --type=standby \
  --recovery-option="primary_conninfo=host=127.0.0.1 port=$P1 user=replicator password=$REPL_PASSWORD application_name=standby1" restore
as_pg "$PGBIN/pg_ctl" -D "$WORK/standby" -l "$WORK/standby.log" -o "-p $P2" -w start >/dev/null
wait_for "standby streaming" "$P1" \
  "SELECT state FROM pg_stat_replication WHERE application_name = 'standby1'" streaming
step "ok: pg_stat_replication on the primary: standby1 streaming"
grep -q 'restored log file .* from archive' "$WORK/standby.log" || fail "the standby restored no WAL from the repository (restore_command)"
step "ok: the standby restored WAL from the repository (archive-get)"
expect "standby in recovery" "$(psql_at "$P2" "SELECT pg_is_in_recovery()")" t
psql_at "$P1" "INSERT INTO drill (phase) SELECT 'streamed' FROM generate_series(1, 10)"
LSN=$(psql_at "$P1" "SELECT pg_current_wal_lsn()")
wait_for "standby replayed $LSN" "$P2" "SELECT pg_last_wal_replay_lsn() >= '$LSN'::pg_lsn" t
COUNTS="SELECT string_agg(phase || '=' || n, ' ' ORDER BY phase) FROM (SELECT phase, count(*) n FROM drill GROUP BY phase) c"
expect "rows on the standby" "$(psql_at "$P2" "$COUNTS")" "after-diff=50 after-full=100 after-target=25 streamed=10"
as_pg "$PGBIN/pg_ctl" -D "$WORK/standby" -m fast -w stop >/dev/null

# Point-in-time recovery into the stopped primary.
as_pg "$PGBIN/pg_ctl" -D "$WORK/primary" -m fast -w stop >/dev/null
pgbr --delta --type=time "--target=$TARGET" --target-action=promote restore
as_pg "$PGBIN/pg_ctl" -D "$WORK/primary" -l "$WORK/primary.log" -w start >/dev/null
wait_for "primary promoted after recovery" "$P1" "SELECT pg_is_in_recovery()" f
expect "rows after point-in-time recovery to $TARGET" "$(psql_at "$P1" "$COUNTS")" "after-diff=50 after-full=100"
pgbr check
step "ok: archiving works again after recovery (new timeline)"
as_pg "$PGBIN/pg_ctl" -D "$WORK/primary" -m fast -w stop >/dev/null

echo "pgbackrest drill: ok"
