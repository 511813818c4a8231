# Shared by the CLI test scripts (sourced): a temp dir removed on exit, `run` which
# captures exit code and output, and assertions. Scripts take $1 = the jincai binary
# and $2 = the source tree.
set -euo pipefail

JINCAI=$1
SRC=$2
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }
# run ARGS...: runs jincai, leaving $rc, $out and $err.
run() {
  set +e
  "$JINCAI" "$@" >"$TMP/stdout" 2>"$TMP/stderr"
  rc=$?
  set -e
  out=$(cat "$TMP/stdout")
  err=$(cat "$TMP/stderr")
}
expect_rc() { [[ $rc -eq $1 ]] || fail "$2: exit $rc, expected $1
stdout: $out
stderr: $err"; }
has() { [[ $1 == *"$2"* ]] || fail "expected to find [$2] in:
$1"; }
lacks() { [[ $1 != *"$2"* ]] || fail "did not expect [$2] in:
$1"; }
