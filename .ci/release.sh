#!/usr/bin/env bash
# Release-engineering checks, run by .ci/run after the test suite and by the workflow's checks job:
# workflow lint, dependency policy, the glibc 2.17 release library and the Java suite against it,
# JNI boundary, reproducibility, a signed release dry run, API compatibility wiring, and the Maven
# consumer, shaded and Spark examples against the artifacts of this build. Installs its own pinned
# tools (and Spark, from PyPI's pyspark, for the Spark example).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=.ci/common.sh
. .ci/common.sh

# Same versions as .github/workflows/ci.yml.
ACTIONLINT_VERSION=v1.7.12
ZIGLANG_VERSION=0.17.0
CARGO_ZIGBUILD_VERSION=0.24.0
CARGO_DENY_VERSION=0.20.2
CARGO_CYCLONEDX_VERSION=0.5.9


step "release tools (actionlint, shellcheck, zig, cargo-zigbuild, cargo-deny, cargo-cyclonedx)"
need_apt=()
command -v shellcheck >/dev/null || need_apt+=(shellcheck)
command -v gpg >/dev/null || need_apt+=(gnupg)
command -v unzip >/dev/null || need_apt+=(unzip)
command -v objdump >/dev/null || need_apt+=(binutils)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
GOBIN="$(go env GOPATH)/bin"
export PATH="$GOBIN:$HOME/.cargo/bin:$PATH"
if [ "$(actionlint --version 2>/dev/null | head -1)" != "$ACTIONLINT_VERSION" ]; then
  GOBIN=$GOBIN go install "github.com/rhysd/actionlint/cmd/actionlint@$ACTIONLINT_VERSION"
fi
python3 -m pip install -q --disable-pip-version-check --root-user-action=ignore "ziglang==$ZIGLANG_VERSION" "cargo-zigbuild==$CARGO_ZIGBUILD_VERSION"
# One target directory for both installs, so the dependencies they share build once.
if ! cargo deny --version 2>/dev/null | grep -qx "cargo-deny $CARGO_DENY_VERSION" ||
   ! cargo cyclonedx --version 2>/dev/null | grep -q " $CARGO_CYCLONEDX_VERSION\$"; then
  install_target=$(mktemp -d)
  CARGO_TARGET_DIR=$install_target cargo install -q --locked "cargo-deny@$CARGO_DENY_VERSION" "cargo-cyclonedx@$CARGO_CYCLONEDX_VERSION"
  rm -rf "$install_target"
fi
actionlint --version | head -1
cargo deny --version
cargo cyclonedx --version
cargo-zigbuild --version
echo "zig $(python3 -m ziglang version)"
took

step "a release build without its tools stops at once with the commands that install them"
stub=$(mktemp -d)
for tool in cargo cargo-zigbuild; do # stand-ins that fail like missing tools
  cat > "$stub/$tool" <<'STUB'
#!/bin/sh
echo "error: no such command: $1" >&2
exit 101
STUB
  chmod +x "$stub/$tool"
done
if out=$(PATH="$stub:$PATH" ./mvnw -B -q -Prelease -pl rust-core validate 2>&1); then
  echo "FAIL: -Prelease went on without cargo-zigbuild and cargo-cyclonedx" >&2; exit 1
fi
for want in "pip install ziglang==$ZIGLANG_VERSION cargo-zigbuild==$CARGO_ZIGBUILD_VERSION" \
            "cargo install --locked cargo-cyclonedx@$CARGO_CYCLONEDX_VERSION"; do
  grep -qF "$want" <<< "$out" || { echo "FAIL: the stop does not say '$want':" >&2; echo "$out" >&2; exit 1; }
done
rm -rf "$stub"
echo "stopped in validate, naming both install commands"
took

step "lint: actionlint (with shellcheck) and shellcheck of the scripts"
actionlint
shellcheck .ci/run .ci/*.sh scripts/*.sh examples/spark/run.sh ferric
echo "workflows and scripts clean"
took

step "cargo deny: licences, bans, sources (and advisories where the RustSec database can be fetched)"
cargo deny --manifest-path rust-core/Cargo.toml --locked check licenses bans sources
if advisories=$(cargo deny --manifest-path rust-core/Cargo.toml --locked check advisories 2>&1); then
  echo "$advisories" | tail -1
elif grep -q 'failed to fetch advisory database' <<< "$advisories"; then
  echo "advisories: database unreachable from this machine; the CI workflow's checks job runs them"
else
  echo "$advisories" >&2
  exit 1
fi
took

RELEASE_LIB=rust-core/target/x86_64-unknown-linux-gnu/release/libferric.so

# The smoke subset and the ITs: the whole suite has run on the host library of the same sources (on
# JDK 8, 11, 17 and 25) before this step.
step "release profile: linux-x86_64 against glibc 2.17 (cargo zigbuild), smoke subset and ITs against that library"
./mvnw -B -Prelease -Dgpg.skip -pl java-api -am verify -Dtest="$SMOKE" -Dsurefire.failIfNoSpecifiedTests=false
unzip -p platform-jars/target/ferric-native-*-linux-x86_64.jar META-INF/native/ferric/linux-x86_64/libferric.so |
  cmp - "$RELEASE_LIB"
echo "the classifier jar the suite loaded holds the zigbuild library"
took

step "glibc: the release library needs nothing newer than 2.17"
scripts/check-glibc.sh "$RELEASE_LIB" 2.17
took

step "JNI boundary and ABI number"
LIB=$RELEASE_LIB scripts/check-abi.sh
took

# The published modules (the command line and the benchmarks are not published; their shading took
# ~20 s of each build).
step "reproducible build: the release profile twice, two directories, two times"
scripts/check-reproducible.sh -Prelease -pl '!cli,!benchmarks'
took

step "release dry run: all seven classifiers (scripts/build-natives.sh), stage, assemble, sign (throwaway key), deploy to a file repository"
dry=target/release-dry-run
rm -rf "$dry" target/consumer-repo
# The libraries the steps above built (this one and .ci/platforms.sh's), through the script that builds
# every classifier here: cargo finds them up to date; on a machine without them it builds them.
FERRIC_MAVEN_ARGS=-o scripts/build-natives.sh "$dry/natives"
cmp "$dry/natives/linux-x86_64/libferric.so" "$RELEASE_LIB"
GNUPGHOME=$(mktemp -d)
export GNUPGHOME
gpg --batch --quiet --passphrase '' --quick-gen-key 'ferric release dry run <dry-run@ferric.invalid>' ed25519 sign 1d
# Installs into a throwaway repository (the consumer example reads it), never into ~/.m2;
# ~/.m2 is only read, for the plugins it already has.
consumer_repo=("-Dmaven.repo.local=$PWD/target/consumer-repo" "-Dmaven.repo.local.tail=$HOME/.m2/repository")
scripts/release.sh "$dry/natives" "file://$PWD/$dry/staging-repo" "${consumer_repo[@]}"
staged_count=$(find target/release-staged/checksums -name '*.properties' | wc -l)
[ "$staged_count" = 7 ] || { echo "FAIL: the dry run staged $staged_count classifiers, not 7" >&2; exit 1; }
echo "seven classifier jars, the all-platforms jar and an API jar pinning all seven, signed and consistent"
took

step "API compatibility: japicmp compares this API jar with the one just deployed (a real baseline is set after the first release)"
version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -1)
./mvnw -B -q -pl java-api "${consumer_repo[@]}" -Dferric.api.check.skip=false -Dferric.api.baseline="$version" japicmp:cmp
grep -x 'No changes.' java-api/target/japicmp/default-cli.diff
echo "japicmp ran against $version"
took

step "consumer example: plain Maven project, BOM + ferric + os-maven-plugin classifier, hashes a file"
input=target/consumer-input.bin
head -c 5000000 /dev/urandom > "$input"
got=$(./mvnw -B -q -f examples/maven-consumer/pom.xml "${consumer_repo[@]}" -Dferric.version="$version" \
  package exec:exec -Dfile="$PWD/$input" | awk '{print $1}')
want=$(b3sum --no-names "$input")
echo "consumer: $got"
echo "b3sum:    $want"
[ "$got" = "$want" ] || { echo "FAIL: the consumer example's hash differs from b3sum" >&2; exit 1; }
cmp "$(find target/consumer-repo/dev/ferric/ferric-native -name "ferric-native-$version-linux-x86_64.jar")" \
  platform-jars/target/ferric-native-"$version"-linux-x86_64.jar
echo "resolved the classifier jar of this build from target/consumer-repo"
took

step "shaded example: maven-shade-plugin relocates dev.ferric to com.example.shaded.ferric; every kernel still works"
./mvnw -B -q -f examples/maven-shaded/pom.xml "${consumer_repo[@]}" -Dferric.version="$version" package
shaded_out=$(java -jar examples/maven-shaded/target/ferric-maven-shaded-1.0.0.jar)
echo "$shaded_out"
want=$(printf '%s' "2026-12-06 06:00:00 INFO request served in 42 ms" | b3sum --no-names)
grep -qx "ferric classes: com.example.shaded.ferric.Ferric" <<<"$shaded_out"
grep -qx "blake3: $want" <<<"$shaded_out"
grep -qx "regex error: com.example.shaded.ferric.regex.RegexSyntaxException" <<<"$shaded_out"
if jar tf examples/maven-shaded/target/ferric-maven-shaded-1.0.0.jar | grep -q '^dev/ferric/'; then
  echo "FAIL: the shaded jar still holds classes under dev/ferric" >&2; exit 1
fi
took

step "Spark example: spark-submit on local-cluster[2,1,1024] (two executor JVMs), JDK 17 and 25, each executor loading ferric into an empty cache"
# Fails when a stage's ferric and JDK results differ or an executor did not load ferric; skips (with a
# message) only when pyspark cannot be installed from PyPI.
examples/spark/run.sh "${consumer_repo[@]}" -Dferric.version="$version"
took
