#!/usr/bin/env bash
# The per-record regime: one call on one small input (a log line, a field, a 154-byte row, one
# embedding), ferric next to its peer in the same run, on each JDK given. Prints the machine first.
# Usage: benchmarks/run-small.sh [output-dir] [java ...]   (default: the java on PATH)
# Each JDK's raw JMH output (text and JSON, with -prof gc) lands in <output-dir>/jdk-<version><LABEL>/.
# Environment: SMALL_BENCHES (default: all four classes, and SmallLuceneVectorsBench on JDK 21+ when the
# benchmarks jar was built on JDK 21+, which compiles it in), JVM_ARGS (appended to each fork's JVM, e.g.
# -Dferric.ffm=false for the JNI path on Java 22+), LABEL (suffix of the output directory), BENCH_JAR (another
# benchmarks jar, e.g. one built on JDK 21+ that holds the Lucene peer).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-target/bench-results/small}
shift || true
javas=("$@")
[ ${#javas[@]} -gt 0 ] || javas=(java)
jar=${BENCH_JAR:-benchmarks/target/benchmarks.jar}
[ -f "$jar" ] || ./mvnw -q -B -DskipTests -pl benchmarks -am package
# Short iterations: ~400 small benchmarks per JDK; each is one fork, 2 x 1 s warm-up and 3 x 1 s measured
# (regex: 1 x 0.5 s and 2 x 0.5 s, 384 of them).
for java in "${javas[@]}"; do
  v=$("$java" -version 2>&1 | head -1 | sed 's/.*version "\([^"]*\)".*/\1/')
  dir="$out/jdk-$v${LABEL:-}"
  mkdir -p "$dir"
  { date -u; uptime; lscpu | sed -n '1,20p'; "$java" -version 2>&1; } > "$dir/machine.txt"
  extra=()
  [ -z "${JVM_ARGS:-}" ] || extra=(-jvmArgsAppend "$JVM_ARGS")
  benches=${SMALL_BENCHES:-SmallBlake3Bench SmallCompressBench SmallVectorsBench SmallRegexBench}
  # (unzip with a name, not piped into grep -q: under pipefail its early exit fails the pipe)
  if [ -z "${SMALL_BENCHES:-}" ] && [ "${v%%.*}" -ge 21 ] \
      && unzip -l "$jar" 'dev/ferric/bench/small/SmallLuceneVectorsBench.class' > /dev/null 2>&1; then
    benches="$benches SmallLuceneVectorsBench"
  fi
  for bench in $benches; do
    include=$bench # Lucene's class inherits the scalar loops too: only its ferric and Lucene rows
    [ "$bench" != SmallLuceneVectorsBench ] || include='SmallLuceneVectorsBench\.(ferric|lucene)'
    iterations=()
    [ "$bench" != SmallRegexBench ] || iterations=(-wi 1 -w 500ms -i 2 -r 500ms)
    "$java" -jar "$jar" "$include" "${iterations[@]}" "${extra[@]}" -prof gc -rf json -rff "$dir/$bench.json" > "$dir/$bench.txt"
  done
  echo "$v: $dir"
done
