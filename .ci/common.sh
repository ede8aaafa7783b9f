# shellcheck shell=bash
# Sourced by .ci/run, .ci/platforms.sh and .ci/release.sh: step headings that say when they started
# and how long the step took, and the smoke subset of the Java suite.

# A heading with the minutes since the whole run began (FERRIC_CI_START, set by .ci/run), so a slow
# step shows in any log; took prints the step's own seconds.
export FERRIC_CI_START=${FERRIC_CI_START:-$(date +%s)}
step_start=$SECONDS
step() {
  local elapsed=$(($(date +%s) - FERRIC_CI_START))
  printf '\n==> %s  [%dm%02ds]\n' "$*" $((elapsed / 60)) $((elapsed % 60))
  step_start=$SECONDS
}
took() { printf '    (took %ss)\n' "$((SECONDS - step_start))"; }

# The smoke subset, where the whole suite is too slow (emulated JVMs) or has run already against an
# equivalent library (the release profile's): loading from the classifier jar and the version
# handshake, checksum pinning and refusal (NativeLoaderTest), every kernel's answers (BLAKE3 test
# vectors, regex, deflate/gzip against java.util.zip, LZ4 blocks and frames, vector scores against Java
# arithmetic), the chosen SIMD kernels (FlatIndexApiTest: NEON on aarch64), a Rust panic becoming a
# Java exception (BoundaryGuardTest), the JNI or FFM path as expected (FastPathTest). Left out:
# FlatIndexApiTest's many-thread test (48 s emulated).
# shellcheck disable=SC2034  # used by the scripts that source this file
SMOKE='FerricTest,FastPathTest,NativeLoaderTest,Blake3VectorsTest,RegexApiTest,StreamsTest,Lz4Test,VectorsTest,FlatIndexApiTest,BoundaryGuardTest,!FlatIndexApiTest#addsAndSearchesFromManyThreads'
