#!/bin/sh
# bench-xlsx-read.sh [BUILDDIR]: builds bench-xlsx-read, writes the eleven answer workbooks of a large
# draft (500 theme rows, 5,000 strategy rows, 2,000 proposal rows, 10 columns) with libxlsxwriter, a
# copy of them saved again by openpyxl (inline strings) and, where soffice is installed, by
# LibreOffice, then times reading each set whole with CsnXlsxBook and with openpyxl's
# load_workbook(read_only=True) in the same run.
set -eu

srcdir=$(cd "$(dirname "$0")/.." && pwd)
builddir=${1:-"$srcdir/build-bench"}

if [ ! -f "$builddir/build.ninja" ]; then
  meson setup "$builddir" "$srcdir" --buildtype=debugoptimized
fi
meson compile -C "$builddir" bench-xlsx-read
bench="$builddir/tests/xlsx/bench-xlsx-read"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/libxlsxwriter" "$work/openpyxl" "$work/libreoffice"
"$bench" --write "$work/libxlsxwriter"

/usr/bin/python3 - "$work/libxlsxwriter" "$work/openpyxl" <<'PY'
import os, sys
import openpyxl
source, target = sys.argv[1:]
for name in sorted(os.listdir(source)):
    workbook = openpyxl.load_workbook(os.path.join(source, name))
    workbook.save(os.path.join(target, name))
PY

sets="libxlsxwriter openpyxl"
if command -v soffice >/dev/null 2>&1; then
  soffice --headless --norestore "-env:UserInstallation=file://$work/profile" --convert-to xlsx \
    --outdir "$work/libreoffice" "$work"/libxlsxwriter/*.xlsx >/dev/null 2>&1
  sets="$sets libreoffice"
fi

for set in $sets; do
  echo "== eleven workbooks written by $set ($(du -sh "$work/$set" | cut -f1))"
  "$bench" "$work/$set"/*.xlsx
  /usr/bin/python3 - "$work/$set"/*.xlsx <<'PY'
import sys, time
import openpyxl
best = best_cpu = None
for run in range(3):
    start, start_cpu = time.perf_counter(), time.process_time()
    cells = 0
    for path in sys.argv[1:]:
        workbook = openpyxl.load_workbook(path, read_only=True)
        for sheet in workbook.worksheets:
            for row in sheet.iter_rows(values_only=True):
                cells += sum(1 for value in row if value is not None)
        workbook.close()
    elapsed, cpu = time.perf_counter() - start, time.process_time() - start_cpu
    best = elapsed if best is None else min(best, elapsed)
    best_cpu = cpu if best_cpu is None else min(best_cpu, cpu)
print(f"openpyxl read_only: {len(sys.argv) - 1} workbooks, {cells} cells: {best:.3f} s, "
      f"{best_cpu:.3f} s of processor time (best of 3)")
PY
done
