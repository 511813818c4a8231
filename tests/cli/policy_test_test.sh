#!/usr/bin/env bash
# CLI tests of `jincai policy test`: PASS/FAIL lines, per-field diffs, the summary and
# exit codes, tests found beside a policy, and malformed tests files and policies.
# Usage: policy_test_test.sh JINCAI_BINARY SOURCE_DIR
source "$(dirname "$0")/lib.sh"

cat >"$TMP/mini.toml" <<'EOF'
[policy]
id = "mini"
version = "1.0.0"
title = "Mini"
effective = 2017-01-01

[inputs.score]
type = "number"
min = 0

[inputs.joined]
type = "date"

[inputs.spouse]
type = "record"
fields = [ { name = "present", type = "bool", default = false } ]

[parameters.factor]
type = "number"
value = 0.5
assumption = "set by the office"

[[criteria]]
id = "score"
dimension = "ability"
points = 'score'

[[tiers]]
id = "A"
name = "Leading"
when = 'total_points >= 100'

[[tiers]]
id = "B"
name = "Other"
when = 'total_points >= 50 and total_points < 100'

[[entitlements]]
id = "housing"
tiers = ["A"]
payer = "employer"

[[entitlements]]
id = "allowance"
tiers = ["A", "B"]
payer = "employer"
when = 'spouse.present'
monthly_cny = '1000.50 CNY * factor'
EOF

# tests FILE POLICY TEST...: a tests file naming POLICY, with the given [[tests]] bodies.
tests() {
  local file=$1 pol=$2
  shift 2
  printf 'policy = "%s"\n' "$pol" >"$TMP/$file"
  for t in "$@"; do printf '\n[[tests]]\n%s\n' "$t" >>"$TMP/$file"; done
}

A_TEST='name = "a leading talent"
date = 2020-06-01
[tests.dossier]
id = "t-a"
score = 120
joined = 2019-03-01
spouse = { present = true }
[tests.expect]
tier = "A"
points = { ability = 120, total = 120 }
entitlements = ["allowance", "housing"]
amounts = { allowance = 500.25 }'

B_TEST='name = "a reform lowers the allowance"
date = 2020-06-01
set = { factor = 0.2 }
[tests.dossier]
id = "t-b"
score = 60.5
joined = 2019-03-01
spouse = { present = true }
[tests.expect]
tier = "B"
entitlements = ["allowance"]
amounts = { allowance = 200.10 }'

WRONG_TEST='name = "wrong on purpose"
date = 2020-06-01
[tests.dossier]
id = "t-w"
score = 60
joined = 2019-03-01
[tests.expect]
tier = "A"
points = { total = 61 }
entitlements = ["housing"]
amounts = { allowance = 500.25 }'

# --- passing and failing tests --------------------------------------------------
tests mini.tests.toml mini.toml "$A_TEST" "$B_TEST"
run policy test "$TMP/mini.tests.toml"
expect_rc 0 "passing tests"
has "$out" "PASS a leading talent"
has "$out" "PASS a reform lowers the allowance"
has "$out" "2 passed, 0 failed"

# Given the policy file, its NAME.tests.toml beside it runs.
run policy test "$TMP/mini.toml"
expect_rc 0 "tests found beside the policy"
has "$out" "2 passed, 0 failed"

tests wrong.tests.toml mini.toml "$A_TEST" "$WRONG_TEST"
run policy test "$TMP/wrong.tests.toml"
expect_rc 1 "a failing test"
has "$out" "PASS a leading talent"
has "$out" "FAIL wrong on purpose ($TMP/wrong.tests.toml:17)"
has "$out" '  tier: expected "A", got "B"'
has "$out" "  points.total: expected 61, got 60"
has "$out" "  entitlements: missing [housing]"
has "$out" "  amounts.allowance: expected 500.25, got none (not granted)"
has "$out" "1 passed, 1 failed"

# Several files: each is named, the summary adds them up.
run policy test "$TMP/mini.tests.toml" "$TMP/wrong.tests.toml"
expect_rc 1 "several files"
has "$out" "$TMP/mini.tests.toml"
has "$out" "3 passed, 1 failed"

# --- malformed tests ------------------------------------------------------------
tests unknown.tests.toml mini.toml "$A_TEST" 'name = "unknown tier"
date = 2020-06-01
[tests.dossier]
id = "t-u"
score = 1
joined = 2019-03-01
[tests.expect]
tier = "S"
entitlements = ["pony"]'
run policy test "$TMP/unknown.tests.toml"
expect_rc 1 "unknown tier and entitlement in the expectation"
has "$out" "FAIL unknown tier"
has "$out" "unknown.tests.toml:25: unknown tier \"S\" (the policy has: A, B, none)"
has "$out" "unknown.tests.toml:26: unknown entitlement 'pony'"
has "$out" "1 passed, 1 failed"

tests dossier.tests.toml mini.toml 'name = "bad dossier"
date = 2020-06-01
set = { no_such_parameter = 3 }
[tests.dossier]
id = "t-d"
score = "lots"
joined = 2019-03-01
[tests.expect]
tier = "none"'
run policy test "$TMP/dossier.tests.toml"
expect_rc 1 "bad dossier and unknown parameter"
has "$out" "dossier.tests.toml:6: set no_such_parameter: the policy has no parameter 'no_such_parameter'"
has "$out" "dossier.tests.toml:7: dossier (id t-d): field 'score': expected a number"

tests keys.tests.toml mini.toml 'name = "typo"
date = 2020-06-01
[tests.dossier]
id = "t-k"
score = 1
joined = 2019-03-01
[tests.expected]
tier = "none"'
run policy test "$TMP/keys.tests.toml"
expect_rc 1 "misspelt expect table"
has "$out" "unknown key 'expected' in a test"
has "$out" "needs a non-empty [tests.expect] table"

printf 'policy = "mini.toml"\n[[tests]\nname = "x"\n' >"$TMP/syntax.tests.toml"
run policy test "$TMP/syntax.tests.toml"
expect_rc 1 "malformed TOML"
has "$err" "syntax.tests.toml:2:"
has "$out" "0 passed, 0 failed, 1 file(s) could not be run"

tests nopolicy.tests.toml absent.toml "$A_TEST"
run policy test "$TMP/nopolicy.tests.toml"
expect_rc 1 "the named policy does not exist"
has "$err" "nopolicy.tests.toml:1: policy: cannot open"

sed 's/^title = .*//' "$TMP/mini.toml" >"$TMP/broken.toml"
tests broken.tests.toml broken.toml "$A_TEST"
run policy test "$TMP/broken.tests.toml"
expect_rc 1 "the policy has errors"
has "$err" "missing 'title' in [policy]"
has "$err" "broken.tests.toml:1: policy"

run policy test "$TMP/nothing.tests.toml"
expect_rc 1 "missing tests file"
has "$err" "cannot open"

cp "$TMP/mini.toml" "$TMP/lonely.toml"
run policy test "$TMP/lonely.toml"
expect_rc 1 "a policy without tests beside it"
has "$err" "is a policy file; its tests"

run policy test
expect_rc 2 "no file"

# The shipped policy's tests run (their result is not asserted: the policy is still
# being written).
if [[ -f "$SRC/policies/shanxi-2017.tests.toml" ]]; then
  run policy test "$SRC/policies/shanxi-2017.tests.toml"
  [[ $rc -le 1 ]] || fail "the shipped tests crashed or misused the CLI (exit $rc): $err"
  has "$out" " passed, "
fi

echo "policy test: all tests passed"
