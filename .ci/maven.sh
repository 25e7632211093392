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

# jenkins_war DIR: copies the jenkins.war of the plugin's Jenkins version (pom.xml's jenkins.version) to
# DIR/jenkins.war through the same repositories as the build, unless it is there already; prints its path.
jenkins_war() {
  local dir="$1" baseline version
  baseline="$(sed -n 's:.*<jenkins.baseline>\(.*\)</jenkins.baseline>.*:\1:p' "$CHECKOUT/pom.xml")"
  version="$(sed -n 's:.*<jenkins.version>\(.*\)</jenkins.version>.*:\1:p' "$CHECKOUT/pom.xml")"
  version="${version//\$\{jenkins.baseline\}/$baseline}"
  if [ ! -f "$dir/jenkins.war" ] || [ "$(cat "$dir/jenkins.war.version" 2>/dev/null)" != "$version" ]; then
    mkdir -p "$dir"
    maven -B -ntp -q -f "$CHECKOUT/pom.xml" dependency:copy -Dartifact="org.jenkins-ci.main:jenkins-war:$version:war" \
      -DoutputDirectory="$dir" -Dmdep.stripVersion=true >&2
    mv "$dir/jenkins-war.war" "$dir/jenkins.war"
    echo "$version" >"$dir/jenkins.war.version"
  fi
  echo "$dir/jenkins.war"
}
