#!/usr/bin/env bash
# Builds every classifier on this Linux machine and assembles them as a release does: the seven
# classifier jars, the all-platforms jar (platform-jars/target) and the API jar pinning all seven
# checksums (java-api/target). The build of the release job (scripts/release.sh), without signing
# and deploying; the tests ran per platform (.ci/run, .ci/platforms.sh).
#
#   scripts/build-all-platforms.sh [WORK_DIR [CLASSIFIER...]]   (default target/all-platforms, all seven)
#
# WORK_DIR/natives holds the libraries (scripts/build-natives.sh), WORK_DIR/staged what Maven packaged.
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-target/all-platforms}
[ $# -gt 0 ] && shift
read -r -a maven_args <<< "${FERRIC_MAVEN_ARGS:-}"
rm -rf "$work/natives"
scripts/build-natives.sh "$work/natives" "$@"
scripts/stage-natives.sh "$work/natives" "$work/staged"
staged=$(cd "$work/staged" && pwd)
./mvnw -B "${maven_args[@]}" -Prelease -pl '!cli,!benchmarks' -Dferric.prebuilt -Dferric.staged.dir="$staged" \
  -Dferric.checksums.dir="$staged/checksums" -Dgpg.skip -DskipTests package
version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -1)
echo "classifier jars:"
ls platform-jars/target/ferric-native-"$version"-*.jar
echo "checksums pinned by java-api/target/ferric-$version.jar:"
unzip -p "java-api/target/ferric-$version.jar" dev/ferric/internal/native-checksums.properties | grep -v '^#'
