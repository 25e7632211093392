#!/usr/bin/env bash
# CodeScoring Jenkins demo: one command that shows the plugin in a real Jenkins against the CodeScoring
# simulator, with four sample jobs. DEMO ONLY (a local user admin/admin, see demo/casc/jenkins.yaml).
#
# Needs Java 17+ and access to Maven Central and repo.jenkins-ci.org (or a mirror of it, see README "Build and
# test"): the Maven Wrapper fetches Maven, and the first run downloads Jenkins and the plugins the tests use
# (a few hundred MB). It
#   1. builds the plugin and the terminal runner (target/codescoring-cli.jar), which bundles the simulator;
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
JAR="$REPO/target/codescoring-cli.jar"
TOKEN="demo-token"
export CODESCORING_DEMO_PORT="${CODESCORING_DEMO_PORT:-8081}"
export CODESCORING_DEMO_JENKINS_PORT="${CODESCORING_DEMO_JENKINS_PORT:-8080}"
DEMO_HOME="${CODESCORING_DEMO_JENKINS_HOME:-$REPO/work}"
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

say "Building the plugin and the terminal runner with the simulator (./mvnw -q package -DskipTests)"
build_runner

LOG_DIR="$(mktemp -d "${TMPDIR:-/tmp}/codescoring-jenkins-demo.XXXXXX")"
say "Starting the CodeScoring simulator on http://127.0.0.1:$CODESCORING_DEMO_PORT (dataset demo, analysis 5 s)"
start_simulator "$CODESCORING_DEMO_PORT" "$TOKEN" 5 "$LOG_DIR/simulator.log"

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
  maven -f "$REPO/pom.xml" hpi:run -Dport="$CODESCORING_DEMO_JENKINS_PORT" -DjenkinsHome="$DEMO_HOME"
