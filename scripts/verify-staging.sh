#!/usr/bin/env bash
# Checks a deployed release in a file repository: every artifact has a valid signature, the API jar
# pins exactly the staged checksums, and each classifier jar holds the library with that checksum.
#
#   scripts/verify-staging.sh REPOSITORY_DIR STAGED_DIR
set -euo pipefail

[ $# -eq 2 ] || { echo "usage: $0 REPOSITORY_DIR STAGED_DIR" >&2; exit 2; }
repo=${1#//}
staged=$2
base="$repo/dev/ferric"
[ -d "$base" ] || { echo "nothing deployed under $base" >&2; exit 1; }

fail=0
artifacts=$(find "$base" -type f \( -name '*.jar' -o -name '*.pom' -o -name '*.aar' -o -name '*.json' \) | LC_ALL=C sort)
for f in $artifacts; do
  if ! gpg --batch --quiet --verify "$f.asc" "$f" 2>/dev/null; then
    echo "bad or missing signature: $f" >&2; fail=1
  fi
done
echo "signatures: $(printf '%s\n' "$artifacts" | wc -l) artifacts checked"

# The newest API jar (snapshots carry a timestamp in the name); -sources/-javadoc are not it.
api=$(find "$base/ferric" -name 'ferric-*.jar' ! -name '*-sources.jar' ! -name '*-javadoc.jar' | LC_ALL=C sort | tail -1)
pinned=$(unzip -p "$api" dev/ferric/internal/native-checksums.properties | grep -v '^#' | LC_ALL=C sort)
expected=$(cat "$staged"/checksums/*.properties | LC_ALL=C sort)
if [ "$pinned" != "$expected" ]; then
  echo "the API jar $api pins:" >&2; echo "$pinned" >&2; echo "but the staged libraries are:" >&2; echo "$expected" >&2
  fail=1
fi
echo "pins in $(basename "$api"): $(printf '%s\n' "$pinned" | wc -l) libraries, equal to the staged ones"

# CLASSIFIER=sum pins the library, CLASSIFIER.verifier=sum the loader's verifier beside it.
while IFS='=' read -r key sum; do
  classifier=${key%.verifier}
  jar=$(find "$base/ferric-native" -name "ferric-native-*-$classifier.jar" | LC_ALL=C sort | tail -1)
  [ -n "$jar" ] || { echo "no classifier jar for $classifier" >&2; fail=1; continue; }
  if [ "$key" = "$classifier" ]; then stem=ferric; else stem=ferric_verifier; fi
  lib=$(unzip -Z1 "$jar" | grep -E "^META-INF/native/ferric/$classifier/(lib)?$stem\.(so|dylib|dll)$")
  got=$(unzip -p "$jar" "$lib" | sha256sum | cut -d' ' -f1)
  [ "$got" = "$sum" ] || { echo "$jar: $lib has $got, pinned $sum" >&2; fail=1; }
  # stored, not deflated: an empty cache then copies it instead of inflating it (README, cold start)
  method=$(unzip -Zl "$jar" "$lib" | awk 'NR == 1 {print $7}')
  [ "$method" = stor ] || { echo "$jar: $lib is compressed ($method), the classifier jars store it" >&2; fail=1; }
  all=$(find "$base/ferric-native" -name 'ferric-native-*-all-platforms.jar' | LC_ALL=C sort | tail -1)
  got=$(unzip -p "$all" "$lib" | sha256sum | cut -d' ' -f1)
  [ "$got" = "$sum" ] || { echo "$all: $lib has $got, pinned $sum" >&2; fail=1; }
done <<< "$expected"

# The Android AAR, when one was staged: each jni/ABI/libferric.so as built.
if [ -f "$staged/android/ferric-native-android.aar" ]; then
  aar=$(find "$base/ferric-native" -name 'ferric-native-*-android.aar' | LC_ALL=C sort | tail -1)
  [ -n "$aar" ] || { echo "no Android AAR deployed" >&2; fail=1; }
  while read -r sum path; do
    abi=${path#android/}; abi=${abi%%/*}
    got=$(unzip -p "$aar" "jni/$abi/libferric.so" | sha256sum | cut -d' ' -f1)
    [ "$got" = "$sum" ] || { echo "$aar: jni/$abi/libferric.so has $got, built $sum" >&2; fail=1; }
  done < <(grep '  android/' "$staged/SHA256SUMS")
  echo "Android AAR: $(grep -c '  android/' "$staged/SHA256SUMS") ABI(s) as built"
fi

[ "$fail" = 0 ] || { echo "FAIL: staging repository $repo is not releasable" >&2; exit 1; }
echo "OK: staging repository $repo is signed and consistent"
find "$base" -type f ! -name '*.md5' ! -name '*.sha1' ! -name 'maven-metadata*' ! -name '*.asc' | sed "s#^$repo/##" | LC_ALL=C sort
