#!/usr/bin/env bash
# jincai keys: generate makes one private key file (mode 0600) and names it current;
# rotate adds a key and makes it current; export-public lists both; a key file others
# can read is refused (by the command and by serve); generate refuses a ring that exists.
source "$(dirname "$0")/lib.sh"

run keys generate --dir "$TMP/keys"
expect_rc 0 "generate"
has "$out" "generated key k"
first=$(cat "$TMP/keys/current")
[[ $(stat -c %a "$TMP/keys/$first.key") == 600 ]] || fail "key file mode is $(stat -c %a "$TMP/keys/$first.key")"
[[ $(stat -c %a "$TMP/keys") == 700 ]] || fail "key directory mode is $(stat -c %a "$TMP/keys")"
run keys generate --dir "$TMP/keys"
expect_rc 1 "second generate"
has "$err" "has keys already"

run keys rotate --dir "$TMP/keys"
expect_rc 0 "rotate"
second=$(cat "$TMP/keys/current")
[[ $second != "$first" ]] || fail "rotate kept the same current key"
run keys export-public --dir "$TMP/keys"
expect_rc 0 "export-public"
has "$out" "\"kid\":\"$first\""
has "$out" "\"kid\":\"$second\""
has "$out" '"current":true'
lacks "$out" "$(cat "$TMP/keys/$second.key")"

chmod 644 "$TMP/keys/$first.key"
run keys export-public --dir "$TMP/keys"
expect_rc 1 "world-readable key"
has "$err" "is open to other users (mode 0644): run chmod 600"
run serve --db "sqlite:$TMP/db/x.db" --keys "$TMP/keys" --port 0
expect_rc 1 "serve with a world-readable key"
has "$err" "chmod 600"
chmod 600 "$TMP/keys/$first.key"

run keys rotate --dir "$TMP/nothing"
expect_rc 1 "rotate without a ring"
has "$err" "jincai keys generate"
run card verify "JC1:NOTACARD" --keys "$TMP/keys"
expect_rc 1 "verify garbage"
has "$out" "malformed:"
echo "keys: ok"
