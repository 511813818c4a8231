#!/usr/bin/env bash
# Installs what is missing, builds (the C++ and the web UI), checks the shipped Shanxi
# policy and its tests, and starts the platform: `jincai serve --demo` on the embedded SQLite database
# data/jincai.db, which on first start gets a demo province (employers, talents,
# applications in every state, one account per role). Prints the URL and the demo
# accounts; Ctrl-C stops the server (requests in flight are finished first).
# Environment: JINCAI_PORT (default 8080), JINCAI_HOST (default 127.0.0.1).
set -euo pipefail
cd "$(dirname "$0")"
scripts/bootstrap
# A Node.js the bootstrap installed because the system's is too old comes first.
if [[ -x .tools/node/bin/node ]]; then export PATH="$PWD/.tools/node/bin:$PATH"; fi
scripts/build jincai
scripts/build-web
jincai=build/jincai
mkdir -p data
echo
echo "== jincai policy check policies/shanxi-2017.toml"
$jincai policy check policies/shanxi-2017.toml
echo "== jincai policy test policies/shanxi-2017.tests.toml"
$jincai policy test policies/shanxi-2017.tests.toml | tail -n 1
echo
host=${JINCAI_HOST:-127.0.0.1}
port=${JINCAI_PORT:-8080}
echo "== jincai serve --demo --db sqlite:data/jincai.db --host $host --port $port"
echo "   Open http://$host:$port/ and log in as one of the demo accounts printed below"
echo "   (password jincai-demo-2026). The API: http://$host:$port/api/v1/openapi.json (docs/api.md)."
exec $jincai serve --demo --db sqlite:data/jincai.db --host "$host" --port "$port"
