#!/usr/bin/env bash
# Checks a macOS library built on another system, where it cannot be loaded: a 64-bit Mach-O
# dylib of the given architecture, whose minimum macOS (LC_BUILD_VERSION or LC_VERSION_MIN_MACOSX)
# is the one the README promises, which needs nothing but what every Mac has: libSystem, Apple's
# libiconv (Rust's standard library links it; libcharset comes with it) and system frameworks.
#
#   scripts/check-macho.sh LIBRARY x86_64|arm64 MIN_MACOS
set -euo pipefail

if [ $# -ne 3 ]; then echo "usage: $0 LIBRARY x86_64|arm64 MIN_MACOS" >&2; exit 2; fi
lib=$1 arch=$2 min=$3
[ -f "$lib" ] || { echo "no such file: $lib" >&2; exit 2; }
command -v llvm-objdump >/dev/null || { echo "llvm-objdump not found (apt-get install llvm)" >&2; exit 2; }
fail() { echo "FAIL: $lib: $*" >&2; exit 1; }

[ "$(head -c 4 "$lib" | od -An -tx1 | tr -d ' \n')" = cffaedfe ] || fail "not a 64-bit Mach-O file"
headers=$(llvm-objdump --macho --private-headers "$lib")
# The Mach header's line: magic cputype cpusubtype caps filetype ...
read -r _ cputype _ _ filetype _ < <(grep -A1 '^ *magic' <<< "$headers" | tail -1)
want_cpu=$([ "$arch" = arm64 ] && echo ARM64 || echo X86_64)
[ "$cputype" = "$want_cpu" ] || fail "CPU type $cputype, expected $want_cpu"
[ "$filetype" = DYLIB ] || fail "file type $filetype, expected DYLIB"

# LC_BUILD_VERSION says "minos 11.0"; the older LC_VERSION_MIN_MACOSX says "version 10.12".
minos=$(awk '/cmd LC_BUILD_VERSION/ {b=1} b && $1 == "minos" {print $2; exit}
             /cmd LC_VERSION_MIN_MACOSX/ {v=1} v && $1 == "version" {print $2; exit}' <<< "$headers")
[ -n "$minos" ] || fail "no LC_BUILD_VERSION or LC_VERSION_MIN_MACOSX load command"
[ "$minos" = "$min" ] || fail "minimum macOS $minos, expected $min"

deps=$(awk '/cmd LC_(LOAD|LOAD_WEAK|REEXPORT|LAZY_LOAD)_DYLIB/ {d=1} d && $1 == "name" {print $2; d=0}' <<< "$headers")
foreign=$(grep -vE '^(/usr/lib/lib(System\.B|iconv\.2|charset\.1)\.dylib|/System/Library/Frameworks/[A-Za-z]+\.framework/.*)$' <<< "$deps" || true)
[ -z "$foreign" ] || fail "needs libraries that are not part of macOS: $foreign"
echo "$lib: Mach-O $cputype dylib, minimum macOS $minos, needs $(tr '\n' ' ' <<< "$deps")"
