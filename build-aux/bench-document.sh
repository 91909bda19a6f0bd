#!/bin/sh
# bench-document.sh [BUILDDIR] [-- BENCH-OPTIONS]: builds bench-document and times the DOCX and the
# PDF of the large draft (500 themes, 5,000 strategies, 2,000 role proposals, 1,000 participants)
# against its .xlsx export in the same run, with the peak memory of each, and LibreOffice turning
# the DOCX into a PDF.
set -eu

srcdir=$(cd "$(dirname "$0")/.." && pwd)
builddir=${1:-"$srcdir/build-bench"}
[ $# -gt 0 ] && shift
[ "${1:-}" = "--" ] && shift

if [ ! -f "$builddir/build.ninja" ]; then
  meson setup "$builddir" "$srcdir" --buildtype=debugoptimized
fi
meson compile -C "$builddir" bench-document
exec "$builddir/build-aux/bench-document" "$@"
