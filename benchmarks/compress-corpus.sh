#!/usr/bin/env bash
# Writes the 16 MiB compression benchmark corpus (deterministic: same bytes everywhere) to $1 (default
# target/compress-corpus.bin) and prints its composition and gzip sizes at every level, ferric vs the JDK.
# Needs the benchmarks jar: ./mvnw -B -q -DskipTests -pl benchmarks -am package
set -euo pipefail
cd "$(dirname "$0")"
out=${1:-target/compress-corpus.bin}
exec java --enable-native-access=ALL-UNNAMED -cp target/benchmarks.jar dev.ferric.bench.CompressCorpus "$out"
