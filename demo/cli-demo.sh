#!/usr/bin/env bash
# CodeScoring terminal demo: needs Java 17+ (the Maven Wrapper fetches Maven), no CodeScoring platform and
# no running Jenkins (the build reads Jenkins artifacts: README, "Build and test"). It builds the terminal runner if needed, starts the bundled CodeScoring simulator on a
# free loopback port with its "demo" dataset, runs two scans against it and stops it again:
#
#   1. project "shop", stage "build"     -> BLOCKED by the policy "Critical vulnerabilities (CVSS >= 7)", exit 1
#   2. project "Inventory Service"       -> PASSED (one copyleft warning, no blocker), exit 0
#
# Usage: demo/cli-demo.sh          (from anywhere; the JSON reports are kept in a temporary directory)
# Env:   CODESCORING_DEMO_PORT     first port to try (default 18081; the next free one up to +50 is used)
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$REPO/target/codescoring-cli.jar"
TOKEN="demo-token-$RANDOM$RANDOM" # any string: the simulator accepts exactly the token it was started with
# shellcheck source=demo/simulator.sh
source "$REPO/demo/simulator.sh"

if [[ -t 1 ]]; then
  say() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
else
  say() { printf '\n==> %s\n' "$*"; }
fi

command -v java >/dev/null || { echo "java (17 or newer) is not on the PATH" >&2; exit 2; }

if [[ ! -f "$JAR" ]]; then
  say "Building the plugin and the terminal runner (./mvnw -q package -DskipTests; the first time takes a few minutes)"
  build_runner
fi

PORT="${CODESCORING_DEMO_PORT:-18081}"
LAST_PORT=$((PORT + 50))
while port_in_use "$PORT"; do
  PORT=$((PORT + 1))
  if ((PORT > LAST_PORT)); then echo "no free port found up to $LAST_PORT" >&2; exit 2; fi
done
URL="http://127.0.0.1:$PORT"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/codescoring-demo.XXXXXX")"

say "Starting the CodeScoring simulator on $URL (dataset demo, each analysis takes 2 s)"
start_simulator "$PORT" "$TOKEN" 2 "$WORK/simulator.log"

export CODESCORING_TOKEN="$TOKEN"

# Runs one scan, shows its output and the exit code; answers the exit code in $LAST_EXIT.
scan() {
  printf '$ java -jar target/codescoring-cli.jar scan'
  printf ' %q' "$@"
  printf '\n'
  LAST_EXIT=0
  java -jar "$JAR" scan "$@" || LAST_EXIT=$?
  echo "(exit code $LAST_EXIT)"
}

say "Scan 1: project 'shop', stage 'build' - expected BLOCKED, exit code 1"
scan --url "$URL" --project shop --stage build --json "$WORK/shop.json"
SHOP_EXIT=$LAST_EXIT

say "Scan 2: project 'Inventory Service', all stages - expected PASSED, exit code 0"
scan --url "$URL" --project "Inventory Service" --json "$WORK/inventory.json"
INVENTORY_EXIT=$LAST_EXIT

say "Summary"
printf '  %-38s exit %s (%s)\n' "shop / build" "$SHOP_EXIT" "$( ((SHOP_EXIT == 1)) && echo "blocked, as expected" || echo "UNEXPECTED: 1 expected")"
printf '  %-38s exit %s (%s)\n' "Inventory Service / all stages" "$INVENTORY_EXIT" "$( ((INVENTORY_EXIT == 0)) && echo "passed, as expected" || echo "UNEXPECTED: 0 expected")"
echo "  JSON reports: $WORK/shop.json, $WORK/inventory.json"
echo "  Exit codes: 0 = passed, 1 = blocked by a policy, 2 = no verdict (error). A CI job fails on anything but 0."

((SHOP_EXIT == 1 && INVENTORY_EXIT == 0))
