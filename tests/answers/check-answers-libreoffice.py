#!/usr/bin/python3
"""check-answers-libreoffice.py: delegations' workbooks answered and then saved again by LibreOffice
(soffice --convert-to xlsx: shared strings, renumbered relationships, its own names and styles) are
imported as typed; an untouched one brings nothing. Exits 77 without soffice. TAP."""
import argparse
import datetime
import os
import shutil
import subprocess
import sys
import tempfile

import openpyxl

from answerstest import Tap, answer, export, info, load_json, make_draft, resolve, run, workbook_path

soffice = shutil.which("soffice")
if soffice is None:
    print("1..0 # SKIP soffice is not installed")
    sys.exit(77)

parser = argparse.ArgumentParser()
parser.add_argument("--consenso", required=True)
parser.add_argument("--template", required=True)
options = parser.parse_args()

tmp = tempfile.mkdtemp(prefix="check-answers-libreoffice-")
tap = Tap()


def path(*parts):
    return os.path.join(tmp, *parts)


def convert(sources, out):
    """Opens and saves each workbook with LibreOffice, as a delegation using it would."""
    os.makedirs(out, exist_ok=True)
    subprocess.run([soffice, "--headless", "--norestore", f"-env:UserInstallation=file://{path('profile')}",
                    "--convert-to", "xlsx", "--outdir", out] + sources,
                   check=True, capture_output=True, timeout=600)
    results = [os.path.join(out, os.path.basename(source)) for source in sources]
    for result in results:
        assert os.path.exists(result), f"LibreOffice wrote no {result}"
    return results


DRAFT = path("draft.consenso")
make_draft(options.template, DRAFT)
paths = export(options.consenso, DRAFT, path("exported"))


def test_answered_then_saved_by_libreoffice():
    os.makedirs(path("answered"))
    mexico, canada = path("answered", "mexico.xlsx"), path("answered", "canada.xlsx")
    wb = openpyxl.load_workbook(workbook_path(path("exported"), "MX", paths))
    answer(wb, "Theme", "theme-1", "Se opone", "Línea 1\nLínea 2 — «citas» & <signos>")
    answer(wb, "Theme", "theme-3", "apoya con reserva", "Sobre el financiamiento")
    answer(wb, "Proposal", "proposal-1", "Supports")
    sheet, column, row, _, _ = resolve(wb, "Consenso_Endorsement_Date")
    sheet.cell(row=row, column=column).value = datetime.date(2011, 12, 2)
    sheet, column, row, _, _ = resolve(wb, "Consenso_Endorsement_Status")
    sheet.cell(row=row, column=column).value = "Respaldado"
    wb.save(mexico)
    wb = openpyxl.load_workbook(workbook_path(path("exported"), "CA", paths))
    answer(wb, "Strategy", "strategy-1", "Abstains", "_x0041_ is kept as typed")
    wb.save(canada)
    date = info(openpyxl.load_workbook(mexico))["date"]

    saved = convert([mexico, canada], path("libreoffice"))
    out = path("out.consenso")
    result = run(options.consenso, ["--import-answers", out, DRAFT] + saved)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "", result.stdout
    after = load_json(out)
    positions = {(p["country"], p["item"]): p for p in after["positions"]}
    assert (positions[("MX", "theme-1")]["stance"], positions[("MX", "theme-1")]["comment"]) == \
        ("objects", "Línea 1\nLínea 2 — «citas» & <signos>"), positions[("MX", "theme-1")]
    assert positions[("MX", "theme-3")]["stance"] == "supports-with-reservation"
    assert positions[("MX", "proposal-1")]["stance"] == "supports"
    assert (positions[("CA", "strategy-1")]["stance"], positions[("CA", "strategy-1")]["comment"]) == \
        ("abstains", "_x0041_ is kept as typed"), positions[("CA", "strategy-1")]
    assert all(p["received"] == date for p in after["positions"] if p["source"] == "workbook")
    themes = {t["id"]: t for t in after["themes"]}
    assert themes["theme-3"]["reservations"] == [{"country": "MX", "text": "Sobre el financiamiento"}]
    proposals = {p["id"]: p for p in after["role_proposals"]}
    assert "MX" in proposals["proposal-1"]["supported_by"]
    endorsement = next(e for e in after["endorsements"] if e["country"] == "MX")
    assert (endorsement["status"], endorsement["date"]) == ("endorsed", "2011-12-02"), endorsement


def test_untouched_saved_by_libreoffice():
    saved = convert([workbook_path(path("exported"), code, paths) for code in ("MX", "CA", "DO")],
                    path("untouched"))
    out = path("untouched.consenso")
    result = run(options.consenso, ["--import-answers", out, DRAFT] + saved)
    assert result.returncode == 0 and result.stdout == "", (result.stdout, result.stderr)
    assert load_json(out)["positions"] == load_json(DRAFT)["positions"]


tap.run("answers typed, then saved by LibreOffice, are imported as typed", test_answered_then_saved_by_libreoffice)
tap.run("untouched workbooks saved by LibreOffice bring nothing", test_untouched_saved_by_libreoffice)
shutil.rmtree(tmp, ignore_errors=True)
tap.finish()
