#!/usr/bin/env bash
# Builds one commit twice, in two different directories, at different times and under a different
# time zone and locale, then compares the SHA-256 of every jar and native library.
# Both builds use umask 022: jar entries keep the file modes the build wrote (a umask of 077 gives
# rw------- entries), so the umask is part of the build environment, like the JDK major version and
# the Rust toolchain.
#
#   scripts/check-reproducible.sh [MAVEN_ARGS...]      (default: package with tests skipped)
#
# Example: scripts/check-reproducible.sh -Prelease    (the release-grade library, as .ci/run does)
# COMMIT=<rev> picks another commit (default HEAD); WORK=<dir> keeps the two trees there.
# Shares ~/.m2 and the cargo registry (downloads only), never a target directory.
set -euo pipefail

root=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
commit=$(git -C "$root" rev-parse "${COMMIT:-HEAD}")
work=${WORK:-$(mktemp -d "${TMPDIR:-/tmp}/ferric-repro.XXXXXX")}
unset CARGO_TARGET_DIR
[ -n "$(git -C "$root" status --porcelain --untracked-files=no)" ] &&
  echo "note: uncommitted changes are not part of the check; it builds $commit" >&2

# Jars of every module and the libraries cargo leaves at the top of each profile directory.
artifacts() {
  (cd "$1" && find . -type f \( -name '*.jar' -o -name '*.so' -o -name '*.dylib' -o -name '*.dll' \) |
    grep -E '^\./([^/]+/target/[^/]+\.jar|rust-core/target/([^/]+/)?release/[^/]+)$' | LC_ALL=C sort |
    while read -r f; do printf '%s  %s\n' "$(sha256sum "$f" | cut -d' ' -f1)" "${f#./}"; done)
}

build() {
  local dir=$1 tz=$2 locale=$3; shift 3
  mkdir -p "$dir"
  git -C "$root" archive "$commit" | tar -x -C "$dir"
  echo "building $commit in $dir ($(date -u +%H:%M:%S), TZ=$tz, LC_ALL=$locale)"
  (cd "$dir" && umask 022 && TZ=$tz LC_ALL=$locale ./mvnw -B -DskipTests "$@" package > build.log 2>&1) ||
    { tail -40 "$dir/build.log"; exit 1; }
  artifacts "$dir" > "$dir.sha256"
}

build "$work/a/ferric" UTC C "$@"
sleep 2   # a different second, so any leaked build time would show
build "$work/second/tree/ferric-copy" Asia/Kolkata C.UTF-8 "$@"

a="$work/a/ferric.sha256"
b="$work/second/tree/ferric-copy.sha256"
[ -s "$a" ] || { echo "no artifacts found" >&2; exit 1; }
echo
cat "$a"
if diff -u "$a" "$b"; then
  echo "reproducible: $(wc -l < "$a") artifacts identical across both builds"
else
  echo "NOT reproducible: the artifacts above differ (trees kept in $work)" >&2
  exit 1
fi
[ -n "${WORK:-}" ] || rm -rf "$work"
