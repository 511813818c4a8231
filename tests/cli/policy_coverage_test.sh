#!/usr/bin/env bash
# CLI tests of `jincai policy coverage`: the report, --strict, --format json, --source,
# and bad input (missing files, TOML errors, quotes the source does not contain).
# Usage: policy_coverage_test.sh JINCAI_BINARY SOURCE_DIR
source "$(dirname "$0")/lib.sh"

# policy NAME CITE_OF_CRITERION [EXTRA_TOML]: a small valid policy citing its source.
policy() {
  cat >"$TMP/$1" <<EOF
[policy]
id = "mini"
version = "1.0.0"
title = "Mini"
effective = 2017-01-01
source = "mini.source.txt"

[inputs.score]
type = "number"
cite = '¶2'

[[criteria]]
id = "score"
dimension = "ability"
points = 'score'
cite = '$2'

[[tiers]]
id = "A"
name = "A"
when = 'total_points >= 10'
cite = '¶3 "green card"'

[coverage]
not_provisions = [ { para = 1, why = "headline" } ]
${3:-}
EOF
}

printf 'Mini Policy Headline\n\nTalents are evaluated on ability. Not on degrees!\n  \nTalents get a "green card". They choose where to live.\n' >"$TMP/mini.source.txt"

# --- the report ---------------------------------------------------------------
policy good.toml '"TALENTS   are evaluated"'
run policy coverage "$TMP/good.toml"
expect_rc 0 "uncovered sentences are reported, not an error"
has "$out" "3 paragraphs, 5 sentences"
has "$out" "covered: 3, uncovered: 1, set aside: 1 (75% of provisions covered)"
has "$out" "¶3.2  They choose where to live."
has "$out" "¶1  headline"
lacks "$out" "Not on degrees"
[[ -z $err ]] || fail "no diagnostics expected, got: $err"

run policy coverage --strict "$TMP/good.toml"
expect_rc 1 "--strict with an uncovered sentence"
has "$err" "1 sentence(s) of the source are not covered (--strict)"

run policy coverage --format json "$TMP/good.toml"
expect_rc 0 "json report"
has "$out" '"uncovered": 1'
has "$out" '"text": "They choose where to live."'
has "$out" '"citation_errors": []'

# --source replaces the policy's own source: everything in it is uncovered.
printf 'Something else entirely. Really.\n' >"$TMP/other.txt"
run policy coverage "$TMP/good.toml" --source "$TMP/other.txt" --strict
expect_rc 1 "--source with nothing cited"
# ...and the quotes are then not found, which is reported as an error too.
has "$err" "is not in the source"

# Full coverage passes --strict.
policy full.toml '¶3'
run policy coverage --strict "$TMP/full.toml"
expect_rc 0 "full coverage with --strict"
has "$out" "uncovered: 0"

# --- citations that do not match the source ------------------------------------
policy badquote.toml '"blue card"'
run policy coverage "$TMP/badquote.toml"
expect_rc 1 "quote not in the source"
has "$err" "badquote.toml:16:8: error: criterion 'score': the quote \"blue card\" is not in the source"
has "$err" "1 citation(s) do not match the source"
has "$out" "citations not matching the source: 1"

policy wrongpara.toml '¶2 "green card"'
run policy coverage --format json "$TMP/wrongpara.toml"
expect_rc 1 "quote in another paragraph"
has "$err" "is not in ¶2 (it is in ¶3)"
has "$out" '"owner": "criterion '"'"'score'"'"'"'

policy farpara.toml '¶42'
run policy coverage "$TMP/farpara.toml"
expect_rc 1 "paragraph beyond the source"
has "$err" "¶42 is not a paragraph of the source (the source has 3 paragraph(s))"

policy np.toml '¶2' '[[entitlements]]
id = "e"
tiers = ["A"]
payer = "employer"
cite = "¶3"'
sed -i 's/para = 1, why/para = 9, why/' "$TMP/np.toml"
run policy coverage "$TMP/np.toml"
expect_rc 1 "not_provisions beyond the source"
has "$err" "[coverage] not_provisions: ¶9 is not a paragraph"

# --- bad input ----------------------------------------------------------------
run policy coverage "$TMP/missing.toml"
expect_rc 1 "missing policy file"
has "$err" "cannot open"

printf '[policy\nid = "x"\n' >"$TMP/syntax.toml"
run policy coverage "$TMP/syntax.toml"
expect_rc 1 "malformed TOML"
has "$err" "syntax.toml:1:"

policy nosource.toml '¶2'
run policy coverage "$TMP/nosource.toml" --source "$TMP/absent.txt"
expect_rc 1 "missing source text"
has "$err" "absent.txt"

sed '/^source = /d' "$TMP/good.toml" >"$TMP/unsourced.toml"
run policy coverage "$TMP/unsourced.toml"
expect_rc 2 "no source anywhere"
has "$err" "give --source"

run policy coverage "$TMP/good.toml" --format xml
expect_rc 2 "bad --format"

run policy coverage
expect_rc 2 "no policy file"

# The shipped policy can be measured (its result is not asserted: it is still being written).
if [[ -f "$SRC/policies/shanxi-2017.toml" ]]; then
  run policy coverage "$SRC/policies/shanxi-2017.toml"
  [[ $rc -le 1 ]] || fail "coverage of the shipped policy crashed or misused the CLI (exit $rc): $err"
fi

echo "policy coverage: all tests passed"
