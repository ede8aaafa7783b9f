#!/usr/bin/env bash
# Fails when a shared library needs a glibc symbol version newer than MAX (default 2.17), i.e. when it
# would not load on an older distribution.
#
#   scripts/check-glibc.sh LIBRARY [MAX]
set -euo pipefail

if [ $# -lt 1 ] || [ $# -gt 2 ]; then echo "usage: $0 LIBRARY [MAX_GLIBC_VERSION]" >&2; exit 2; fi
lib=$1
max=${2:-2.17}
[ -f "$lib" ] || { echo "no such file: $lib" >&2; exit 2; }
command -v objdump >/dev/null || { echo "objdump not found (binutils)" >&2; exit 2; }

# Dynamic symbol table: each imported symbol carries the version it was linked against (GLIBC_2.14 ...).
versions=$(objdump -T "$lib" | grep -oE 'GLIBC_[0-9A-Z_.]+' | sed 's/^GLIBC_//' | sort -uV)
[ -n "$versions" ] || { echo "no GLIBC_ symbol versions in $lib (not a glibc-linked library?)" >&2; exit 1; }

too_new=()
for v in $versions; do
  if [ "$v" = PRIVATE ] || [ "$(printf '%s\n%s\n' "$v" "$max" | sort -V | tail -1)" != "$max" ]; then
    too_new+=("GLIBC_$v")
  fi
done

# shellcheck disable=SC2086 # one version per word
echo "$lib needs: $(printf 'GLIBC_%s ' $versions)"
if [ ${#too_new[@]} -gt 0 ]; then
  echo "FAIL: newer than glibc $max: ${too_new[*]}; symbols:" >&2
  for v in "${too_new[@]}"; do objdump -T "$lib" | grep -F "$v" | awk '{v = $(NF-1); gsub(/[()]/, "", v); print "  " $NF " (" v ")"}' >&2; done
  exit 1
fi
echo "OK: loads on glibc $max and newer"
