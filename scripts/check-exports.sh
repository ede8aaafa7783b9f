#!/usr/bin/env bash
# Fails unless each library exports JNI_OnLoad and nothing besides JNI entry points (Java_*,
# JNI_OnLoad, JNI_OnUnload) and the C ABI of the FFM fast path (ferric_*): whatever else a library
# exports is a symbol another library in the same process could bind to by accident. One known
# exception: blake3_compress_in_place_portable, which the blake3 crate defines in Rust as #[no_mangle]
# for its C NEON code to call (aarch64 only); rustc exports every such function of the crate graph.
# Reads ELF (.so), PE (.dll) and Mach-O (.dylib) files alike, whatever the host.
#
#   scripts/check-exports.sh LIBRARY...
set -euo pipefail

if [ $# -lt 1 ]; then echo "usage: $0 LIBRARY..." >&2; exit 2; fi
for tool in llvm-nm llvm-objdump; do
  command -v "$tool" >/dev/null || { echo "$tool not found (apt-get install llvm)" >&2; exit 2; }
done

status=0
for lib in "$@"; do
  [ -f "$lib" ] || { echo "no such file: $lib" >&2; exit 2; }
  case "$(head -c 4 "$lib" | od -An -tx1 | tr -d ' \n')" in
    7f454c46) # ELF: the defined symbols of the dynamic symbol table
      exports=$(llvm-nm -D --defined-only --format=just-symbols "$lib") ;;
    4d5a*)    # PE: the names in the export table
      exports=$(llvm-objdump -p "$lib" | sed -n '/Ordinal *RVA *Name/,/^$/p' | awk 'NF >= 3 && $1 ~ /^[0-9]+$/ {print $3}') ;;
    cffaedfe) # Mach-O 64-bit: external defined symbols, without the leading underscore C names get
      exports=$(llvm-nm -g --defined-only --format=just-symbols "$lib" | sed 's/^_//') ;;
    *) echo "FAIL: $lib is not an ELF, PE or 64-bit Mach-O file" >&2; status=1; continue ;;
  esac
  unexpected=$(grep -vE '^(Java_[A-Za-z0-9_]+|JNI_OnLoad|JNI_OnUnload|ferric_[a-z0-9_]+|blake3_compress_in_place_portable)$' <<< "$exports" || true)
  if ! grep -qx JNI_OnLoad <<< "$exports"; then
    echo "FAIL: $lib does not export JNI_OnLoad" >&2; status=1
  elif [ -n "$unexpected" ]; then
    echo "FAIL: $lib exports $(wc -l <<< "$unexpected") symbols besides the JNI and FFM entry points:" >&2
    head -20 <<< "$unexpected" | sed 's/^/  /' >&2
    status=1
  else
    echo "$lib exports only: $(tr '\n' ' ' <<< "$exports")"
  fi
done
exit $status
