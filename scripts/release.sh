#!/usr/bin/env bash
# Assembles and publishes a release from natives built elsewhere: what the workflow's release job runs,
# and what .ci/run runs as a dry run (a file: repository and a throwaway signing key).
#
#   scripts/release.sh NATIVES_DIR REPOSITORY_URL [MAVEN_ARGS...]
#
# NATIVES_DIR: see scripts/stage-natives.sh (CLASSIFIER/LIBRARY, android/ABI/libferric.so).
# REPOSITORY_URL: where to deploy, e.g. file:///tmp/staging or the staging repository of the host.
# Signs with gpg's default key (GNUPGHOME, or -Dgpg.keyname=...). The tests ran on every platform
# before this step, so they are skipped here.
set -euo pipefail

[ $# -ge 2 ] || { echo "usage: $0 NATIVES_DIR REPOSITORY_URL [MAVEN_ARGS...]" >&2; exit 2; }
natives=$1 url=$2; shift 2
root=$(cd "$(dirname "$0")/.." && pwd)
staged="$root/target/release-staged"

"$root/scripts/stage-natives.sh" "$natives" "$staged"

# prebuilt: no cargo build (rust-core still writes the crate's SBOM); the staged dir drives
# platform-jars (every classifier jar, all-platforms, Android AAR) and java-api (pins every checksum).
# The command-line tool and the benchmarks are not published.
(cd "$root" && ./mvnw -B -Prelease -pl '!cli,!benchmarks' -Dferric.prebuilt -Dferric.staged.dir="$staged" \
  -Dferric.checksums.dir="$staged/checksums" -DskipTests \
  -DaltDeploymentRepository="staging::$url" "$@" deploy)

if [[ $url == file:* ]]; then
  "$root/scripts/verify-staging.sh" "${url#file:}" "$staged"
fi
