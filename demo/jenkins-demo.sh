#!/usr/bin/env bash
# CodeScoring Jenkins demo: one command that shows the plugin in a real Jenkins against the CodeScoring
# simulator, with four sample jobs. DEMO ONLY (a local user admin/admin, see demo/casc/jenkins.yaml).
#
# Needs Java 17+, Maven 3.9.6+ and access to Maven Central and repo.jenkins-ci.org: the first run
# downloads Jenkins and the plugins the tests use (a few hundred MB). It
#   1. builds the terminal runner (target/core/codescoring-cli.jar), which bundles the simulator;
#   2. starts the simulator on 127.0.0.1:8081 (token "demo-token", dataset "demo", each analysis 5 s);
#   3. copies demo/init.groovy.d/codescoring-demo-jobs.groovy into the demo JENKINS_HOME (default ./work,
#      the hpi:run default), which creates the sample jobs on the first start and queues their first builds;
#   4. runs `mvn hpi:run` with CASC_JENKINS_CONFIG=demo/casc/jenkins.yaml: Jenkins on
#      http://localhost:8080/jenkins/ with the plugin, the CodeScoring configuration and a credential
#      "codescoring-demo" holding the token;
#   5. stops the simulator when Jenkins stops (Ctrl-C).
#
# Env: CODESCORING_DEMO_PORT (simulator, default 8081), CODESCORING_DEMO_JENKINS_PORT (default 8080),
#      CODESCORING_DEMO_JENKINS_HOME (default <repo>/work), CODESCORING_DEMO_ADMIN_PASSWORD (default admin).
# Start afresh: stop the demo and delete the JENKINS_HOME directory (rm -rf work).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$REPO/target/core/codescoring-cli.jar"
TOKEN="demo-token"
export CODESCORING_DEMO_PORT="${CODESCORING_DEMO_PORT:-8081}"
export CODESCORING_DEMO_JENKINS_PORT="${CODESCORING_DEMO_JENKINS_PORT:-8080}"
DEMO_HOME="${CODESCORING_DEMO_JENKINS_HOME:-$REPO/work}"

say() { printf '\n==> %s\n' "$*"; }
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

for tool in java mvn; do
  command -v "$tool" >/dev/null || { echo "$tool is not on the PATH" >&2; exit 2; }
done
for port in "$CODESCORING_DEMO_PORT" "$CODESCORING_DEMO_JENKINS_PORT"; do
  if port_in_use "$port"; then
    echo "Port $port is in use. Stop what listens there, or choose other ports with CODESCORING_DEMO_PORT and" \
      "CODESCORING_DEMO_JENKINS_PORT." >&2
    exit 2
  fi
done

say "Building the terminal runner with the simulator (mvn -q -f pom-core.xml package -DskipTests)"
BUILD_LOG="$(mktemp "${TMPDIR:-/tmp}/codescoring-build.XXXXXX")"
if ! mvn -q -B -f "$REPO/pom-core.xml" package -DskipTests >"$BUILD_LOG" 2>&1; then
  cat "$BUILD_LOG" >&2; echo "The build failed (log: $BUILD_LOG)." >&2; exit 2
fi
rm -f "$BUILD_LOG"

LOG_DIR="$(mktemp -d "${TMPDIR:-/tmp}/codescoring-jenkins-demo.XXXXXX")"
SIM_LOG="$LOG_DIR/simulator.log"
SIM_PID=""
stop_simulator() {
  if [[ -n "$SIM_PID" ]] && kill -0 "$SIM_PID" 2>/dev/null; then
    kill "$SIM_PID" 2>/dev/null || true
    wait "$SIM_PID" 2>/dev/null || true
    echo "CodeScoring simulator stopped (its log: $SIM_LOG)."
  fi
}
trap stop_simulator EXIT
trap 'exit 130' INT TERM

say "Starting the CodeScoring simulator on http://127.0.0.1:$CODESCORING_DEMO_PORT (dataset demo, analysis 5 s)"
CODESCORING_SIMULATOR_TOKEN="$TOKEN" java -Dsun.net.httpserver.nodelay=true -jar "$JAR" simulator \
  --port "$CODESCORING_DEMO_PORT" --dataset demo --analysis-seconds 5 >"$SIM_LOG" 2>&1 &
SIM_PID=$!
for _ in $(seq 1 100); do
  if ! kill -0 "$SIM_PID" 2>/dev/null; then
    echo "The simulator did not start:" >&2; cat "$SIM_LOG" >&2; exit 2
  fi
  if grep -q "listening on" "$SIM_LOG" && port_in_use "$CODESCORING_DEMO_PORT"; then break; fi
  sleep 0.2
done
port_in_use "$CODESCORING_DEMO_PORT" || { echo "The simulator does not answer:" >&2; cat "$SIM_LOG" >&2; exit 2; }
sed 's/^/    simulator | /' "$SIM_LOG"

mkdir -p "$DEMO_HOME/init.groovy.d"
cp "$REPO/demo/init.groovy.d/codescoring-demo-jobs.groovy" "$DEMO_HOME/init.groovy.d/"

say "Starting Jenkins with the plugin: http://localhost:$CODESCORING_DEMO_JENKINS_PORT/jenkins/ (JENKINS_HOME $DEMO_HOME)"
if [[ -n "${CODESCORING_DEMO_ADMIN_PASSWORD:-}" ]]; then
  LOGIN="admin, with the password in CODESCORING_DEMO_ADMIN_PASSWORD"
else
  LOGIN="admin / admin"
fi
cat <<EOF
    Log in as $LOGIN (demo only).
    On the first start four jobs are created and built once:
      codescoring-demo-passed     Declarative Pipeline, project "Inventory Service"       -> PASSED,  SUCCESS
      codescoring-demo-blocked    Pipeline, project "shop", stage "build"                 -> BLOCKED, FAILURE
      codescoring-demo-unstable   Pipeline, project "shop-backend", onBlocking UNSTABLE   -> BLOCKED, UNSTABLE (reads the returned map)
      codescoring-demo-freestyle  freestyle build step, project "billing", stage "build"  -> PASSED,  SUCCESS
    Build them again to grow the trend chart on their pages. Ctrl-C stops Jenkins and the simulator.
EOF

# Not exec: the EXIT trap must stop the simulator when Jenkins ends.
CASC_JENKINS_CONFIG="$REPO/demo/casc/jenkins.yaml" CODESCORING_DEMO_TOKEN="$TOKEN" \
  mvn -f "$REPO/pom.xml" hpi:run -Dport="$CODESCORING_DEMO_JENKINS_PORT" -DjenkinsHome="$DEMO_HOME"
