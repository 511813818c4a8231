# Shared by the platform benchmarks (bench/http_vs_nginx, bench/import_vs_sqlite3,
# bench/serve_memory); sourced, not run. Servers started here are tracked and stopped
# with SIGTERM when the sourcing script exits, also on failure or interrupt.

log() { printf '[%s %s] %s\n' "$(basename "$0")" "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }
now() { date +%s.%N; }
calc() { awk "BEGIN { printf \"%.${2:-1}f\", $1 }"; }

started_pids=()
stop_pid() { # pid [name]: SIGTERM, up to 10 s to exit, then SIGKILL; logs how it ended and
  # sets STOPPED_RC (exit status; 128+signal if killed by one) and STOPPED_KILLED (0 or 1)
  local pid=$1 name=${2:-process} rc=0 i
  STOPPED_RC=0 STOPPED_KILLED=0
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 100; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "$name (pid $pid) still running 10 s after SIGTERM: SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    STOPPED_KILLED=1
  fi
  wait "$pid" 2>/dev/null || rc=$?
  STOPPED_RC=$rc
  log "$name (pid $pid) stopped, exit status $rc"
}
stop_all() {
  local pid
  for pid in "${started_pids[@]}"; do stop_pid "$pid"; done
  started_pids=()
}
trap stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# start_jincai BINARY LOGPREFIX SERVE-ARGS...: starts `jincai serve`, waits (up to 60 s)
# for its `listening on http://HOST:PORT` line on stdout and sets JINCAI_PID and
# JINCAI_URL. The server does not inherit fd 9 (bench/run's build lock).
start_jincai() {
  local bin=$1 prefix=$2 i line
  shift 2
  "$bin" serve "$@" >"$prefix.out" 2>"$prefix.err" 9>&- &
  JINCAI_PID=$!
  started_pids+=("$JINCAI_PID")
  for ((i = 0; i < 600; i++)); do
    line=$(grep -m1 -o 'listening on http://[^ ]*' "$prefix.out" 2>/dev/null || true)
    [[ -n $line ]] && break
    kill -0 "$JINCAI_PID" 2>/dev/null || { cat "$prefix.out" "$prefix.err" >&2; die "jincai serve exited before listening"; }
    sleep 0.1
  done
  [[ -n $line ]] || die "jincai serve did not print 'listening on' within 60 s"
  JINCAI_URL=${line#listening on }
}

# free_port: a loopback TCP port nobody listens on right now.
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# login URL USER PASSWORD: prints the session token of POST /api/v1/auth/login.
login() {
  local body
  body=$(curl -sS --fail-with-body -X POST -H 'Content-Type: application/json' \
    -d "{\"username\":\"$2\",\"password\":\"$3\"}" "$1/api/v1/auth/login") || die "login as $2 failed: $body"
  python3 -c 'import json, sys; print(json.loads(sys.argv[1])["token"])' "$body"
}

# wrk_summary FILE: one line "rps p50_ms p99_ms requests non2xx socket_errors" from
# `wrk --latency` output (latencies converted to milliseconds).
wrk_summary() {
  awk '
    function ms(v) {
      if (v ~ /us$/) return v / 1000
      if (v ~ /ms$/) return v + 0
      if (v ~ /m$/) return v * 60000
      if (v ~ /s$/) return v * 1000
      return v + 0
    }
    $1 == "50%" { p50 = ms($2) }
    $1 == "99%" { p99 = ms($2) }
    $2 == "requests" && $3 == "in" { n = $1 }
    /^Requests\/sec:/ { rps = $2 }
    /Non-2xx or 3xx responses:/ { bad = $NF }
    /Socket errors:/ { gsub(/,/, ""); sock = $4 + $6 + $8 + $10 }
    END { printf "%.0f %.3f %.3f %d %d %d\n", rps, p50, p99, n, bad, sock }' "$1"
}

# vm KEY PID: a /proc/PID/status field in KiB (VmRSS, VmHWM, RssAnon, RssFile).
vm() { awk -v k="$1:" '$1 == k { print $2 }' "/proc/$2/status"; }
