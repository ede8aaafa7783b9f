#!/usr/bin/env bash
# Stages the native libraries of a release for Maven to package (platform-jars' staged-natives profile).
#
#   scripts/stage-natives.sh NATIVES_DIR STAGED_DIR
#
# NATIVES_DIR holds one directory per classifier with its library and the loader's verifier
# (linux-x86_64/libferric.so + libferric_verifier.so, osx-aarch_64/libferric.dylib + libferric_verifier.dylib,
# windows-x86_64/ferric.dll + ferric_verifier.dll, ...) and optionally android/ABI/libferric.so
# (cargo-ndk's jniLibs layout). STAGED_DIR receives:
#   checksums/CLASSIFIER.properties   CLASSIFIER=sha256 and CLASSIFIER.verifier=sha256, what java-api pins
#                                     (-Dferric.checksums.dir)
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

# libfile_for CLASSIFIER [STEM]: the file name of library STEM (default ferric) on that platform.
libfile_for() {
  local stem=${2:-ferric}
  case "$1" in
    linux-*) echo "lib$stem.so" ;;
    osx-*) echo "lib$stem.dylib" ;;
    windows-*) echo "$stem.dll" ;;
    *) echo "unknown classifier: $1" >&2; return 1 ;;
  esac
}

sha256() { sha256sum "$1" | cut -d' ' -f1; }

count=0
for dir in "$natives"/*/; do
  classifier=$(basename "$dir")
  [ "$classifier" = android ] && continue
  lib=$(libfile_for "$classifier")
  verifier=$(libfile_for "$classifier" ferric_verifier)
  for f in "$lib" "$verifier"; do
    [ -f "$dir/$f" ] || { echo "missing $dir$f" >&2; exit 1; }
  done
  sum=$(sha256 "$dir/$lib")
  verifier_sum=$(sha256 "$dir/$verifier")
  for jar in "$classifier" all-platforms; do
    dest="$staged/classes/$jar/META-INF/native/ferric/$classifier"
    mkdir -p "$dest"
    cp "$dir/$lib" "$dest/$lib"
    cp "$dir/$verifier" "$dest/$verifier"
    # Informational sidecar, as in the host build; the loader trusts only the pins in the API jar.
    printf '%s  %s\n' "$sum" "$lib" > "$dest/$lib.sha256"
  done
  printf '%s=%s\n%s.verifier=%s\n' "$classifier" "$sum" "$classifier" "$verifier_sum" > "$staged/checksums/$classifier.properties"
  printf '%s  %s/%s\n%s  %s/%s\n' "$sum" "$classifier" "$lib" "$verifier_sum" "$classifier" "$verifier" >> "$staged/SHA256SUMS"
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
