# Sourced by cli-demo.sh and jenkins-demo.sh (which set -euo pipefail, REPO and JAR): builds the terminal
# runner, which bundles the CodeScoring simulator, and runs the simulator in the background until the demo
# script exits.

# A port nobody listens on: bash connects to it, and a refused connection means it is free.
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# shellcheck source=.ci/maven.sh
source "$REPO/.ci/maven.sh"

# Builds the plugin and $JAR quietly with the Maven Wrapper; on failure shows the build log and exits 2.
build_runner() {
  local log
  log="$(mktemp "${TMPDIR:-/tmp}/codescoring-build.XXXXXX")"
  if ! maven -q -B -ntp package -DskipTests >"$log" 2>&1; then
    cat "$log" >&2; echo "The build failed (log: $log)." >&2; exit 2
  fi
  rm -f "$log"
}

SIM_PID=""
SIM_LOG=""
stop_simulator() {
  if [[ -n "$SIM_PID" ]] && kill -0 "$SIM_PID" 2>/dev/null; then
    kill "$SIM_PID" 2>/dev/null || true
    wait "$SIM_PID" 2>/dev/null || true
    echo "CodeScoring simulator stopped (its log: $SIM_LOG)."
  fi
}

# start_simulator PORT TOKEN ANALYSIS_SECONDS LOG [WEBHOOK_URL WEBHOOK_TOKEN]: starts the simulator with the
# "demo" dataset (and, with a webhook URL, sends CodeScoring webhooks there every second), stops it when this
# script exits, waits until it answers and shows what it printed.
start_simulator() {
  local port="$1" token="$2" seconds="$3" webhook_url="${5:-}" webhook_token="${6:-}"
  SIM_LOG="$4"
  trap stop_simulator EXIT
  trap 'exit 130' INT TERM
  local webhook=()
  if [ -n "$webhook_url" ]; then
    webhook=(--webhook-url "$webhook_url" --webhook-batch-seconds 1)
  fi
  # The tokens go through the environment, never the command line (process lists show arguments).
  CODESCORING_SIMULATOR_TOKEN="$token" CODESCORING_SIMULATOR_WEBHOOK_TOKEN="$webhook_token" java -jar "$JAR" simulator \
    --port "$port" --dataset demo --analysis-seconds "$seconds" "${webhook[@]}" >"$SIM_LOG" 2>&1 &
  SIM_PID=$!
  for _ in $(seq 1 100); do
    if ! kill -0 "$SIM_PID" 2>/dev/null; then
      echo "The simulator did not start:" >&2; cat "$SIM_LOG" >&2; exit 2
    fi
    if grep -q "listening on" "$SIM_LOG" && port_in_use "$port"; then break; fi
    sleep 0.2
  done
  port_in_use "$port" || { echo "The simulator does not answer on port $port:" >&2; cat "$SIM_LOG" >&2; exit 2; }
  sed 's/^/    simulator | /' "$SIM_LOG"
}
