#!/usr/bin/env bash
# Builds ferric's library and the loader's verifier for every classifier (or the ones named) on this
# Linux machine, as the release builds them: the release profile of rust-core, with cargo zigbuild
# for each target (glibc 2.17 for Linux, dynamic musl, the README's minimum macOS, the GNU-ABI DLL).
#
#   scripts/build-natives.sh NATIVES_DIR [CLASSIFIER...]
#
# NATIVES_DIR/CLASSIFIER/ receives the two libraries, the layout scripts/stage-natives.sh and
# scripts/release.sh read. Needs cargo-zigbuild and zig (the release profile stops at once with the
# command that installs them); adds the rustup targets itself. FERRIC_MAVEN_ARGS adds Maven options
# (e.g. -o). FERRIC_CARGO_BUILD=build links with the host's own linker instead of zig (the release
# workflow does so on its macOS runners, whose linker honours rustc's export list). Android is built on
# its own runner (cargo-ndk), not here.
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: $0 NATIVES_DIR [CLASSIFIER...]" >&2; exit 2; }
cd "$(dirname "$0")/.."
natives=$1
shift

# classifier, Rust triple, cargo target, extra RUSTFLAGS, minimum macOS
PLATFORMS=(
  "linux-x86_64 x86_64-unknown-linux-gnu x86_64-unknown-linux-gnu.2.17 - -"
  "linux-aarch_64 aarch64-unknown-linux-gnu aarch64-unknown-linux-gnu.2.17 - -"
  # a cdylib needs the dynamic musl (Rust's musl targets link statically by default)
  "linux-x86_64-musl x86_64-unknown-linux-musl x86_64-unknown-linux-musl -C_target-feature=-crt-static -"
  "linux-aarch_64-musl aarch64-unknown-linux-musl aarch64-unknown-linux-musl -C_target-feature=-crt-static -"
  "osx-x86_64 x86_64-apple-darwin x86_64-apple-darwin - 10.12"
  "osx-aarch_64 aarch64-apple-darwin aarch64-apple-darwin - 11.0"
  "windows-x86_64 x86_64-pc-windows-gnu x86_64-pc-windows-gnu - -"
)
read -r -a maven_args <<< "${FERRIC_MAVEN_ARGS:-}"
cargo_build=${FERRIC_CARGO_BUILD:-zigbuild}

built=0
for p in "${PLATFORMS[@]}"; do
  read -r classifier triple target flags macos <<< "$p"
  if [ $# -gt 0 ] && [[ " $* " != *" $classifier "* ]]; then continue; fi
  echo "==> $classifier ($target)"
  rustup target add "$triple" >/dev/null
  env_args=()
  if [ "$macos" != - ]; then env_args=(MACOSX_DEPLOYMENT_TARGET="$macos"); fi
  if [ "$flags" = - ]; then flags=; fi
  env "${env_args[@]}" ./mvnw -B -q "${maven_args[@]}" -Prelease -pl rust-core -Dferric.rust.triple="$triple" \
    -Dferric.rust.target="$target" -Dferric.cargo.build="$cargo_build" "-Dferric.rustflags.extra=${flags//_/ }" \
    -Dferric.rust.sbom.skip=true -DskipTests package
  out=rust-core/target/$triple/release
  mkdir -p "$natives/$classifier"
  case "$classifier" in
    linux-*) files=(libferric.so libferric_verifier.so) ;;
    osx-*) files=(libferric.dylib libferric_verifier.dylib) ;;
    windows-*) files=(ferric.dll ferric_verifier.dll) ;;
  esac
  for f in "${files[@]}"; do cp "$out/$f" "$natives/$classifier/"; done
  built=$((built + 1))
done
[ "$built" -gt 0 ] || { echo "no classifier matches: $*" >&2; exit 2; }
echo "built $built classifier(s) into $natives"
