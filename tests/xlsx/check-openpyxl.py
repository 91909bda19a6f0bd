#!/usr/bin/python3
"""check-openpyxl.py XLSX-DUMP: workbooks written and edited with openpyxl the way a delegation would
(types, dates, hidden rows and sheets, sorted, filtered and inserted rows, renamed and moved sheets),
read back with CsnXlsxBook and compared with what was typed and with openpyxl's own reading. TAP."""
import atexit
import datetime
import os
import shutil
import sys
import tempfile

import openpyxl
from openpyxl.workbook.defined_name import DefinedName

from xlsxtest import Tap, cells, column_values, name, read, sheet, texts

dump = sys.argv[1]
tmp = tempfile.mkdtemp(prefix="xlsx-openpyxl-")
atexit.register(shutil.rmtree, tmp, ignore_errors=True)
tap = Tap()


def path(base):
    return os.path.join(tmp, base)


def compare_with_openpyxl(book, workbook_path):
    """Every cell openpyxl reads has the same value in what CsnXlsxBook read, and no other cell."""
    workbook = openpyxl.load_workbook(workbook_path)
    for worksheet in workbook.worksheets:
        ours = cells(book, worksheet.title)
        seen = set()
        for row in worksheet.iter_rows():
            for cell in row:
                if cell.value is None or (isinstance(cell.value, str) and cell.value.startswith("=")):
                    continue
                ref = cell.coordinate
                seen.add(ref)
                assert ref in ours, f"{worksheet.title}!{ref} ({cell.value!r}) missing"
                mine = ours[ref]
                value = cell.value
                if isinstance(value, bool):
                    assert mine["type"] == "boolean" and mine["number"] == float(value), (ref, mine)
                elif isinstance(value, datetime.datetime):
                    assert mine["type"] == "number" and mine.get("is_date"), (ref, mine)
                    assert mine["date"] == value.date().isoformat(), (ref, mine, value)
                elif isinstance(value, (datetime.time, datetime.timedelta)):
                    assert mine["type"] == "number" and not mine.get("is_date"), (ref, mine)
                elif isinstance(value, (int, float)):
                    assert mine["type"] == "number" and not mine.get("is_date"), (ref, mine)
                    assert abs(mine["number"] - value) <= 1e-9 * max(1, abs(value)), (ref, mine, value)
                else:
                    assert mine["type"] == "string" and mine["text"] == value, (ref, mine, value)
        extra = set(ours) - seen
        assert not extra, f"{worksheet.title}: cells openpyxl does not see: {sorted(extra)}"


def test_values():
    workbook = openpyxl.Workbook()
    sheet_ = workbook.active
    sheet_.title = "Temas"
    sheet_["A1"] = "Texto simple"
    sheet_["A2"] = "Migración, niñez — “comillas” y 日本語 😀"
    sheet_["A3"] = "  espacios  "
    sheet_["A4"] = "línea 1\nlínea 2"
    sheet_["A5"] = "2025-03-14"
    sheet_["B1"] = True
    sheet_["B2"] = False
    sheet_["C1"] = 42
    sheet_["C2"] = -3.5
    sheet_["C3"] = 1e-10
    sheet_["C4"] = 0.1
    sheet_["C5"] = 123456789012
    sheet_["D1"] = datetime.date(2025, 3, 14)
    sheet_["D2"] = datetime.datetime(2024, 2, 29, 15, 30)
    sheet_["D3"] = datetime.time(10, 15)
    sheet_["D4"] = datetime.date(1900, 3, 1)
    sheet_["E1"] = "=C1*2"
    sheet_["E2"] = 7
    sheet_["E2"].number_format = "0.00"
    sheet_["E3"] = 45000
    sheet_["E3"].number_format = "[$-F800]dddd, mmmm dd, yyyy"
    sheet_["E4"] = 0.5
    sheet_["E4"].number_format = "[h]:mm"
    sheet_["E5"] = 45000
    sheet_["E5"].number_format = '"day" 0'
    workbook.save(path("values.xlsx"))

    book = read(dump, path("values.xlsx"))
    compare_with_openpyxl(book, path("values.xlsx"))
    got = cells(book, "Temas")
    assert got["A2"]["text"] == "Migración, niñez — “comillas” y 日本語 😀"
    assert got["A3"]["text"] == "  espacios  "
    assert got["A4"]["text"] == "línea 1\nlínea 2"
    # A date typed as text is a string, and still a date.
    assert got["A5"]["type"] == "string" and got["A5"]["date"] == "2025-03-14"
    assert got["B1"] == {"type": "boolean", "text": "TRUE", "number": 1.0}
    assert got["B2"] == {"type": "boolean", "text": "FALSE", "number": 0.0}
    assert got["C1"]["text"] == "42" and got["C1"]["number"] == 42
    assert got["C3"]["number"] == 1e-10
    assert got["C5"]["text"] == "123456789012"
    assert got["D1"]["is_date"] and got["D1"]["date"] == "2025-03-14"
    assert got["D2"]["is_date"] and got["D2"]["date"] == "2024-02-29"
    assert not got["D3"].get("is_date") and "date" not in got["D3"]
    assert got["D4"]["date"] == "1900-03-01"
    # A formula openpyxl wrote has no value until a spreadsheet program computes it.
    assert "E1" not in got
    assert not got["E2"].get("is_date")
    assert got["E3"]["is_date"] and got["E3"]["date"] == "2023-03-15"
    assert not got["E4"].get("is_date")
    assert not got["E5"].get("is_date")


def test_hidden_rows_sheets_and_protection():
    workbook = openpyxl.Workbook()
    visible = workbook.active
    visible.title = "Temas"
    for row in range(1, 8):
        visible.cell(row=row, column=1, value=f"fila {row}")
    visible.row_dimensions[3].hidden = True
    visible.row_dimensions[5].hidden = True
    visible.protection.sheet = True
    hidden = workbook.create_sheet("Oculta")
    hidden["A1"] = "oculta"
    hidden.sheet_state = "hidden"
    very_hidden = workbook.create_sheet("_consenso")
    very_hidden["A1"] = "draft-id"
    very_hidden["B1"] = "3f9a1c2e-0000-4000-8000-000000000000"
    very_hidden.sheet_state = "veryHidden"
    workbook.save(path("hidden.xlsx"))

    book = read(dump, path("hidden.xlsx"))
    compare_with_openpyxl(book, path("hidden.xlsx"))
    assert [s["state"] for s in book["sheets"]] == ["visible", "hidden", "veryHidden"]
    assert sheet(book, "Temas")["hidden_rows"] == [3, 5]
    assert sheet(book, "Temas")["protected"] is True
    assert sheet(book, "Oculta")["protected"] is False
    assert texts(book, "_consenso") == {"A1": "draft-id", "B1": "3f9a1c2e-0000-4000-8000-000000000000"}


def answers_workbook():
    """A small delegation workbook: ids and stances, located by defined names."""
    workbook = openpyxl.Workbook()
    themes = workbook.active
    themes.title = "Temas"
    themes.append(["ID", "Título", "Postura"])
    for number, stance in enumerate(["Apoya", "Objeta", "", "Se abstiene", "Apoya con reserva"], start=1):
        themes.append([f"theme-{number}", f"Tema {number}", stance or None])
    strategies = workbook.create_sheet("Estrategias")
    strategies.append(["ID", "Postura"])
    strategies.append(["strategy-1", "Apoya"])
    meta = workbook.create_sheet("_consenso")
    meta.sheet_state = "veryHidden"
    meta["A1"] = "Temas"
    workbook.defined_names.append(DefinedName("csn_theme_ids", attr_text="Temas!$A$2:$A$6"))
    workbook.defined_names.append(DefinedName("csn_theme_stances", attr_text="Temas!$C$2:$C$6"))
    workbook.defined_names.append(DefinedName("csn_local", attr_text="Estrategias!$B$2", localSheetId=1))
    return workbook


def pairs(book):
    ids = column_values(book, "csn_theme_ids")
    stances = column_values(book, "csn_theme_stances")
    return {i: s for i, s in zip(ids, stances) if i is not None}


def test_names_follow_renamed_and_moved_sheets():
    workbook = answers_workbook()
    workbook.save(path("names-before.xlsx"))
    before = read(dump, path("names-before.xlsx"))
    assert pairs(before)["theme-2"] == "Objeta"

    # What Excel does when a person renames "Temas" and drags it after "Estrategias": the names
    # follow the sheet, and the sheet-scoped name's localSheetId follows its sheet.
    workbook = answers_workbook()
    themes = workbook["Temas"]
    themes.title = "Matriz de México's"
    workbook.move_sheet(themes, offset=1)
    for defined in workbook.defined_names.definedName:
        if defined.name.startswith("csn_theme"):
            defined.attr_text = defined.attr_text.replace("Temas!", "'Matriz de México''s'!")
        if defined.name == "csn_local":
            defined.localSheetId = 0
    workbook.save(path("names-after.xlsx"))

    after = read(dump, path("names-after.xlsx"))
    assert [s["name"] for s in after["sheets"]] == ["Estrategias", "Matriz de México's", "_consenso"]
    assert name(after, "csn_theme_ids")["formula"] == "'Matriz de México''s'!$A$2:$A$6"
    assert name(after, "csn_theme_ids")["sheet"] == "Matriz de México's"
    assert name(after, "csn_theme_ids")["range"] == [1, 0, 5, 0]
    assert name(after, "csn_local")["scope"] == 0 and name(after, "csn_local")["sheet"] == "Estrategias"
    assert pairs(after) == pairs(before)


def test_sorted_filtered_and_inserted_rows():
    workbook = answers_workbook()
    themes = workbook["Temas"]
    # What the sheet looks like after a person sorted it by stance, descending, inserted a row for
    # a note inside the table (Excel extends every name that spans it) and filtered out the rows
    # with no stance.
    rows = [["theme-4", "Tema 4", "Se abstiene"], ["theme-2", "Tema 2", "Objeta"],
            [None, "una nota de la delegación", None], ["theme-5", "Tema 5", "Apoya con reserva"],
            ["theme-1", "Tema 1", "Apoya"], ["theme-3", "Tema 3", None]]
    for index, row in enumerate(rows, start=2):
        for column, value in enumerate(row, start=1):
            themes.cell(row=index, column=column).value = value
    for defined in workbook.defined_names.definedName:
        defined.attr_text = defined.attr_text.replace("$6", "$7")
    themes.auto_filter.ref = "A1:C7"
    themes.row_dimensions[4].hidden = True
    themes.row_dimensions[7].hidden = True
    workbook.save(path("sorted.xlsx"))

    book = read(dump, path("sorted.xlsx"))
    compare_with_openpyxl(book, path("sorted.xlsx"))
    assert pairs(book) == {"theme-1": "Apoya", "theme-2": "Objeta", "theme-3": None,
                           "theme-4": "Se abstiene", "theme-5": "Apoya con reserva"}
    assert texts(book, "Temas")["A2"] == "theme-4"
    assert sheet(book, "Temas")["hidden_rows"] == [4, 7]
    assert name(book, "_xlnm._FilterDatabase")["scope"] == 0
    assert name(book, "_xlnm._FilterDatabase")["hidden"] is True


tap.run("values: strings, booleans, numbers, dates, formulas without results", test_values)
tap.run("hidden rows, hidden and veryHidden sheets, sheet protection", test_hidden_rows_sheets_and_protection)
tap.run("defined names follow renamed and moved sheets", test_names_follow_renamed_and_moved_sheets)
tap.run("rows sorted, filtered and inserted: answers still pair with their ids", test_sorted_filtered_and_inserted_rows)
tap.finish()
