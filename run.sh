#!/usr/bin/env bash
# Installs what is missing, builds, and runs Jincai's main job: check the shipped
# Shanxi policy, run its policy tests, generate a demo population and print the
# simulation of a sample reform (tier A from 90 points instead of 100, and the
# unemployed spouse's allowance at 0.8 of the employer's average salary, not 0.6).
set -euo pipefail
cd "$(dirname "$0")"
scripts/bootstrap
scripts/build jincai
jincai=build/jincai
mkdir -p data
echo
echo "== jincai policy check policies/shanxi-2017.toml"
$jincai policy check policies/shanxi-2017.toml
echo
echo "== jincai policy test policies/shanxi-2017.tests.toml"
$jincai policy test policies/shanxi-2017.tests.toml | tail -n 1
echo
echo "== jincai population generate --count 100000 --seed 1 --format csv -o data/population.csv"
$jincai population generate --count 100000 --seed 1 --format csv -o data/population.csv
echo
echo "== jincai policy simulate --base policies/shanxi-2017.toml --set tier_a_min_points=90 --set spouse_allowance_factor=0.8 --population data/population.csv --date 2021-01-01 --chart data/reform.svg"
$jincai policy simulate --base policies/shanxi-2017.toml --set tier_a_min_points=90 --set spouse_allowance_factor=0.8 \
  --population data/population.csv --date 2021-01-01 --chart data/reform.svg
echo
echo "The chart of this simulation is in data/reform.svg."
echo "Next: build/jincai policy evaluate --policy policies/shanxi-2017.toml --explain DOSSIERS.jsonl (see README.md)."
