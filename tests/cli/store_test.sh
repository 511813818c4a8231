#!/usr/bin/env bash
# CLI tests of `jincai migrate` and `jincai audit verify`: migrations run once, the
# default database under data/, bad URLs, and tampering with the SQLite file by hand.
# Records are appended here by an independent shell implementation of the chain's
# canonical encoding (docs/operations.md), so the format itself is pinned too.
# Usage: store_test.sh JINCAI_BINARY SOURCE_DIR
source "$(dirname "$0")/lib.sh"

cd "$TMP"

# The default database is data/jincai.db, and data/ is created.
run migrate
expect_rc 0 "first migrate"
has "$out" "applied 1 audit_log"
has "$out" "applied 2 records_accounts_applications"
has "$out" "applied 3 cards"
has "$out" "applied 4 entitlement_claims"
has "$out" "applied 5 news"
has "$out" "applied 6 recruitment_market"
has "$out" "applied 7 talent_flows"
has "$out" "schema version 7"
[[ -f data/jincai.db ]] || fail "data/jincai.db was not created"
run migrate
expect_rc 0 "second migrate"
lacks "$out" "applied"
has "$out" "schema version 7 (up to date)"

run audit verify
expect_rc 0 "verify an empty chain"
has "$out" "audit chain ok: 0 record(s)"

run migrate --db "sqlite:$TMP/other/dir/x.db"
expect_rc 0 "migrate creates nested directories"

run audit verify --db "sqlite:$TMP/missing.db"
expect_rc 1 "verify a missing database"
has "$err" "no database at"
[[ ! -e "$TMP/missing.db" ]] || fail "verify created a database"

run audit verify --db "postgresql://localhost/jincai?no_such_option=1"
expect_rc 2 "malformed postgresql URL"
has "$err" "malformed PostgreSQL URL"
# Port 1 on loopback: nothing listens there, so the connection is refused at once.
run audit verify --db "postgresql://127.0.0.1:1/jincai?connect_timeout=2"
expect_rc 1 "unreachable postgresql server"
has "$err" "cannot connect to PostgreSQL"
run migrate --db mysql://x
expect_rc 2 "unknown scheme"
has "$err" "expected sqlite:PATH"

echo "not a database, just text that is long enough to look like a header page" >"$TMP/text.db"
run migrate --db "sqlite:$TMP/text.db"
expect_rc 1 "a file that is not a database"
has "$err" "cannot"

if ! command -v sqlite3 >/dev/null; then
  echo "store_test: sqlite3 not installed, tampering tests skipped"
  exit 0
fi

DB=data/jincai.db
sql() { sqlite3 "$DB" "$@"; }
field() { printf '%s:%s\n' "${#1}" "$1"; }
# append ID ACTOR: computes the record's hash as the store does and appends it with
# the head update in one transaction.
append() {
  local id=$1 actor=$2 at="2026-11-28T10:00:0${1}Z"
  local prev
  prev=$(sql "SELECT last_hash FROM audit_head")
  local hash
  hash=$({ printf '%s' "$prev"; field "$id"; field "$at"; field "$actor"; field "application.approve"
           field "application"; field "A$id"; field ""; field ""; } | sha256sum | cut -d' ' -f1)
  sql "BEGIN; INSERT INTO audit_log VALUES ($id, '$at', '$actor', 'application.approve', 'application', 'A$id', '', '', '$prev', '$hash');
       UPDATE audit_head SET last_id = $id, last_hash = '$hash'; COMMIT;"
}
append 1 officer-1
append 2 officer-2
append 3 officer-3
run audit verify
expect_rc 0 "verify three records written by the shell"
has "$out" "audit chain ok: 3 record(s)"
cp "$DB" "$TMP/good.db"

sql "UPDATE audit_log SET actor = 'intruder' WHERE id = 2"
run audit verify
expect_rc 1 "edited record"
has "$err" "audit chain BROKEN at record 2 (edited)"

cp "$TMP/good.db" "$DB"
sql "DELETE FROM audit_log WHERE id = 2"
run audit verify
expect_rc 1 "deleted middle record"
has "$err" "BROKEN at record 2 (missing): record 2 is missing"

cp "$TMP/good.db" "$DB"
sql "DELETE FROM audit_log WHERE id = 3"
run audit verify
expect_rc 1 "deleted last record"
has "$err" "BROKEN at record 3 (missing)"

cp "$TMP/good.db" "$DB"
run audit verify
expect_rc 0 "restored copy verifies again"

echo "store_test: ok"
