# Sourced by the .ci scripts: `maven ARGS...` runs the Maven Wrapper of this checkout. Jenkins artifacts come
# from JENKINS_REPOSITORY_MIRROR when it is set (README, "Build and test"), else from shared/jenkins/repository
# beside the checkout when that folder exists (the machines of this project's CI cannot reach
# repo.jenkins-ci.org), else from repo.jenkins-ci.org.
CHECKOUT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ -z "${JENKINS_REPOSITORY_MIRROR:-}" ] && [ -d "$CHECKOUT/../shared/jenkins/repository" ]; then
  JENKINS_REPOSITORY_MIRROR="file://$(cd "$CHECKOUT/../shared/jenkins/repository" && pwd)"
  export JENKINS_REPOSITORY_MIRROR
fi
maven() {
  if [ -n "${JENKINS_REPOSITORY_MIRROR:-}" ]; then
    "$CHECKOUT/mvnw" -s "$CHECKOUT/.mvn/jenkins-mirror-settings.xml" "$@"
  else
    "$CHECKOUT/mvnw" "$@"
  fi
}
