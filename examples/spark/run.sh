#!/usr/bin/env bash
# Builds the Spark example and runs it with spark-submit on local-cluster[2,1,1024] (two executor JVMs
# of one core and 1024 MB each), once on JDK 17 and once on JDK 25, each time with an empty cache
# directory for the executors' copy of ferric's library. Fails when a stage's results differ, when an
# executor did not load ferric from that directory, or when what the gzip stage wrote does not
# decompress (gzip) to bytes whose digests b3sum and sha256sum agree with.
#
#   examples/spark/run.sh [MAVEN_OPTION...]     e.g. -Dmaven.repo.local=DIR -Dferric.version=0.1.0
#
# Spark: $SPARK_HOME if set, else pyspark $PYSPARK_VERSION from PyPI, installed once under
# $SPARK_CACHE (the job is skipped, with a message, only when that install fails).
# JDKs: $JDK17 (default: the java on PATH) and $JDK25 (default: /usr/lib/jvm/temurin-25-jdk-amd64).
# Input: $LINES log lines (default 40000, 3.8 MB) in $PARTITIONS partitions (default 4); $ROUNDS rounds
# (default 5) of every stage, the best of each printed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

PYSPARK_VERSION=4.2.0 # the spark.version the example is compiled against (pom.xml)
LINES=${LINES:-40000}
PARTITIONS=${PARTITIONS:-4}
ROUNDS=${ROUNDS:-5}
EXECUTORS=2
MASTER="local-cluster[$EXECUTORS,1,1024]"
start=$SECONDS

if [ -z "${SPARK_HOME:-}" ]; then
  spark_dir=${SPARK_CACHE:-$HOME/.cache/ferric-ci/pyspark-$PYSPARK_VERSION}
  if [ ! -x "$spark_dir/pyspark/bin/spark-submit" ]; then
    echo "installing Spark $PYSPARK_VERSION (pyspark from PyPI) into $spark_dir"
    rm -rf "$spark_dir.partial"
    # spark-submit needs only the package's jars and scripts, not py4j
    if ! python3 -m pip install -q --disable-pip-version-check --root-user-action=ignore --no-deps \
         --target "$spark_dir.partial" "pyspark==$PYSPARK_VERSION"; then
      rm -rf "$spark_dir.partial"
      echo "SKIPPED the Spark example: could not install pyspark==$PYSPARK_VERSION from PyPI (see pip's message above)" >&2
      exit 0
    fi
    rm -rf "$spark_dir"
    mv "$spark_dir.partial" "$spark_dir"
  fi
  export SPARK_HOME=$spark_dir/pyspark
fi
spark_version=$("$SPARK_HOME/bin/spark-submit" --version 2>&1 | sed -n 's/.*version \([0-9][0-9.]*\)$/\1/p' | head -1)
echo "Spark $spark_version at $SPARK_HOME"

echo "building examples/spark"
rm -rf "$here/target/lib" # jars of an earlier build's ferric version would be shipped too
"$root/mvnw" -B -q -f "$here/pom.xml" "$@" package
app_jar=$here/target/ferric-spark-example-1.0.0.jar
api_jar=$(find "$here/target/lib" -name 'ferric-[0-9]*.jar')
native_jar=$(find "$here/target/lib" -name 'ferric-native-*.jar')
echo "shipping $(basename "$api_jar") and $(basename "$native_jar")"

work=$here/target/run
rm -rf "$work"
mkdir -p "$work"
input=$work/lines.txt
# Log lines of a made-up service; every tenth repeats the fifth before it, so deduplicating has work to do.
awk -v n="$LINES" 'BEGIN {
  split("INFO INFO INFO INFO INFO DEBUG WARN ERROR", level, " ")
  for (i = 0; i < n; i++) {
    j = (i % 10 == 9) ? i - 5 : i
    r = (j * 7919 + 104729) % 65521
    printf "2026-12-06T%02d:%02d:%02d.%03d level=%s user=u%04d path=/api/v1/items/%d status=%d latency=%d ms\n",
      int(j / 3600000) % 24, int(j / 60000) % 60, int(j / 1000) % 60, j % 1000, level[r % 8 + 1],
      r % 9973, r % 500, (r % 17 == 0) ? 500 : 200, (r * 31) % 1500
  }
}' > "$input"

fail() {
  echo "FAIL ($1): $2" >&2
  tail -40 "$work/$1.err" >&2 || true
  exit 1
}

# One run: $1 a label, $2 the JDK home, then how the executors are told where their cache is.
run() {
  local label=$1 jdk=$2 how=$3 cache=$4
  local out=$work/$label-out log=$work/$label.log err=$work/$label.err t0=$SECONDS
  mkdir -p "$out"
  local conf=()
  mkdir -m 700 "$cache"
  if [ "$how" = xdg ]; then
    # ferric caches in $XDG_CACHE_HOME/ferric; Spark passes spark.executorEnv.* to the executors' environment
    conf=(--conf "spark.executorEnv.XDG_CACHE_HOME=$cache")
    cache=$cache/ferric
  else
    conf=(--conf "spark.executor.extraJavaOptions=-Dferric.cache.dir=$cache")
  fi
  echo
  echo "== $label: $("$jdk/bin/java" -version 2>&1 | head -1), $MASTER, executors' cache $cache (empty)"
  if ! JAVA_HOME=$jdk "$SPARK_HOME/bin/spark-submit" \
      --master "$MASTER" \
      --driver-memory 512m \
      --jars "$api_jar,$native_jar" \
      "${conf[@]}" \
      --conf spark.ui.enabled=false \
      --conf spark.scheduler.minRegisteredResourcesRatio=1.0 \
      --class com.example.spark.FerricSparkJob \
      "$app_jar" "$input" "$out" "$cache" "$EXECUTORS" "$PARTITIONS" "$ROUNDS" > "$log" 2> "$err"; then
    cat "$log"
    fail "$label" "the job failed"
  fi
  cat "$log"

  grep -qx 'OK: every stage.s results agree, every executor loaded ferric' "$log" || fail "$label" "no OK line"
  local pids
  pids=$(grep -E '^executor [0-9]+: pid [0-9]+ .* available, loaded from '"$cache"'/' "$log" | awk '{print $4}' | sort -u | wc -l)
  [ "$pids" -eq "$EXECUTORS" ] || fail "$label" "$pids executor JVMs report ferric loaded from $cache, expected $EXECUTORS"
  ls "$cache"/libferric-*.so > /dev/null || fail "$label" "no library in $cache"

  # What the executors wrote, checked with tools that share no code with the job.
  local n=0 idx bytes b3 sha part
  while read -r idx bytes b3 sha; do
    for part in "$out"/round-*/ferric-*/"part-$(printf %05d "$idx").gz"; do
      [ "$(gzip -dc "$part" | wc -c)" -eq "$bytes" ] || fail "$label" "$part does not decompress to $bytes bytes"
      [ "$(gzip -dc "$part" | sha256sum | cut -d' ' -f1)" = "$sha" ] || fail "$label" "sha256sum of $part differs from the job's"
      if command -v b3sum > /dev/null; then
        [ "$(gzip -dc "$part" | b3sum --no-names)" = "$b3" ] || fail "$label" "b3sum of $part differs from the job's BLAKE3"
      fi
      gzip -dc "${part/\/ferric-/\/jdk-}" | cmp -s - <(gzip -dc "$part") || fail "$label" "ferric's and the JDK's gzip of partition $idx differ"
      n=$((n + 1))
    done
  done < <(sed -n 's/^partition \([0-9]*\): \([0-9]*\) bytes, blake3 \([0-9a-f]*\), sha256 \([0-9a-f]*\)$/\1 \2 \3 \4/p' "$log")
  [ "$n" -eq $((PARTITIONS * ROUNDS * 2)) ] || fail "$label" "checked $n of ferric's gzip files, expected $((PARTITIONS * ROUNDS * 2))"
  command -v b3sum > /dev/null || echo "(b3sum not installed: the partitions' BLAKE3 digests were not checked against it)"
  echo "== $label: passed in $((SECONDS - t0)) s ($EXECUTORS executor JVMs loaded ferric from $cache;" \
       "$n gzip files decompress to the hashed bytes)"
}

feature() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
JDK17=${JDK17:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
JDK25=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}
v=$(feature "$JDK17")
[ "${v:-0}" -ge 17 ] || { echo "FAIL: Spark 4 needs Java 17 or newer; $JDK17 is Java ${v:-?} (set JDK17)" >&2; exit 1; }
# The two ways of choosing the executors' cache, one per run.
run "jdk$v" "$JDK17" xdg "$work/jdk$v-xdg-cache"
if [ -x "$JDK25/bin/java" ]; then
  run "jdk$(feature "$JDK25")" "$JDK25" property "$work/jdk25-cache"
else
  echo "no JDK 25 at $JDK25; the JDK 25 run was skipped" >&2
fi
echo
echo "Spark example passed in $((SECONDS - start)) s"
