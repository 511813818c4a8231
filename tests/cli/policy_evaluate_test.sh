#!/usr/bin/env bash
# CLI tests of `jincai policy check`, `evaluate`, `simulate`, `fairness` and
# `population generate` on the shipped Shanxi policy: outputs, explanations, and
# every bad-input case (a clear message, a non-zero exit, no partial output file).
# Usage: policy_evaluate_test.sh JINCAI_BINARY SOURCE_DIR
source "$(dirname "$0")/lib.sh"
P=$SRC/policies/shanxi-2017.toml

# --- check
run policy check "$P"
expect_rc 0 "check of the shipped policy"
has "$out" "shanxi-2017.toml: ok, 0 error(s)"
printf '[policy]\nid = "x"\nversion = "1"\ntitle = "t"\neffective = 2017-01-01\n[inputs.p]\ntype = "number"\n[[tiers]]\nid = "A"\nwhen = '"'"'q > 1'"'"'\n' >"$TMP/bad.toml"
run policy check "$TMP/bad.toml"
expect_rc 1 "check of a policy with an unknown name"
has "$err" "bad.toml:10:9: error: unknown name 'q'"
has "$err" "          ^"
run policy check "$TMP/missing.toml"
expect_rc 1 "check of a missing file"
has "$err" "cannot open"

# --- population generate: deterministic
run population generate --count 200 --seed 5 -o "$TMP/pop.jsonl"
expect_rc 0 "generate"
run population generate --count 200 --seed 5 --format csv -o "$TMP/pop.csv"
expect_rc 0 "generate csv"
[[ $(wc -l <"$TMP/pop.jsonl") -eq 200 ]] || fail "200 dossiers expected"
[[ $(wc -l <"$TMP/pop.csv") -eq 201 ]] || fail "header and 200 rows expected"
a=$("$JINCAI" population generate --count 50 --seed 9 | md5sum)
b=$("$JINCAI" population generate --count 50 --seed 9 | md5sum)
[[ $a == "$b" ]] || fail "the same seed must give the same population"
run population generate --count -1
expect_rc 2 "negative count"

# --- evaluate: JSON Lines and CSV of the same population agree
run policy evaluate --policy "$P" --date 2021-01-01 "$TMP/pop.jsonl"
expect_rc 0 "evaluate jsonl"
echo "$out" >"$TMP/from_jsonl"
run policy evaluate --policy "$P" --date 2021-01-01 "$TMP/pop.csv"
expect_rc 0 "evaluate csv"
[[ "$out" == "$(cat "$TMP/from_jsonl")" ]] || fail "CSV and JSON Lines inputs must give the same decisions"
has "$out" '"policy":{"id":"shanxi-2017","version":"1.0.0"}'
[[ $(echo "$out" | wc -l) -eq 200 ]] || fail "one decision per dossier"

# --- explain and what-it-takes on a known dossier
cat >"$TMP/one.json" <<'EOF2'
{"id":"w1","nationality":"DE","birth_date":"1980-01-01","hukou_province":"","education":"none","professional_title":"none",
 "employer_ownership":"private","honors":["provincial_talent_program"],"annual_salary_cny":300000,"years_experience":10,
 "field":"ai","employer_id":"E1","employer_avg_monthly_salary_cny":10000,"engagement":"full_time",
 "spouse":{"present":true,"employed":false},"children":[{"birth_date":"2012-05-01","school_stage":"primary"}]}
EOF2
run policy evaluate --policy "$P" --date 2021-01-01 --explain --what-it-takes "$TMP/one.json"
expect_rc 0 "explain"
has "$out" '"id":"w1"'
has "$out" '"trace":'
has "$out" '"higher_tiers_not_reached"'
has "$out" '"short_by"'
has "$out" '"cite":"¶'
has "$out" '"what_it_takes":{'
has "$out" '"target":'
run policy evaluate --policy "$P" --date 2021-01-01 --explain --format table "$TMP/one.json"
expect_rc 0 "explain as text"
has "$out" "dossier w1"
has "$out" "higher_tiers_not_reached:"

# --- bad input: a clear message naming line and field, exit 1, no partial output
head -5 "$TMP/pop.jsonl" >"$TMP/mixed.jsonl"
echo '{"id":"bad1","birth_date":"1990-02-30"}' >>"$TMP/mixed.jsonl"
tail -3 "$TMP/pop.jsonl" >>"$TMP/mixed.jsonl"
run policy evaluate --policy "$P" --date 2021-01-01 -o "$TMP/out.jsonl" "$TMP/mixed.jsonl"
expect_rc 1 "a bad record stops the run"
has "$err" "line 6"
has "$err" "birth_date"
[[ ! -e "$TMP/out.jsonl" ]] || fail "no partial output file may be left behind"
ls "$TMP" | grep -q 'out.jsonl.tmp' && fail "no temporary file may be left behind"
run policy evaluate --policy "$P" --date 2021-01-01 --skip-invalid -o "$TMP/out.jsonl" "$TMP/mixed.jsonl"
expect_rc 0 "--skip-invalid goes on"
has "$err" "skipped line 6"
[[ $(wc -l <"$TMP/out.jsonl") -eq 8 ]] || fail "8 valid dossiers decided"
: >"$TMP/empty.jsonl"
run policy evaluate --policy "$P" "$TMP/empty.jsonl"
expect_rc 1 "empty input"
has "$err" "holds no dossiers"
echo '{"id":"t1","nationality":"CN"' >"$TMP/trunc.jsonl"
run policy evaluate --policy "$P" "$TMP/trunc.jsonl"
expect_rc 1 "truncated JSON"
has "$err" "line 1"
echo '{"id":"t1","birth_date":"1980-01-01","papers":"many"}' >"$TMP/type.jsonl"
run policy evaluate --policy "$P" "$TMP/type.jsonl"
expect_rc 1 "wrong type"
has "$err" "papers"
echo '{"id":"t1","birth_date":"1980-01-01","salary":1}' >"$TMP/unknown.jsonl"
run policy evaluate --policy "$P" "$TMP/unknown.jsonl"
expect_rc 1 "unknown field"
has "$err" "unknown field 'salary'"
run policy evaluate --policy "$P" --date 2021-02-30 "$TMP/pop.jsonl"
expect_rc 2 "bad date"
has "$err" "not a date"
run policy evaluate --policy "$P" --date 2016-01-01 "$TMP/pop.jsonl"
expect_rc 1 "a date before the policy's parameters"
has "$err" "has no value on 2016-01-01"
# A line of 3 MB is refused without being read whole.
python3 -c "print('{\"id\":\"x\",\"name\":\"' + 'a'*3000000 + '\"}')" >"$TMP/long.jsonl"
run policy evaluate --policy "$P" "$TMP/long.jsonl"
expect_rc 1 "an oversized record"
has "$err" "longer than"

# --- simulate
run policy simulate --base "$P" --set tier_a_min_points=90 --population "$TMP/pop.csv" --date 2021-01-01 --chart "$TMP/c.svg"
expect_rc 0 "simulate with --set"
has "$out" "Transitions"
has "$out" "Cost by payer"
grep -q "<svg" "$TMP/c.svg" || fail "chart written"
run policy simulate --base "$P" --set tier_a_min_points=90 --population "$TMP/pop.csv" --date 2021-01-01 --format json
expect_rc 0 "simulate json"
echo "$out" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["dossiers"]==200, d' || fail "simulate json is valid JSON with 200 dossiers"
run policy simulate --base "$P" --reform "$P" --population "$TMP/pop.csv" --date 2021-01-01 --format csv
expect_rc 0 "simulate the policy against itself"
has "$out" "summary,changed,,0"
run policy simulate --base "$P" --set nope=1 --population "$TMP/pop.csv"
expect_rc 2 "unknown parameter"
has "$err" "no parameter 'nope'"
run policy simulate --base "$P" --set tier_a_min_points=many --population "$TMP/pop.csv"
expect_rc 2 "bad parameter value"
has "$err" "'many' is not a value for tier_a_min_points"
run policy simulate --base "$P" --population "$TMP/pop.csv"
expect_rc 2 "no reform"

# --- fairness: the shipped policy moves nothing; a barrier-breaking one is caught by check
run policy fairness --policy "$P" --population "$TMP/pop.jsonl" --date 2021-01-01
expect_rc 0 "fairness of the shipped policy"
has "$out" "decisions moved: 0"
sed 's/^when = '"'"'total_points >= tier_a_min_points'"'"'/when = '"'"'total_points >= tier_a_min_points or education == "doctorate"'"'"'/' "$P" >"$TMP/unfair.toml"
grep -q 'education == "doctorate"' "$TMP/unfair.toml" || fail "test setup: the tier A condition was not rewritten"
run policy check "$TMP/unfair.toml"
expect_rc 1 "barrier lint"
has "$err" "restricted input 'education' decides tier A"

# --- a reform that reads a string input the base never reads
cat >"$TMP/base.toml" <<'EOF2'
[policy]
id = "b"
version = "1"
title = "b"
effective = 2017-01-01
[inputs.papers]
type = "number"
[inputs.city]
type = "string"
[[tiers]]
id = "A"
when = 'papers >= 1'
EOF2
sed "s/when = 'papers >= 1'/when = 'city == \"Taiyuan\"'/" "$TMP/base.toml" >"$TMP/reform.toml"
printf '{"id":"1","papers":0,"city":"Taiyuan"}\n{"id":"2","papers":0,"city":"Taiyuan"}\n{"id":"3","papers":1,"city":"Datong"}\n' >"$TMP/cities.jsonl"
run policy simulate --base "$TMP/base.toml" --reform "$TMP/reform.toml" --population "$TMP/cities.jsonl" --date 2021-01-01 --format csv
expect_rc 0 "simulate a reform reading another string input"
has "$out" "tier,A,1,2"

# --- output that cannot be written is an error, and leaves no chart behind
if [[ -w /dev/full ]]; then
  set +e
  "$JINCAI" policy evaluate --policy "$P" --date 2021-01-01 "$TMP/pop.jsonl" >/dev/full 2>"$TMP/stderr"
  rc=$?
  set -e
  [[ $rc -eq 1 ]] || fail "writing to a full device must fail (exit $rc)"
fi
run policy simulate --base "$P" --set tier_a_min_points=90 --population "$TMP/pop.csv" --date 2021-01-01 --chart "$TMP/left.svg" -o "$TMP/no/such/dir/r.txt"
expect_rc 1 "an unwritable report"
[[ ! -e "$TMP/left.svg" ]] || fail "no chart may be left behind when the report fails"

# --- writing to a device writes to it, and leaves the device a device
run policy evaluate --policy "$P" --date 2021-01-01 -o /dev/null "$TMP/pop.jsonl"
expect_rc 0 "-o /dev/null"
[[ -c /dev/null ]] || fail "/dev/null must stay a character device"
echo "ok"
