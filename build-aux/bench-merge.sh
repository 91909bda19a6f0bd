#!/bin/sh
# bench-merge.sh [BUILDDIR] [-- BENCH-OPTIONS]: builds bench-merge and times the merge of two copies
# of a large draft (500 themes, 5,000 strategies, 2,000 role proposals, 1,000 participants) that
# each changed 10 % of the items, with its peak memory, against git merge-file on the same files.
# --profile-merge runs the merge alone, for valgrind --tool=callgrind.
set -eu

srcdir=$(cd "$(dirname "$0")/.." && pwd)
builddir=${1:-"$srcdir/build-bench"}
[ $# -gt 0 ] && shift
[ "${1:-}" = "--" ] && shift

if [ ! -f "$builddir/build.ninja" ]; then
  meson setup "$builddir" "$srcdir" --buildtype=debugoptimized
fi
meson compile -C "$builddir" bench-merge
exec "$builddir/tests/merge/bench-merge" "$@"
