#!/usr/bin/env bash
# CodeScoring Jenkins demo: one command that shows the plugin in a real Jenkins against the CodeScoring
# simulator, with four sample jobs. DEMO ONLY (a local user admin/admin, see demo/casc/jenkins.yaml).
#
# Needs Java 17+ and access to Maven Central and repo.jenkins-ci.org, or JENKINS_REPOSITORY_MIRROR set to a
# mirror of it (README, "Build and test"): the Maven Wrapper fetches Maven, the first run downloads Jenkins and
# the plugins it needs (a few hundred MB). It
#   1. builds the plugin, its runtime plugins and the terminal runner, which bundles the simulator
#      (./mvnw package -DskipTests) and fetches jenkins.war of the plugin's Jenkins version;
#   2. starts the simulator on 127.0.0.1:8081 (token "demo-token", dataset "demo", each analysis 5 s);
#   3. lays out the demo JENKINS_HOME (default ./work): the plugins, and
#      demo/init.groovy.d/codescoring-demo-jobs.groovy, which creates the sample jobs on the first start and
#      queues their first builds;
#   4. starts Jenkins as users run it, java -jar jenkins.war, on 127.0.0.1 only, configured as code from
#      demo/casc/jenkins.yaml (CodeScoring configuration, a credential "codescoring-demo" holding the token);
#   5. says where to open the browser and how to log in, and on Ctrl-C stops Jenkins and the simulator.
#
# Env: CODESCORING_DEMO_PORT (simulator, default 8081), CODESCORING_DEMO_JENKINS_PORT (default 8080),
#      CODESCORING_DEMO_JENKINS_HOME (default <repo>/work), CODESCORING_DEMO_ADMIN_PASSWORD (default admin).
# Start afresh: stop the demo and delete the JENKINS_HOME directory (rm -rf work).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$REPO/target/codescoring-cli.jar"
TOKEN="demo-token"
WEBHOOK_TOKEN="demo-webhook-token"
export CODESCORING_DEMO_PORT="${CODESCORING_DEMO_PORT:-8081}"
export CODESCORING_DEMO_JENKINS_PORT="${CODESCORING_DEMO_JENKINS_PORT:-8080}"
DEMO_HOME="${CODESCORING_DEMO_JENKINS_HOME:-$REPO/work}"
URL="http://localhost:$CODESCORING_DEMO_JENKINS_PORT/jenkins/"
# shellcheck source=demo/simulator.sh
source "$REPO/demo/simulator.sh"

say() { printf '\n==> %s\n' "$*"; }

command -v java >/dev/null || { echo "java (17 or newer) is not on the PATH" >&2; exit 2; }
for port in "$CODESCORING_DEMO_PORT" "$CODESCORING_DEMO_JENKINS_PORT"; do
  if port_in_use "$port"; then
    echo "Port $port is in use. Stop what listens there, or choose other ports with CODESCORING_DEMO_PORT and" \
      "CODESCORING_DEMO_JENKINS_PORT." >&2
    exit 2
  fi
done

say "Building the plugin and the terminal runner with the simulator (./mvnw -q package -DskipTests; the first time takes a few minutes)"
build_runner
say "Fetching jenkins.war"
WAR="$(jenkins_war "$REPO/target/jenkins-war")"

LOG_DIR="$(mktemp -d "${TMPDIR:-/tmp}/codescoring-jenkins-demo.XXXXXX")"
say "Starting the CodeScoring simulator on http://127.0.0.1:$CODESCORING_DEMO_PORT (dataset demo, analysis 5 s, webhooks to Jenkins)"
start_simulator "$CODESCORING_DEMO_PORT" "$TOKEN" 5 "$LOG_DIR/simulator.log" "${URL}codescoring-webhook/demo" "$WEBHOOK_TOKEN"

# The plugins: the runtime plugins the build resolved (target/test-classes/test-dependencies) and this plugin.
mkdir -p "$DEMO_HOME/plugins" "$DEMO_HOME/init.groovy.d"
for hpi in "$REPO"/target/test-classes/test-dependencies/*.hpi "$REPO/target/codescoring.hpi"; do
  cp "$hpi" "$DEMO_HOME/plugins/$(basename "$hpi" .hpi).jpi"
done
cp "$REPO/demo/init.groovy.d/codescoring-demo-jobs.groovy" "$DEMO_HOME/init.groovy.d/"

JENKINS_PID=""
stop_all() {
  if [[ -n "$JENKINS_PID" ]] && kill -0 "$JENKINS_PID" 2>/dev/null; then
    echo "Stopping Jenkins..."
    kill "$JENKINS_PID" 2>/dev/null || true
    for _ in $(seq 1 120); do kill -0 "$JENKINS_PID" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$JENKINS_PID" 2>/dev/null || true
    wait "$JENKINS_PID" 2>/dev/null || true
    echo "Jenkins stopped (its log: $LOG_DIR/jenkins.log)."
  fi
  stop_simulator
}
trap stop_all EXIT

say "Starting Jenkins with the plugin (JENKINS_HOME $DEMO_HOME, log $LOG_DIR/jenkins.log)"
# Loopback only, no setup wizard, no update-center downloads: the demo has every plugin it needs. The token
# and the password reach Jenkins through the environment, never the command line.
JENKINS_HOME="$DEMO_HOME" CASC_JENKINS_CONFIG="$REPO/demo/casc/jenkins.yaml" CODESCORING_DEMO_TOKEN="$TOKEN" \
  CODESCORING_DEMO_WEBHOOK_TOKEN="$WEBHOOK_TOKEN" \
  java -Djenkins.install.runSetupWizard=false -Dhudson.model.UpdateCenter.never=true \
  -Dhudson.model.DownloadService.never=true -jar "$WAR" --httpListenAddress=127.0.0.1 \
  --httpPort="$CODESCORING_DEMO_JENKINS_PORT" --prefix=/jenkins >"$LOG_DIR/jenkins.log" 2>&1 &
JENKINS_PID=$!

for _ in $(seq 1 600); do
  if ! kill -0 "$JENKINS_PID" 2>/dev/null; then
    tail -40 "$LOG_DIR/jenkins.log" >&2; echo "Jenkins did not start (log: $LOG_DIR/jenkins.log)." >&2; exit 2
  fi
  grep -q "Jenkins is fully up and running" "$LOG_DIR/jenkins.log" && break
  sleep 0.5
done
grep -q "Jenkins is fully up and running" "$LOG_DIR/jenkins.log" ||
  { echo "Jenkins did not come up within 5 minutes (log: $LOG_DIR/jenkins.log)." >&2; exit 2; }

if [[ -n "${CODESCORING_DEMO_ADMIN_PASSWORD:-}" ]]; then
  LOGIN="user admin, the password in CODESCORING_DEMO_ADMIN_PASSWORD"
else
  LOGIN="user admin, password admin"
fi
cat <<EOF

==> Jenkins is up: open $URL
    Log in as $LOGIN (demo only).
    On the first start four jobs are created and built once:
      codescoring-demo-passed     Declarative Pipeline, project "Inventory Service"       -> PASSED,  SUCCESS
      codescoring-demo-blocked    Pipeline, project "shop", stage "build"                 -> BLOCKED, FAILURE
      codescoring-demo-unstable   Pipeline, project "shop-backend", onBlocking UNSTABLE   -> BLOCKED, UNSTABLE (reads the returned map)
      codescoring-demo-freestyle  freestyle build step, project "billing", stage "build"  -> PASSED,  SUCCESS
    Build them again to grow the trend chart on their pages.
    Press Ctrl-C to stop Jenkins and the simulator.
EOF

# Waits for Jenkins; Ctrl-C (or Jenkins ending) runs stop_all through the EXIT trap.
wait "$JENKINS_PID" || true
