#!/usr/bin/env bash
# Run first by `./mvnw -Prelease` (rust-core, validate phase): the cargo subcommands the release build
# needs must be installed, or the build stops here with the command that installs each, instead of
# failing minutes later deep in the build ("error: no such command: zigbuild").
#
#   scripts/check-release-tools.sh CARGO_BUILD SBOM_SKIP
#     CARGO_BUILD  ferric.cargo.build: zigbuild (Linux targets) or build
#     SBOM_SKIP    ferric.rust.sbom.skip: true when no SBOM is written (cargo-cyclonedx not needed)
# Versions are the ones .ci/release.sh and .github/workflows/ci.yml pin.
set -euo pipefail
cargo_build=${1:-zigbuild}
sbom_skip=${2:-false}
ZIGLANG_VERSION=0.17.0
CARGO_ZIGBUILD_VERSION=0.24.0
CARGO_CYCLONEDX_VERSION=0.5.9

missing=()
if ! command -v cargo >/dev/null 2>&1; then
  missing+=("Rust (cargo): curl -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal")
fi
# (`cargo zigbuild --version` is an error: the subcommand has no --version; the binary has)
if [ "$cargo_build" = zigbuild ] && ! cargo-zigbuild --version >/dev/null 2>&1; then
  missing+=("cargo-zigbuild and zig: python3 -m pip install ziglang==$ZIGLANG_VERSION cargo-zigbuild==$CARGO_ZIGBUILD_VERSION")
elif [ "$cargo_build" = zigbuild ] && ! python3 -m ziglang version >/dev/null 2>&1 && ! command -v zig >/dev/null 2>&1; then
  missing+=("zig: python3 -m pip install ziglang==$ZIGLANG_VERSION")
fi
if [ "$sbom_skip" != true ] && ! cargo cyclonedx --version >/dev/null 2>&1; then
  missing+=("cargo-cyclonedx: cargo install --locked cargo-cyclonedx@$CARGO_CYCLONEDX_VERSION (or -Dferric.rust.sbom.skip=true to build without the Rust SBOM)")
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "The release build (-Prelease) needs tools this machine lacks. Install them, then build again:" >&2
  for m in "${missing[@]}"; do echo "  - $m" >&2; done
  echo "(.ci/release.sh installs all of them.)" >&2
  exit 1
fi
echo "release tools: cargo $cargo_build$([ "$sbom_skip" = true ] || echo ', cargo cyclonedx') present"
