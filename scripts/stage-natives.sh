#!/usr/bin/env bash
# Stages the native libraries of a release for Maven to package (platform-jars' staged-natives profile).
#
#   scripts/stage-natives.sh NATIVES_DIR STAGED_DIR
#
# NATIVES_DIR holds one directory per classifier with its library (linux-x86_64/libferric.so,
# osx-aarch_64/libferric.dylib, windows-x86_64/ferric.dll, ...) and optionally android/ABI/libferric.so
# (cargo-ndk's jniLibs layout). STAGED_DIR receives:
#   checksums/CLASSIFIER.properties   CLASSIFIER=sha256, what java-api pins (-Dferric.checksums.dir)
#   classes/CLASSIFIER/...            the content of each classifier jar
#   classes/all-platforms/...         the union, for the all-platforms jar
#   android/ferric-native-android.aar jni/ABI/libferric.so, when Android libraries were given
#   SHA256SUMS                        every library, sha256sum format
set -euo pipefail

[ $# -eq 2 ] || { echo "usage: $0 NATIVES_DIR STAGED_DIR" >&2; exit 2; }
natives=$(cd "$1" && pwd)
mkdir -p "$2"
staged=$(cd "$2" && pwd)
rm -rf "${staged:?}/checksums" "$staged/classes" "$staged/android" "$staged/SHA256SUMS"
mkdir -p "$staged/checksums" "$staged/classes/all-platforms"

libfile_for() {
  case "$1" in
    linux-*) echo libferric.so ;;
    osx-*) echo libferric.dylib ;;
    windows-*) echo ferric.dll ;;
    *) echo "unknown classifier: $1" >&2; return 1 ;;
  esac
}

sha256() { sha256sum "$1" | cut -d' ' -f1; }

count=0
for dir in "$natives"/*/; do
  classifier=$(basename "$dir")
  [ "$classifier" = android ] && continue
  lib=$(libfile_for "$classifier")
  [ -f "$dir/$lib" ] || { echo "missing $dir$lib" >&2; exit 1; }
  sum=$(sha256 "$dir/$lib")
  for jar in "$classifier" all-platforms; do
    dest="$staged/classes/$jar/META-INF/native/ferric/$classifier"
    mkdir -p "$dest"
    cp "$dir/$lib" "$dest/$lib"
    # Informational sidecar, as in the host build; the loader trusts only the pins in the API jar.
    printf '%s  %s\n' "$sum" "$lib" > "$dest/$lib.sha256"
  done
  printf '%s=%s\n' "$classifier" "$sum" > "$staged/checksums/$classifier.properties"
  printf '%s  %s/%s\n' "$sum" "$classifier" "$lib" >> "$staged/SHA256SUMS"
  count=$((count + 1))
done
[ "$count" -gt 0 ] || { echo "no native libraries under $natives" >&2; exit 1; }

if [ -d "$natives/android" ]; then
  for so in "$natives"/android/*/libferric.so; do
    printf '%s  android/%s/libferric.so\n' "$(sha256 "$so")" "$(basename "$(dirname "$so")")" >> "$staged/SHA256SUMS"
  done
  mkdir -p "$staged/android"
  python3 "$(dirname "$0")/make-aar.py" "$natives/android" "$staged/android/ferric-native-android.aar"
fi

echo "staged $count platform(s) in $staged:"
cat "$staged/SHA256SUMS"
