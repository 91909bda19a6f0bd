#!/usr/bin/python3
"""check-answers.py: the delegations' workbooks exported by the real consenso binary, read with openpyxl
(protection, unlocked answer cells, drop-downs, hidden sheet, defined names, filled-in positions, both
languages), answered the way a person would, imported with --import-answers and compared with what was
typed; conflicts, stale and misplaced answers listed; every bad workbook refused with its message and
nothing changed. TAP."""
import argparse
import base64
import datetime
import os
import re
import shutil
import tempfile
import zipfile

import openpyxl

from answerstest import (ENGLISH, MEMBERS, STANCES, STATUSES, TABLES, Labels, Tap, answer, columns_named,
                         digest, export, hide_rows, info, insert_row, load_json, make_draft, names, position,
                         read_answer, rename_sheet, resolve, rows_by_id, run, sort_rows, workbook_path)

parser = argparse.ArgumentParser()
parser.add_argument("--consenso", required=True)
parser.add_argument("--template", required=True)
parser.add_argument("--catalog", required=True)
parser.add_argument("--encrypted", required=True, help="an OLE2 (password-protected) workbook")
options = parser.parse_args()

consenso = options.consenso
labels = Labels(options.catalog)
tmp = tempfile.mkdtemp(prefix="check-answers-")
tap = Tap()


def path(*parts):
    return os.path.join(tmp, *parts)


DRAFT = path("draft.consenso")
draft = make_draft(options.template, DRAFT)
EXPORTED = path("exported")
paths = export(consenso, DRAFT, EXPORTED)


def language_of(code):
    return "en" if code in ENGLISH else "es"


def test_files():
    assert len(paths) == len(MEMBERS), paths
    assert sorted(os.listdir(EXPORTED)) == sorted(os.path.basename(p) for p in paths), os.listdir(EXPORTED)
    for code in MEMBERS:
        name = os.path.basename(workbook_path(EXPORTED, code, paths))
        assert name.isascii() and not set(name) & set('<>:"/\\|?*'), name


def check_workbook(code, file_path, language):
    L = lambda msgid: labels(language, msgid)  # noqa: E731
    wb = openpyxl.load_workbook(file_path)
    expected_sheets = [L("Instructions"), L("Theme matrix"), L("Theme texts"), L("Strategies"), L("Mechanisms"),
                       L("Role proposals"), L("Endorsement"), "Consenso"]
    assert wb.sheetnames == expected_sheets, (wb.sheetnames, expected_sheets)
    for ws in wb.worksheets:
        assert ws.protection.sheet, f"{ws.title} is not protected"
        assert ws.protection.password is None, f"{ws.title} has a password"
        assert ws.sheet_state == ("hidden" if ws.title == "Consenso" else "visible"), (ws.title, ws.sheet_state)

    meta = info(wb)
    assert meta["format"] == "consenso-answers" and meta["version"] == "1", meta
    assert meta["country"] == code and meta["language"] == language, meta
    assert meta["draft_title"] == draft["meeting"]["title"], meta
    assert len(meta["revision"]) == 36 and meta["exported"].endswith("Z"), meta
    datetime.datetime.fromisoformat(meta["exported"][:-1])
    datetime.date.fromisoformat(meta["date"])

    # The drop-downs' lists are the labels in the workbook's language.
    ws, col, first, _, last = resolve(wb, "Consenso_Stances")
    assert [ws.cell(row=r, column=col).value for r in range(first, last + 1)] == [L(s) for s in STANCES]
    ws, col, first, _, last = resolve(wb, "Consenso_Statuses")
    assert [ws.cell(row=r, column=col).value for r in range(first, last + 1)] == [L(s) for s in STATUSES]

    positions = {(p["country"], p["item"]): p for p in draft["positions"]}
    for sheet, key, collection in TABLES:
        ws, id_col, header_row, _, last_row = resolve(wb, f"Consenso_{key}_Id")
        stance_ws, stance_col, _, _, _ = resolve(wb, f"Consenso_{key}_Stance")
        comment_ws, comment_col, _, _, _ = resolve(wb, f"Consenso_{key}_Comment")
        assert ws.title == L(sheet) and stance_ws is ws and comment_ws is ws, (ws.title, sheet)
        assert header_row == 2, header_row
        assert ws.cell(row=header_row, column=id_col).value == L("ID")
        assert ws.cell(row=header_row, column=stance_col).value == L("Your position")
        assert ws.cell(row=header_row, column=comment_col).value == L("Your comment")
        # Above the header, a hidden row says which column is which, for programs that leave names behind.
        assert ws.row_dimensions[1].hidden
        for column, suffix in ((id_col, "id"), (stance_col, "stance"), (comment_col, "comment")):
            assert ws.cell(row=1, column=column).value == f"consenso:{key}:{suffix}", (sheet, column)
        items = draft[collection]
        assert last_row == len(items) + 2, (sheet, last_row, len(items))
        # A drop-down on the stance cells, refusing what is not in the list.
        validations = [v for v in ws.data_validations.dataValidation if v.formula1 == "Consenso_Stances"]
        assert len(validations) == 1 and validations[0].type == "list", [v.formula1 for v in ws.data_validations.dataValidation]
        assert validations[0].showErrorMessage and validations[0].errorStyle in (None, "stop")
        assert f"{ws.cell(row=3, column=stance_col).column_letter}3" in str(validations[0].sqref) or not items
        for row, item in enumerate(items, start=3):
            assert ws.cell(row=row, column=id_col).value == item["id"]
            for column in range(1, ws.max_column + 1):
                locked = ws.cell(row=row, column=column).protection.locked
                assert locked == (column not in (stance_col, comment_col)), (sheet, row, column, locked)
            filled = positions.get((code, item["id"]))
            stance, comment = ws.cell(row=row, column=stance_col).value, ws.cell(row=row, column=comment_col).value
            if filled is None:
                assert stance is None and comment is None, (sheet, item["id"], stance, comment)
            else:
                assert stance == L(STANCES[["supports", "supports-with-reservation", "objects", "abstains",
                                            "no-position"].index(filled["stance"])]), (stance, filled)
                assert (comment or "") == filled["comment"], (comment, filled)
        assert all(ws.cell(row=2, column=c).protection.locked for c in range(1, ws.max_column + 1))

    # The endorsement row: its country locked, its status, date and note open.
    ws = wb[L("Endorsement")]
    for suffix, locked in (("Country", True), ("Status", False), ("Date", False), ("Note", False)):
        sheet, column, row, _, _ = resolve(wb, f"Consenso_Endorsement_{suffix}")
        assert sheet is ws and sheet.cell(row=row, column=column).protection.locked == locked, suffix
    sheet, column, row, _, _ = resolve(wb, "Consenso_Endorsement_Country")
    assert sheet.cell(row=row, column=column).value == code
    sheet, column, row, _, _ = resolve(wb, "Consenso_Endorsement_Status")
    assert sheet.cell(row=row, column=column).value == L("Pending")
    assert any(v.formula1 == "Consenso_Statuses" for v in ws.data_validations.dataValidation)

    # The instructions: for whom, until when, where to, what each answer means, the horizons, the roles.
    text = "\n".join(str(value) for row in wb[L("Instructions")].iter_rows(values_only=True) for value in row
                     if value is not None)
    country_name = next(c["name"][language] for c in draft["countries"] if c["code"] == code)
    assert L("Answers of the delegation of %s") % country_name in text, text[:300]
    assert "2011-11-30" in text, "no deadline"
    assert draft["meeting"]["answers_to"] in text and "ana.perez@mirex.example" in text, "no contacts"
    for stance in STANCES:
        assert L(stance) in text, stance
    assert L("Within the next Pro Tempore Presidency (about one year).") in text
    assert L("Two to three cycles of the Pro Tempore Presidency.") in text
    for actor in draft["actors"]:
        assert actor["name"][language] in text, actor["id"]
    return wb


def test_every_workbook():
    for code in MEMBERS:
        check_workbook(code, workbook_path(EXPORTED, code, paths), language_of(code))


def test_language_override():
    english = export(consenso, DRAFT, path("english"), "en")
    for code in ("MX", "DO"):
        check_workbook(code, workbook_path(path("english"), code, english), "en")
    spanish = export(consenso, DRAFT, path("spanish"), "es")
    check_workbook("CA", workbook_path(path("spanish"), "CA", spanish), "es")


def test_full_workbook_has_no_dropdowns():
    out = path("full.xlsx")
    result = run(consenso, ["--export-xlsx", out, DRAFT])
    assert result.returncode == 0, result.stderr
    wb = openpyxl.load_workbook(out)
    for ws in wb.worksheets:
        assert not ws.data_validations.dataValidation, ws.title
    assert not [d for d in names(wb) if d.startswith("Consenso_")]


def import_answers(out, *workbooks, draft_path=DRAFT):
    before = digest(draft_path)
    result = run(consenso, ["--import-answers", out, draft_path] + list(workbooks))
    assert digest(draft_path) == before, "the draft file changed"
    return result


def answered_like_a_person():
    """Mexico answers in Spanish, with some labels in English; Canada in English, some in Spanish."""
    mexico = path("answered", "mexico.xlsx")
    canada = path("answered", "canada.xlsx")
    os.makedirs(path("answered"), exist_ok=True)

    wb = openpyxl.load_workbook(workbook_path(EXPORTED, "MX", paths))
    themes = wb[labels("es", "Theme matrix")]
    sort_rows(themes, 3, 3)                   # by theme, Z to A
    insert_row(wb, themes, 4)                 # a row for notes of its own
    themes.cell(row=4, column=3).value = "Nota interna de la cancillería"
    answer(wb, "Theme", "theme-1", "objects", "No es prioritario")           # English label, lower case
    answer(wb, "Theme", "theme-2", None, "Reserva sobre el plazo de ejecución")
    answer(wb, "Theme", "theme-3", "  SE ABSTIENE ", "Consulta pendiente")    # spaces and capitals
    answer(wb, "Theme", "theme-4", "apoya con reserva", "Con reserva sobre el financiamiento")
    hide_rows(themes, [5, 6])                 # filtered away: still answers
    strategies = wb[labels("es", "Strategies")]
    rename_sheet(wb, strategies, "Estrategias (revisado)")
    wb.move_sheet(strategies, offset=3)
    answer(wb, "Strategy", "strategy-2", "Apoya")
    answer(wb, "Mechanism", "mechanism-1", None, "Comentario sin postura")
    answer(wb, "Proposal", "proposal-1", "Apoya")
    answer(wb, "Proposal", "proposal-2", "Se opone", "Ya lo hace la Secretaría")
    sheet, column, row, _, _ = resolve(wb, "Consenso_Endorsement_Status")
    sheet.cell(row=row, column=column).value = "Respaldado con reservas"
    sheet, column, row, _, _ = resolve(wb, "Consenso_Endorsement_Date")
    sheet.cell(row=row, column=column).value = datetime.date(2011, 12, 2)
    sheet, column, row, _, _ = resolve(wb, "Consenso_Endorsement_Note")
    sheet.cell(row=row, column=column).value = "Con reservas sobre el tema 4"
    wb.save(mexico)

    wb = openpyxl.load_workbook(workbook_path(EXPORTED, "CA", paths))
    answer(wb, "Theme", "theme-1", "Supports with a reservation", "On the timing")
    answer(wb, "Theme", "theme-2", "Apoya")                                  # a Spanish label
    answer(wb, "Strategy", "strategy-1", "", "")                             # withdrawn
    answer(wb, "Mechanism", "mechanism-2", "ABSTAINS")
    answer(wb, "Proposal", "proposal-1", "Supports")
    rename_sheet(wb, wb["Theme matrix"], "Canada's themes")
    wb.move_sheet("Consenso", offset=-3)
    wb.save(canada)
    return mexico, canada


def by_key(d, country, item):
    found = [p for p in d["positions"] if p["country"] == country and p["item"] == item]
    assert len(found) <= 1, found
    return found[0] if found else None


def test_person_answers():
    mexico, canada = answered_like_a_person()
    out = path("answered", "out.consenso")
    result = import_answers(out, mexico, canada)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "", result.stdout
    after = load_json(out)
    date = info(openpyxl.load_workbook(mexico))["date"]

    expected = {
        ("MX", "theme-1"): ("objects", "No es prioritario"),
        ("MX", "theme-2"): ("supports-with-reservation", "Reserva sobre el plazo de ejecución"),
        ("MX", "theme-3"): ("abstains", "Consulta pendiente"),
        ("MX", "theme-4"): ("supports-with-reservation", "Con reserva sobre el financiamiento"),
        ("MX", "strategy-2"): ("supports", ""),
        ("MX", "mechanism-1"): ("no-position", "Comentario sin postura"),
        ("MX", "proposal-1"): ("supports", ""),
        ("MX", "proposal-2"): ("objects", "Ya lo hace la Secretaría"),
        ("CA", "theme-1"): ("supports-with-reservation", "On the timing"),
        ("CA", "theme-2"): ("supports", ""),
        ("CA", "strategy-1"): ("no-position", ""),
        ("CA", "mechanism-2"): ("abstains", ""),
        ("CA", "proposal-1"): ("supports", ""),
    }
    for (country, item), (stance, comment) in expected.items():
        found = by_key(after, country, item)
        assert found is not None, (country, item)
        assert (found["stance"], found["comment"]) == (stance, comment), (country, item, found)
        assert found["source"] == "workbook" and found["received"] == date, found
    assert len(after["positions"]) == len(expected), [(p["country"], p["item"]) for p in after["positions"]]

    themes = {t["id"]: t for t in after["themes"]}
    assert themes["theme-1"]["reservations"] == [{"country": "CA", "text": "On the timing"}], themes["theme-1"]
    assert themes["theme-2"]["reservations"] == [{"country": "MX", "text": "Reserva sobre el plazo de ejecución"}]
    assert themes["theme-4"]["reservations"] == [{"country": "MX", "text": "Con reserva sobre el financiamiento"}]
    proposals = {p["id"]: p for p in after["role_proposals"]}
    assert proposals["proposal-1"]["supported_by"] == ["CR", "CA", "MX"], proposals["proposal-1"]
    assert proposals["proposal-2"]["supported_by"] == [], proposals["proposal-2"]
    endorsement = next(e for e in after["endorsements"] if e["country"] == "MX")
    assert endorsement == {"country": "MX", "status": "endorsed-with-reservations", "date": "2011-12-02",
                           "note": "Con reservas sobre el tema 4"}, endorsement
    assert next(e for e in after["endorsements"] if e["country"] == "CA")["status"] == "pending"

    # Nothing else moved: the group's own decisions are not the delegations' to change.
    for key in ("meeting", "countries", "pillars", "actors", "strategies", "mechanisms", "participants"):
        assert after[key] == draft[key], key
    for theme in draft["themes"]:
        changed = dict(themes[theme["id"]], reservations=theme["reservations"])
        assert changed == theme, theme["id"]


def test_untouched_after_libreoffice_style_edits():
    """Re-exported after the import, the workbooks are filled in with the answers; untouched, they bring nothing."""
    out = path("answered", "out.consenso")
    again = export(consenso, out, path("again"))
    wb = openpyxl.load_workbook(workbook_path(path("again"), "MX", again))
    assert read_answer(wb, "Theme", "theme-1") == ("Se opone", "No es prioritario")
    assert read_answer(wb, "Proposal", "proposal-2") == ("Se opone", "Ya lo hace la Secretaría")
    result = import_answers(path("again", "out.consenso"), *again, draft_path=out)
    assert result.returncode == 0 and result.stdout == "", (result.stdout, result.stderr)
    assert load_json(path("again", "out.consenso"))["positions"] == load_json(out)["positions"]


def lines_of(result):
    return [line for line in result.stdout.split("\n") if line]


def test_conflicts_and_stale_answers():
    """What the draft changed since the export, deleted items, answers older than the draft's: listed, not applied."""
    workbooks = path("stale")
    exported = export(consenso, DRAFT, workbooks)
    wb = openpyxl.load_workbook(workbook_path(workbooks, "MX", exported))
    answer(wb, "Theme", "theme-1", "Se opone")                   # the draft says abstains meanwhile
    answer(wb, "Theme", "theme-3", "Apoya")                      # theme-3 deleted meanwhile
    answer(wb, "Theme", "theme-5", "Apoya")                      # the draft has a newer answer
    answer(wb, "Theme", "theme-6", "Se opone")                   # nothing in the way
    old = path("stale", "mexico-old.xlsx")
    wb.save(old)

    def meanwhile(d):
        d["themes"] = [t for t in d["themes"] if t["id"] != "theme-3"]
        d["strategies"] = [s for s in d["strategies"] if s["theme"] != "theme-3"]
        d["positions"][0]["stance"] = "abstains"
        d["positions"].append(position("position-9", "MX", "theme-5", "objects", "", "workbook", "2999-01-01"))
    changed = path("stale", "changed.consenso")
    make_draft(options.template, changed, meanwhile)
    out = path("stale", "out.consenso")
    result = import_answers(out, old, draft_path=changed)
    assert result.returncode == 0, result.stderr
    lines = lines_of(result)
    assert len(lines) == 3, lines
    assert all(line.startswith("mexico-old.xlsx: ") for line in lines), lines
    assert any("not applied, conflict: The draft’s position changed after this workbook was exported "
               "(the draft has “Abstains”)" in line for line in lines), lines
    assert any("theme-3" in line and "The theme was removed from the draft after this workbook was exported" in line
               for line in lines), lines
    assert any("Older than the answer already in the draft (received 2999-01-01)" in line for line in lines), lines
    after = load_json(out)
    assert by_key(after, "MX", "theme-1")["stance"] == "abstains"
    assert by_key(after, "MX", "theme-3") is None
    assert by_key(after, "MX", "theme-5")["stance"] == "objects"
    assert by_key(after, "MX", "theme-6")["stance"] == "objects"

    # A later export's answer wins over an earlier one's, whatever order the files come in.
    later = export(consenso, DRAFT, path("stale", "later"))
    wb = openpyxl.load_workbook(workbook_path(path("stale", "later"), "MX", later))
    answer(wb, "Theme", "theme-6", "Apoya")
    new = path("stale", "mexico-new.xlsx")
    wb.save(new)
    out = path("stale", "out2.consenso")
    result = import_answers(out, new, old)
    assert result.returncode == 0, result.stderr
    assert by_key(load_json(out), "MX", "theme-6")["stance"] == "supports"
    assert any(line.startswith("mexico-old.xlsx: ") and "Older than the answer in mexico-new.xlsx" in line
               for line in lines_of(result)), lines_of(result)


def rewrite(source, target, replace=None, drop=()):
    """A copy of a workbook with some parts replaced or dropped, as a damaged or crafted file would be."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            if item.filename in drop:
                continue
            data = src.read(item.filename)
            if replace and item.filename in replace:
                data = replace[item.filename](data)
            dst.writestr(item.filename, data)
    return target


def expect_refused(file_path, *fragments):
    out = path("refused", "out.consenso")
    if os.path.exists(out):
        os.unlink(out)
    result = import_answers(out, file_path)
    assert result.returncode == 1, (result.returncode, result.stdout, result.stderr)
    assert not os.path.exists(out), "OUT was written"
    assert result.stdout == "", result.stdout
    name = os.path.basename(file_path)
    assert result.stderr.startswith(name + ": "), result.stderr
    for fragment in fragments:
        assert fragment in result.stderr, (fragment, result.stderr)
    return result.stderr


def test_bad_workbooks():
    os.makedirs(path("refused"), exist_ok=True)
    good = workbook_path(EXPORTED, "MX", paths)
    sheet = "xl/worksheets/sheet2.xml"

    text = path("refused", "answers.xlsx")
    with open(text, "w") as f:
        f.write("ID;Postura\ntheme-1;Apoya\n")
    expect_refused(text, "this is not an Excel workbook")

    package = path("refused", "package.xlsx")
    with zipfile.ZipFile(package, "w") as z:
        z.writestr("respuestas.txt", "Apoya")
    expect_refused(package, "a zip file but not an Excel workbook")

    expect_refused(path("full.xlsx") if os.path.exists(path("full.xlsx")) else good,
                   "this is not a workbook Consenso exported for a delegation to answer in")

    other = path("refused", "other.consenso")
    make_draft(options.template, other, lambda d: d["meeting"].update(title="Otra reunión"))
    other_paths = export(consenso, other, path("refused", "other"))
    expect_refused(workbook_path(path("refused", "other"), "MX", other_paths),
                   "this workbook was exported from another draft (“Otra reunión”)")

    with open(good, "rb") as f:
        data = f.read()
    truncated = path("refused", "truncated.xlsx")
    with open(truncated, "wb") as f:
        f.write(data[:len(data) // 2])
    expect_refused(truncated, "the file is incomplete or damaged")

    encrypted = path("refused", "encrypted.xlsx")
    shutil.copy(options.encrypted, encrypted)
    expect_refused(encrypted, "password")

    strict = rewrite(good, path("refused", "strict.xlsx"), {"xl/workbook.xml": lambda x: x.replace(
        b"http://schemas.openxmlformats.org/spreadsheetml/2006/main", b"http://purl.oclc.org/ooxml/spreadsheetml/main")})
    expect_refused(strict, "Strict Open XML")

    bomb = rewrite(good, path("refused", "bomb.xlsx"), {sheet: lambda x: x.replace(
        b"</worksheet>", b"<!--" + b" " * (70 << 20) + b"--></worksheet>")})
    assert os.path.getsize(bomb) < 1 << 20
    expect_refused(bomb, "more than 64 MiB once unpacked")

    entities = rewrite(good, path("refused", "entities.xlsx"), {sheet: lambda x: x.replace(
        b"?>", b'?>\n<!DOCTYPE worksheet [<!ENTITY secret SYSTEM "file:///etc/passwd">]>', 1)})
    expect_refused(entities, "a document type declaration (DOCTYPE)")

    outside = rewrite(good, path("refused", "outside.xlsx"), {"xl/_rels/workbook.xml.rels": lambda x: x.replace(
        b'Target="worksheets/sheet2.xml"', b'Target="../../etc/passwd"')})
    expect_refused(outside, "a relationship points outside the workbook (“../../etc/passwd”)")

    def million_rows(xml):
        rows = "".join(f'<row r="{r}"><c r="A{r}"><v>{r}</v></c></row>' for r in range(10, 1000011))
        return xml.replace(b"</sheetData>", rows.encode() + b"</sheetData>")
    rows = rewrite(good, path("refused", "rows.xlsx"), {sheet: million_rows})
    expect_refused(rows, "the sheet has more than 100000 rows")

    # openpyxl cuts texts at Excel's limit: the 10 MB cell is written into the part itself, random
    # letters so that the part is not refused for its compression ratio first.
    ten_megabytes = base64.b64encode(os.urandom(15 << 19))
    long_cell = rewrite(good, path("refused", "long.xlsx"), {sheet: lambda x: re.sub(
        rb'<c r="E3" s="(\d+)"/>', lambda m: b'<c r="E3" s="' + m.group(1) + b'" t="inlineStr"><is><t>'
        + ten_megabytes + b"</t></is></c>", x, count=1)})
    themes = labels("es", "Theme matrix")
    expect_refused(long_cell, f"sheet “{themes}”, cell E3: the text is longer than 32,767 characters")

    # Cells that hold no answer are named, sheet and cell; nothing of the file is imported.
    wb = openpyxl.load_workbook(good)
    answer(wb, "Theme", "theme-1", "Sí")
    answer(wb, "Strategy", "strategy-1", 3)
    ws, row = rows_by_id(wb, "Mechanism")["mechanism-2"]
    insert_row(wb, ws, row)
    ws.cell(row=row, column=columns_named(ws, 2)[labels("es", "Your position")]).value = "Apoya"
    sheet, column, row, _, _ = resolve(wb, "Consenso_Endorsement_Date")
    sheet.cell(row=row, column=column).value = "el martes"
    bad_cells = path("refused", "cells.xlsx")
    wb.save(bad_cells)
    errors = expect_refused(bad_cells,
                            f"cells.xlsx: sheet “{themes}”, cell D3: “Sí” is not one of the answers "
                            "(Apoya, Apoya con reserva, Se opone, Se abstiene, Sin postura)",
                            f"cells.xlsx: sheet “{labels('es', 'Strategies')}”, cell E3: “3” is not one of the answers",
                            f"cells.xlsx: sheet “{labels('es', 'Mechanisms')}”, cell C4: an answer on a row without "
                            "an item ID is not read",
                            "cell D3: “el martes” is not a date: write it as 2011-11-30")
    assert errors.strip().split("\n")[-1] == f"Nothing was imported: {path('refused', 'out.consenso')} is not written"

    # A sheet renamed and its marker row deleted: neither the names nor the markers find the answers.
    wb = openpyxl.load_workbook(good)
    wb[themes].title = "Temas"
    wb["Temas"].delete_rows(1)
    renamed = path("refused", "renamed.xlsx")
    wb.save(renamed)
    expect_refused(renamed, f"the name “Consenso_Theme_Id” refers to sheet “{themes}”, which the workbook does not have "
                            "(the workbook was changed in a way Consenso cannot follow)")

    # A column deleted by a program that leaves the names behind: its marker went with it.
    wb = openpyxl.load_workbook(good)
    wb[themes].delete_cols(4)
    deleted = path("refused", "deleted.xlsx")
    wb.save(deleted)
    expect_refused(deleted, f"sheet “{themes}”: the column “Consenso_Theme_Stance” is gone "
                            "(the workbook was changed in a way Consenso cannot follow)")

    # Any refusal among several workbooks: nothing is imported, not even the good ones.
    out = path("refused", "out.consenso")
    result = import_answers(out, good, truncated)
    assert result.returncode == 1 and not os.path.exists(out), result.stderr


def marker_column(ws, key, suffix):
    for row in ws.iter_rows():
        for cell in row:
            if cell.value == f"consenso:{key}:{suffix}":
                return cell.row, cell.column
    raise AssertionError(f"no marker {key}:{suffix} in {ws.title}")


def answer_by_markers(ws, key, item, stance):
    """Types an answer the way the markers, not the names, say: what a script with openpyxl finds."""
    marker_row, id_column = marker_column(ws, key, "id")
    _, stance_column = marker_column(ws, key, "stance")
    for row in range(marker_row + 2, ws.max_row + 1):
        if ws.cell(row=row, column=id_column).value == item:
            ws.cell(row=row, column=stance_column).value = stance
            return
    raise AssertionError(f"no row for {item}")


def test_names_left_behind():
    """openpyxl renames sheets and inserts rows and columns without updating the defined names: the
    hidden markers above the columns still find the answers."""
    wb = openpyxl.load_workbook(workbook_path(EXPORTED, "GT", paths))
    themes = wb[labels("es", "Theme matrix")]
    themes.title = "Temas de Guatemala"
    themes.insert_rows(1, 2)
    themes.insert_cols(1)
    answer_by_markers(themes, "Theme", "theme-1", "Se opone")
    strategies = wb[labels("es", "Strategies")]
    strategies.insert_rows(5)
    answer_by_markers(strategies, "Strategy", "strategy-7", "Apoya")
    wb["Consenso"].title = "Datos"
    endorsement = wb[labels("es", "Endorsement")]
    endorsement.insert_cols(1, 2)
    endorsement.cell(row=3, column=5).value = "Respaldado"
    guatemala = path("guatemala.xlsx")
    wb.save(guatemala)

    out = path("guatemala.consenso")
    result = import_answers(out, guatemala)
    assert result.returncode == 0 and result.stdout == "", (result.stdout, result.stderr)
    after = load_json(out)
    assert by_key(after, "GT", "theme-1")["stance"] == "objects"
    assert by_key(after, "GT", "strategy-7")["stance"] == "supports"
    assert next(e for e in after["endorsements"] if e["country"] == "GT")["status"] == "endorsed"


def test_command_line():
    result = run(consenso, ["--import-answers", path("cli.consenso"), DRAFT])
    assert result.returncode == 1 and "--import-answers needs a draft file and at least one workbook" in result.stderr
    result = run(consenso, ["--import-answers", path("cli.consenso"), path("missing.consenso"), paths[0]])
    assert result.returncode == 1 and "missing.consenso" in result.stderr, result.stderr
    result = run(consenso, ["--export-delegations", path("cli"), DRAFT, DRAFT])
    assert result.returncode == 1 and "--export-delegations needs exactly one draft file" in result.stderr
    result = run(consenso, ["--export-delegations", path("cli"), "--export-language", "fr", DRAFT])
    assert result.returncode == 1 and "Unknown export language “fr”" in result.stderr
    assert not os.path.exists(path("cli"))
    # Spanish messages for Spanish users.
    result = run(consenso, ["--import-answers", path("cli.consenso"), DRAFT], language="es")
    assert result.returncode == 1 and "--import-answers necesita" in result.stderr, result.stderr
    # Untouched workbooks: nothing to list, and OUT is the draft as it was.
    out = path("cli.consenso")
    result = import_answers(out, *paths)
    assert result.returncode == 0 and result.stdout == "", (result.stdout, result.stderr)
    assert load_json(out)["positions"] == draft["positions"]


tap.run("one workbook per member state, with names every system keeps", test_files)
tap.run("every workbook: protection, answer cells, drop-downs, names, hidden sheet, filled-in positions, instructions",
        test_every_workbook)
tap.run("--export-language overrides each country's language", test_language_override)
tap.run("the full workbook has no drop-downs on the group's decisions", test_full_workbook_has_no_dropdowns)
tap.run("answers typed like a person does (sorted, filtered, a row inserted, sheets renamed and moved, labels "
        "in either language) are imported as typed", test_person_answers)
tap.run("re-exported workbooks are filled in with the answers; untouched, they bring nothing",
        test_untouched_after_libreoffice_style_edits)
tap.run("conflicts, deleted items and older answers are listed, not applied", test_conflicts_and_stale_answers)
tap.run("sheets renamed, rows and columns inserted by a program that leaves the names behind: the markers "
        "find the answers", test_names_left_behind)
tap.run("bad workbooks are refused with the file, sheet and cell named, and nothing is written",
        test_bad_workbooks)
tap.run("the command line's arguments and messages", test_command_line)
shutil.rmtree(tmp, ignore_errors=True)
tap.finish()
