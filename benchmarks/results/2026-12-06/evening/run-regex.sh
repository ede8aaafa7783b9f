#!/bin/bash
# The regex String rows of SmallRegexBench on JDK 17 and JDK 25 (JNI and the FFM path), as recorded here:
#   benchmarks/results/2026-12-06/evening/run-regex.sh OUT_DIR   (from the repository root, after
#   ./mvnw -B -DskipTests -pl benchmarks -am package); then python3 .../table.py OUT_DIR/regex-jdk17.json
set -eu
out=${1:?output directory}
mkdir -p "$out"
for jdk in 17 25; do
  java=java; [ $jdk = 25 ] && java=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
  $java -jar benchmarks/target/benchmarks.jar 'SmallRegexBench.(ferricIsMatch|jdkFind|ferricFind|ferricMatches|jdkMatches)$' \
    -p size=30,80,150 -f 1 -wi 2 -i 2 -w 1 -r 1 -rf json -rff "$out/regex-jdk$jdk.json" > "$out/regex-jdk$jdk.txt" 2>&1
done
