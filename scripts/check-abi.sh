#!/usr/bin/env bash
# Guards the JNI boundary between the API jar and the native library.
#
#   scripts/check-abi.sh            check (after a build: needs java-api/target/classes and the library)
#   scripts/check-abi.sh --update   record the current boundary in rust-core/abi/jni-boundary.txt
#
# Checks that
#  1. the ABI number agrees in rust-core/src/lib.rs (ABI_VERSION), java-api BuildInfo.ABI_VERSION and
#     java-api/pom.xml (ferric.abi.version);
#  2. the library and the loader's verifier beside it export JNI_OnLoad and no Java_ symbol: their
#     natives are registered when they load (whether the tables match the Java classes is NativesTest's
#     job, in ./mvnw verify), and an exported Java_ name would bind a relocated copy's methods wrongly;
#  3. the native methods (names and descriptors) are the ones recorded for this ABI number. When they
#     change, bump the ABI number in the three places (unless it was never released) and run --update.
# LIB=<path> names the library (default: the host build, rust-core/target/release/libferric.so).
set -euo pipefail
cd "$(dirname "$0")/.."

record=rust-core/abi/jni-boundary.txt
classes=java-api/target/classes
lib=${LIB:-rust-core/target/release/libferric.so}

rust_abi=$(sed -n 's/^pub const ABI_VERSION: jint = \([0-9]*\);.*/\1/p' rust-core/src/lib.rs)
java_abi=$(sed -n 's/.*public static final int ABI_VERSION = \([0-9]*\);.*/\1/p' java-api/src/main/java/dev/ferric/internal/BuildInfo.java)
pom_abi=$(sed -n 's:.*<ferric.abi.version>\([0-9]*\)</ferric.abi.version>.*:\1:p' java-api/pom.xml)
echo "ABI number: lib.rs=$rust_abi BuildInfo.java=$java_abi java-api/pom.xml=$pom_abi"
if [ -z "$rust_abi" ] || [ "$rust_abi" != "$java_abi" ] || [ "$rust_abi" != "$pom_abi" ]; then
  echo "FAIL: the three ABI numbers must be equal" >&2
  exit 1
fi

[ -d "$classes" ] || { echo "no $classes: build first (./mvnw -B verify)" >&2; exit 2; }
[ -f "$lib" ] || { echo "no $lib: build first, or set LIB" >&2; exit 2; }

# Java side: "class.method descriptor" for every native method of the API classes.
class_names=$(cd "$classes" && find . -name '*.class' -not -path './META-INF/*' | sed 's#^\./##; s#\.class$##; s#/#.#g' | LC_ALL=C sort)
# shellcheck disable=SC2086
natives=$(javap -p -s -cp "$classes" $class_names |
  awk '/^[a-z ]*(class|interface|enum) /{for(i=1;i<=NF;i++) if($i ~ /^(class|interface|enum)$/) c=$(i+1)}
       / native /{m=$0; sub(/\(.*/, "", m); n=split(m, w, " "); getline d; sub(/.*descriptor: /, "", d); print c "." w[n] " " d}' |
  LC_ALL=C sort)

verifier=$(dirname "$lib")/$(basename "$lib" | sed 's/ferric/ferric_verifier/')
[ -f "$verifier" ] || { echo "no $verifier beside $lib: build first" >&2; exit 2; }
for f in "$lib" "$verifier"; do
  exported=$(nm -D --defined-only "$f" | awk '$3 ~ /^(Java_|JNI_)/{print $3}' | LC_ALL=C sort | tr '\n' ' ')
  if [ "$exported" != "JNI_OnLoad " ]; then
    echo "FAIL: $f must export JNI_OnLoad and no Java_ symbol; it exports: ${exported:-nothing}" >&2
    exit 1
  fi
done

current=$(printf '# ABI %s: native methods of the API classes (class.method descriptor)\n%s\n' "$rust_abi" "$natives")
if [ "${1:-}" = --update ]; then
  printf '%s\n' "$current" > "$record"
  echo "recorded $(printf '%s\n' "$natives" | wc -l) native methods for ABI $rust_abi in $record"
  exit 0
fi
if [ "$current" != "$(cat "$record")" ]; then
  echo "FAIL: the JNI boundary differs from $record:" >&2
  diff <(cat "$record") <(printf '%s\n' "$current") >&2 || true
  echo "Bump the ABI number (lib.rs, BuildInfo.java, java-api/pom.xml) unless it was never released, then run $0 --update" >&2
  exit 1
fi
echo "OK: $(printf '%s\n' "$natives" | wc -l) native methods, registered (no Java_ exports), as recorded for ABI $rust_abi"
