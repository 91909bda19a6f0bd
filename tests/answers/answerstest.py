"""answerstest.py: what the answers' Python tests share: the draft they start from, running consenso,
reading a delegation's workbook with openpyxl, and answering in it the way a person does in a
spreadsheet program (which keeps defined names pointing at their cells when sheets are renamed or
rows inserted; openpyxl does not, so these helpers do it as Excel and LibreOffice would)."""
import copy
import gettext
import hashlib
import json
import os
import re
import subprocess
import sys
import warnings

import openpyxl
from openpyxl.utils import get_column_letter, range_boundaries

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "xlsx"))
from xlsxtest import Tap  # noqa: E402,F401 - shared TAP runner

warnings.simplefilter("ignore")  # openpyxl warns about data validation extensions it does not read

STANCES = ["Supports", "Supports with a reservation", "Objects", "Abstains", "No position"]
STANCE_NICKS = ["supports", "supports-with-reservation", "objects", "abstains", "no-position"]
STATUSES = ["Pending", "Endorsed", "Endorsed with reservations", "Not endorsed"]
MEMBERS = ["BZ", "CA", "CR", "SV", "US", "GT", "HN", "MX", "NI", "PA", "DO"]
ENGLISH = {"BZ", "CA", "US"}
TABLES = [("Theme matrix", "Theme", "themes"), ("Strategies", "Strategy", "strategies"),
          ("Mechanisms", "Mechanism", "mechanisms"), ("Role proposals", "Proposal", "role_proposals")]


class Labels:
    """Fixed labels in a workbook's language: the msgid in English, es.mo's text in Spanish."""

    def __init__(self, catalog_path):
        with open(catalog_path, "rb") as catalog:
            self.catalog = gettext.GNUTranslations(catalog)

    def __call__(self, language, msgid):
        return msgid if language == "en" else self.catalog.gettext(msgid)


def run(consenso, args, language="en"):
    env = dict(os.environ, LANGUAGE=language)
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    return subprocess.run([consenso] + args, capture_output=True, text=True, env=env, timeout=300)


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def position(pid, country, item, stance, comment="", source="meeting", received=None):
    return {"id": pid, "country": country, "item": item, "stance": stance, "comment": comment,
            "source": source, "received": received}


def make_draft(template_path, out_path, mutate=None):
    """The CRM template with a deadline, where to answer, a presidency contact, two role proposals,
    a reservation and a few positions: what the export fills the workbooks in with."""
    with open(template_path, encoding="utf-8") as f:
        draft = json.load(f)
    draft["meeting"]["answers_due"] = "2011-11-30"
    draft["meeting"]["answers_to"] = "st@crmsv.example; ppt@mirex.example"
    draft["participants"] = [
        {"id": "participant-1", "name": "Ana Pérez", "country": "DO", "position": "Directora de Migración",
         "email": "ana.perez@mirex.example", "role": "head-of-delegation"},
        {"id": "participant-2", "name": "Luis Gómez", "country": "DO", "position": "Asesor",
         "email": "luis.gomez@mirex.example", "role": "delegate"},
    ]
    draft["role_proposals"] = [
        {"id": "proposal-1", "actor": "st", "change": "modify", "attribution": "Dar seguimiento a los acuerdos",
         "rationale": "Continuidad entre presidencias", "supported_by": ["CR"], "status": "proposed"},
        {"id": "proposal-2", "actor": "ppt", "change": "add", "attribution": "Informar a los viceministros",
         "rationale": "Rendición de cuentas", "supported_by": ["MX"], "status": "proposed"},
    ]
    for theme in draft["themes"]:
        if theme["id"] == "theme-2":
            theme["reservations"] = [{"country": "MX", "text": "Sobre el plazo"}]
    draft["positions"] = [
        position("position-1", "MX", "theme-1", "supports"),
        position("position-2", "MX", "theme-2", "supports-with-reservation", "Sobre el plazo"),
        position("position-3", "CA", "strategy-1", "objects", "Duplicates existing work."),
    ]
    if mutate is not None:
        mutate(draft)
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump(draft, f, ensure_ascii=False, indent=1)
    return draft


def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def export(consenso, draft_path, directory, language=None):
    args = ["--export-delegations", directory] + (["--export-language", language] if language else []) + [draft_path]
    result = run(consenso, args)
    assert result.returncode == 0, result.stderr
    return result.stdout.split("\n")[:-1]


def workbook_path(directory, code, paths):
    for path in paths:
        if path.endswith(f"({code}).xlsx"):
            return path
    raise AssertionError(f"no workbook for {code} in {paths}")


def names(wb):
    return {d.name: d for d in wb.defined_names.definedName}


def resolve(wb, name):
    """(worksheet, min_col, min_row, max_col, max_row) of a workbook-level defined name."""
    defined = names(wb)[name]
    sheet, cells = defined.attr_text.rsplit("!", 1)
    sheet = sheet.strip("'").replace("''", "'")
    min_col, min_row, max_col, max_row = range_boundaries(cells.replace("$", ""))
    return wb[sheet], min_col, min_row, max_col, max_row


def info(wb):
    ws, min_col, min_row, _, max_row = resolve(wb, "Consenso_Info")
    return {ws.cell(row=r, column=min_col).value: ws.cell(row=r, column=min_col + 1).value
            for r in range(min_row, max_row + 1)}


def rows_by_id(wb, key):
    """{item id: (worksheet, row)} of a table, found by its names."""
    ws, id_col, first, _, last = resolve(wb, f"Consenso_{key}_Id")
    return {ws.cell(row=r, column=id_col).value: (ws, r) for r in range(first + 1, ws.max_row + 1)
            if ws.cell(row=r, column=id_col).value}


def answer(wb, key, item, stance=None, comment=None):
    """Types an answer into the row of @item, wherever that row is now."""
    ws, row = rows_by_id(wb, key)[item]
    _, stance_col, _, _, _ = resolve(wb, f"Consenso_{key}_Stance")
    _, comment_col, _, _, _ = resolve(wb, f"Consenso_{key}_Comment")
    if stance is not None:
        ws.cell(row=row, column=stance_col).value = stance if stance != "" else None
    if comment is not None:
        ws.cell(row=row, column=comment_col).value = comment if comment != "" else None


def read_answer(wb, key, item):
    ws, row = rows_by_id(wb, key)[item]
    _, stance_col, _, _, _ = resolve(wb, f"Consenso_{key}_Stance")
    _, comment_col, _, _, _ = resolve(wb, f"Consenso_{key}_Comment")
    return ws.cell(row=row, column=stance_col).value, ws.cell(row=row, column=comment_col).value


def _shift(reference, sheet_title, at, by):
    """A reference to @sheet_title with its rows from @at on moved down @by, as spreadsheets update them."""
    def move(match):
        column, row = match.group(1), int(match.group(2))
        return f"{column}${row + by if row >= at else row}"
    sheet, cells = reference.rsplit("!", 1)
    if sheet.strip("'").replace("''", "'") != sheet_title:
        return reference
    return sheet + "!" + re.sub(r"(\$?[A-Z]+)\$(\d+)", move, cells)


def insert_row(wb, ws, at):
    """Inserts an empty row before row @at, moving the names that cover it, as Excel does."""
    ws.insert_rows(at)
    for defined in wb.defined_names.definedName:
        defined.attr_text = _shift(defined.attr_text, ws.title, at, 1)


def rename_sheet(wb, ws, title):
    """Renames a sheet and the references to it, as a spreadsheet program does."""
    old = ws.title
    ws.title = title
    quoted_old = "'" + old.replace("'", "''") + "'"
    quoted_new = "'" + title.replace("'", "''") + "'"
    for defined in wb.defined_names.definedName:
        text = defined.attr_text
        if text.startswith(quoted_old + "!"):
            defined.attr_text = quoted_new + text[len(quoted_old):]
        elif text.startswith(old + "!"):
            defined.attr_text = quoted_new + text[len(old):]


def sort_rows(ws, first_row, key_column, reverse=True):
    """Sorts the data rows by a column, cells' values and styles moving with their row."""
    last = ws.max_row
    rows = []
    for r in range(first_row, last + 1):
        rows.append([(c.value, copy.copy(c._style)) for c in ws[r]])
    rows.sort(key=lambda cells: str(cells[key_column - 1][0] or ""), reverse=reverse)
    for offset, cells in enumerate(rows):
        for c, (value, style) in enumerate(cells, start=1):
            cell = ws.cell(row=first_row + offset, column=c)
            cell.value = value
            cell._style = style


def hide_rows(ws, rows):
    """What a filter does: the rows stay, hidden."""
    ws.auto_filter.ref = ws.dimensions
    for r in rows:
        ws.row_dimensions[r].hidden = True


def columns_named(ws, header_row=1):
    return {ws.cell(row=header_row, column=c).value: c for c in range(1, ws.max_column + 1)}


def letter(column):
    return get_column_letter(column)
