#!/bin/sh
# bench-export.sh [BUILDDIR] [-- BENCH-OPTIONS]: builds bench-export and times the .xlsx export of a
# large draft (500 themes, 5,000 strategies, 2,000 role proposals, 1,000 participants) against bare
# libxlsxwriter writing as many plain text cells, with the peak memory of each; and `consenso
# --export-xlsx` of the same draft from its file, load included.
set -eu

srcdir=$(cd "$(dirname "$0")/.." && pwd)
builddir=${1:-"$srcdir/build-bench"}
[ $# -gt 0 ] && shift
[ "${1:-}" = "--" ] && shift

if [ ! -f "$builddir/build.ninja" ]; then
  meson setup "$builddir" "$srcdir" --buildtype=debugoptimized
fi
meson compile -C "$builddir" bench-export consenso
exec "$builddir/build-aux/bench-export" --consenso "$builddir/app/consenso" "$@"
