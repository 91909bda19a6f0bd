#!/usr/bin/python3
"""check-libreoffice.py XLSX-DUMP: workbooks saved again by LibreOffice (soffice --convert-to xlsx),
which turns inline strings into shared ones, renumbers relationship ids and rewrites names and
styles, read back with CsnXlsxBook and compared with the originals. Exits 77 without soffice."""
import atexit
import datetime
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

import openpyxl
from openpyxl.workbook.defined_name import DefinedName

from xlsxtest import build_xlsx, column_values, read, sheet, sheet_xml, shared_xml

soffice = shutil.which("soffice")
if soffice is None:
    print("soffice is not installed: skipped")
    sys.exit(77)

dump = sys.argv[1]
tmp = tempfile.mkdtemp(prefix="xlsx-libreoffice-")
atexit.register(shutil.rmtree, tmp, ignore_errors=True)


def path(*parts):
    return os.path.join(tmp, *parts)


def openpyxl_source():
    workbook = openpyxl.Workbook()
    themes = workbook.active
    themes.title = "Matriz de temas"
    themes.append(["ID", "Postura", "Fecha", "Respaldo", "Puntaje", "Comentario"])
    rows = [["theme-1", "Apoya", datetime.date(2025, 3, 14), True, 3, "Sin comentarios"],
            ["theme-2", "Objeta", datetime.date(2025, 3, 15), False, -1.25, "Niñez migrante — “no acompañada”"],
            ["theme-3", None, None, None, None, "línea 1\nlínea 2"],
            ["theme-4", "Apoya con reserva", "2025-04-01", True, 1e-7, "  espacios  "]]
    for row in rows:
        themes.append(row)
    themes.row_dimensions[4].hidden = True
    themes.protection.sheet = True
    strategies = workbook.create_sheet("Estrategias")
    strategies.append(["ID", "Postura"])
    strategies.append(["strategy-1", "Se abstiene"])
    meta = workbook.create_sheet("_consenso")
    meta["A1"] = "draft"
    meta["B1"] = "3f9a1c2e-0000-4000-8000-000000000000"
    meta.sheet_state = "veryHidden"
    workbook.defined_names.append(DefinedName("csn_theme_ids", attr_text="'Matriz de temas'!$A$2:$A$5"))
    workbook.defined_names.append(DefinedName("csn_theme_stances", attr_text="'Matriz de temas'!$B$2:$B$5"))
    workbook.defined_names.append(DefinedName("csn_local", attr_text="Estrategias!$B$2:$B$2", localSheetId=1))
    workbook.save(path("openpyxl.xlsx"))
    return path("openpyxl.xlsx")


def crafted_source():
    """Shared strings with rich text and escapes, as Excel writes them."""
    shared = shared_xml('<si><r><rPr><b/></rPr><t>Apoya</t></r><r><t xml:space="preserve"> con reserva</t></r></si>'
                        '<si><t>tab_x0009_y retorno_x000D_</t></si><si><t>theme-9</t></si>')
    rows = ('<row r="1"><c r="A1" t="s"><v>2</v></c><c r="B1" t="s"><v>0</v></c>'
            '<c r="C1" t="s"><v>1</v></c></row>')
    return build_xlsx(path("crafted.xlsx"), [("Hoja", sheet_xml(rows))], shared=shared,
                      defined_names="<definedName name=\"csn_ids\">Hoja!$A$1:$A$1</definedName>")


def round_trip(source):
    out = path("libreoffice")
    os.makedirs(out, exist_ok=True)
    subprocess.run([soffice, "--headless", "--norestore", f"-env:UserInstallation=file://{path('profile')}",
                    "--convert-to", "xlsx", "--outdir", out, source],
                   check=True, capture_output=True, timeout=300)
    result = os.path.join(out, os.path.basename(source))
    assert os.path.exists(result), f"LibreOffice wrote no {result}"
    return result


def relationship_ids(workbook_path):
    with zipfile.ZipFile(workbook_path) as package:
        workbook = package.read("xl/workbook.xml").decode()
    return re.findall(r'r:id="([^"]+)"', workbook)


def same_value(ours, theirs, where):
    assert ours["type"] == theirs["type"], (where, ours, theirs)
    if ours["type"] in ("number", "boolean"):
        assert abs(ours["number"] - theirs["number"]) <= 1e-9 * max(1, abs(ours["number"])), (where, ours, theirs)
    else:
        assert ours["text"] == theirs["text"], (where, ours, theirs)
    assert ours.get("date") == theirs.get("date"), (where, ours, theirs)


failures = []
for source in (openpyxl_source(), crafted_source()):
    converted = round_trip(source)
    before = read(dump, source)
    after = read(dump, converted)
    name = os.path.basename(source)
    try:
        # What makes the round trip worth testing: the file really was rewritten.
        with zipfile.ZipFile(converted) as package:
            sheet1 = package.read("xl/worksheets/sheet1.xml").decode()
            assert "xl/sharedStrings.xml" in package.namelist() and 'inlineStr' not in sheet1
        if name == "openpyxl.xlsx":
            assert relationship_ids(source) != relationship_ids(converted), relationship_ids(converted)

        assert [s["name"] for s in after["sheets"]] == [s["name"] for s in before["sheets"]]
        for original in before["sheets"]:
            saved = sheet(after, original["name"])
            assert saved["hidden_rows"] == original["hidden_rows"], original["name"]
            assert saved["protected"] == original["protected"], original["name"]
            # LibreOffice keeps a very hidden sheet hidden, but only as "hidden".
            expected_state = "hidden" if original["state"] == "veryHidden" else original["state"]
            assert saved["state"] == expected_state, (original["name"], saved["state"])
            for ref, cell in original["cells"].items():
                assert ref in saved["cells"], (name, original["name"], ref)
                same_value(saved["cells"][ref], cell, (name, original["name"], ref))
        for defined in before["names"]:
            assert column_values(after, defined["name"]) == column_values(before, defined["name"]), defined["name"]
        print(f"ok: {name} read the same after LibreOffice saved it")
    except AssertionError as failure:
        failures.append(f"{name}: {failure!r}")

for failure in failures:
    print(f"FAILED {failure}")
sys.exit(1 if failures else 0)
