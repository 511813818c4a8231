#!/usr/bin/env bash
# jincai import/export dossiers: a synthetic population imports whole; export -> import
# -> export gives the same file (CSV and JSON Lines); a file with bad rows reports each
# with its line and field and imports nothing; bad headers are refused.
source "$(dirname "$0")/lib.sh"

run population generate --count 300 --seed 5 --format csv -o "$TMP/pop.csv"
expect_rc 0 "generate"
python3 "$SRC/bench/import_csv.py" "$TMP/pop.csv" "$TMP/import.csv"

run import dossiers --db "sqlite:$TMP/a.db" "$TMP/import.csv"
expect_rc 0 "import"
has "$out" "imported 300 talent(s)"

for fmt in csv jsonl; do
  run export dossiers --db "sqlite:$TMP/a.db" --format $fmt -o "$TMP/first.$fmt"
  expect_rc 0 "export $fmt"
  run import dossiers --db "sqlite:$TMP/b-$fmt.db" "$TMP/first.$fmt"
  expect_rc 0 "re-import $fmt"
  run export dossiers --db "sqlite:$TMP/b-$fmt.db" --format $fmt -o "$TMP/second.$fmt"
  expect_rc 0 "re-export $fmt"
  cmp "$TMP/first.$fmt" "$TMP/second.$fmt" || fail "$fmt export -> import -> export differs"
done
[[ $(wc -l < "$TMP/first.jsonl") -eq 300 ]] || fail "300 JSON lines expected"

# Importing the same people again: every row is a duplicate; nothing changes.
run import dossiers --db "sqlite:$TMP/a.db" "$TMP/import.csv"
expect_rc 1 "duplicates"
has "$err" "line 2: field 'document_number'"
has "$err" "300 bad row(s) of 300; nothing was imported"
has "$err" "... and 200 more bad row(s)"

# A file with four bad rows among good ones: each reported, nothing imported.
python3 - "$TMP/import.csv" "$TMP/bad.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="")))
h = rows[0]
i = {k: n for n, k in enumerate(h)}
rows[3][i["document_number"]] = rows[3][i["document_number"]][:-1] + ("0" if rows[3][i["document_number"]][-1] != "0" else "1")
rows[5][i["employer_credit_code"]] = "91140100MA0000000X"
rows[7][i["birth_date"]] = "1980-02-30"
rows[9][i["document_kind"]] = rows[2][i["document_kind"]]
rows[9][i["nationality"]] = rows[2][i["nationality"]]
rows[9][i["document_number"]] = rows[2][i["document_number"]]
csv.writer(open(sys.argv[2], "w", newline=""), lineterminator="\n").writerows(rows)
PY
run import dossiers --db "sqlite:$TMP/c.db" "$TMP/bad.csv"
expect_rc 1 "bad rows"
has "$err" "line 4: field 'document"
has "$err" "line 6: field 'employer_credit_code': no employer with credit code"
has "$err" "line 8: field 'birth_date'"
has "$err" "line 10: field 'document_number'"
has "$err" "4 bad row(s) of 300; nothing was imported"
run export dossiers --db "sqlite:$TMP/c.db" --format jsonl
expect_rc 0 "export of the untouched database"
[[ -z $out ]] || fail "a failed import left rows behind"

# Headers: an unknown column, and a column the employer record owns.
sed '1s/^document_kind/document_kind,shoe_size/; 2,$s/^/42,/' "$TMP/import.csv" | sed '2,$s/^42,\([^,]*\)/\1,42/' > "$TMP/unknown.csv"
run import dossiers --db "sqlite:$TMP/d.db" "$TMP/unknown.csv"
expect_rc 1 "unknown column"
has "$err" "unknown column 'shoe_size'"
sed '1s/$/,employer_id/; 2,$s/$/,E0001/' "$TMP/import.csv" > "$TMP/owned.csv"
run import dossiers --db "sqlite:$TMP/d.db" "$TMP/owned.csv"
expect_rc 1 "owned column"
has "$err" "column 'employer_id' comes from the employer record"

# JSON Lines: a line that is not an object stops the import with its line.
printf '{"document_kind":"passport","document_number":"P1234567","name":"A","nationality":"DE","birth_date":"1980-01-01"}\n[1]\n' > "$TMP/bad.jsonl"
run import dossiers --db "sqlite:$TMP/e.db" "$TMP/bad.jsonl"
expect_rc 1 "jsonl"
has "$err" "line 2: not a JSON object"
echo "dossiers import/export: ok"
