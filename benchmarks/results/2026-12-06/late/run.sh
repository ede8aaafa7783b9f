#!/bin/bash
# The rows this session's per-call changes touch, as recorded here (from the repository root, after
# ./mvnw -B -DskipTests -pl benchmarks -am package):
#   benchmarks/results/2026-12-06/late/run.sh OUT_DIR [BEFORE_LIB]
# - SmallRegexBench's String rows (isMatch, find, matches and their java.util.regex peers) at 30, 80
#   and 150 chars on JDK 17 (JNI) and JDK 25 (FFM);
# - SmallCompressBench's LZ4 rows on JDK 17 and 25 and, when BEFORE_LIB is given (the library of the
#   commit before the boundary change, built with `cargo build --release -p ferric`), the same rows on
#   JDK 17 with that library loaded instead (-Dferric.library.path, verification off): an A/B in one run.
# Tables: python3 benchmarks/results/2026-12-06/evening/table.py OUT_DIR/regex-jdk17.json, and
# python3 benchmarks/scripts/small-report.py for the LZ4 files.
set -eu
out=${1:?output directory}
before=${2:-}
mkdir -p "$out"
jar=benchmarks/target/benchmarks.jar
jdk25=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
lz4='SmallCompressBench.(ferricLz4Compress|lz4JavaCompress|ferricLz4Decompress|lz4JavaDecompress)$'
java -jar $jar "$lz4" -f 1 -wi 2 -i 3 -w 1 -r 1 -rf json -rff "$out/lz4-jdk17.json" > "$out/lz4-jdk17.txt" 2>&1
if [ -n "$before" ]; then
  java -jar $jar "$lz4" -f 1 -wi 2 -i 3 -w 1 -r 1 -jvmArgsAppend "-Dferric.library.path=$before -Dferric.library.verify=false" \
    -rf json -rff "$out/lz4-jdk17-before.json" > "$out/lz4-jdk17-before.txt" 2>&1
fi
"$jdk25" -jar $jar "$lz4" -f 1 -wi 2 -i 3 -w 1 -r 1 -rf json -rff "$out/lz4-jdk25.json" > "$out/lz4-jdk25.txt" 2>&1
for jdk in 17 25; do
  java=java; [ $jdk = 25 ] && java=$jdk25
  $java -jar $jar 'SmallRegexBench.(ferricIsMatch|jdkFind|ferricFind|ferricMatches|jdkMatches)$' \
    -p size=30,80,150 -f 1 -wi 2 -i 2 -w 1 -r 1 -rf json -rff "$out/regex-jdk$jdk.json" > "$out/regex-jdk$jdk.txt" 2>&1
done
