#!/usr/bin/python3
"""check-workbook.py: exports drafts with the real consenso binary and reads every workbook back.

Run by meson with Debian's /usr/bin/python3 and python3-openpyxl. Each check prints a line; the
script exits 1 when any failed.
"""

import argparse
import datetime
import gettext
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

import openpyxl
from openpyxl.utils import get_column_letter

# The English labels of the enums, as app/core/csn-enums.c declares them.
HORIZON = ["Short term", "Medium term", "Undecided"]
CONSENSUS = ["Pending", "Agreed", "With reservations"]
MECHANISM = ["Workshop", "Seminar", "Working group", "Liaison network", "Study",
             "Technical assistance", "Agreement", "Other"]
ASSESSMENT = ["Adequate", "Needs change", "Replace", "Not assessed"]
CHANGE = ["Keep", "Modify", "Add", "Remove"]
# Spanish agrees a proposal's status with "propuesta": its labels have a context of their own.
PROPOSAL_STATUS = [("proposal status", "Proposed"), ("proposal status", "Agreed"), ("proposal status", "Rejected")]
ROLE = ["Head of delegation", "Delegate", "Technical advisor"]
ENDORSEMENT = ["Pending", "Endorsed", "Endorsed with reservations", "Not endorsed"]
MEETING_STATUS = {"draft": "Draft", "approved": "Approved", "submitted": "Submitted"}
ACTOR_KIND = ["Pro Tempore Presidency", "Technical Secretariat", "Civil society", "Observer countries",
              "International organizations", "Member countries", "Other"]

SHEETS = ["Summary", "Theme matrix", "Theme texts", "Strategies", "Mechanisms", "Actors", "Role proposals",
          "Delegations", "Quotas", "Endorsements"]
CUT_MARKER = "[Cut: a spreadsheet cell holds at most 32,767 characters; the whole text is in the draft.]"
# Landscape, less the margins, in Excel's pixels (a column w characters wide is 7w + 5 pixels).
PRINT_WIDTH_PIXELS = 960
MIN_PRINT_SCALE = 73

# Table sheets: (sheet, JSON list, id column header, JSON key of the id, enum columns: header -> labels)
TABLES = [
    ("Theme matrix", "themes", "ID", "id", {"Horizon": HORIZON, "Consensus": CONSENSUS}),
    ("Theme texts", "themes", "ID", "id", {}),
    ("Strategies", "strategies", "ID", "id", {"Mechanism": MECHANISM, "Horizon": HORIZON}),
    ("Mechanisms", "mechanisms", "ID", "id", {"Assessment": ASSESSMENT}),
    ("Actors", "actors", "ID", "id", {}),
    ("Role proposals", "role_proposals", "ID", "id", {"Change": CHANGE, "Status": PROPOSAL_STATUS}),
    ("Delegations", "participants", "ID", "id", {"Role": ROLE}),
    ("Quotas", "countries", "Country code", "code", {}),
    ("Endorsements", "endorsements", "Country code", "country", {"Status": ENDORSEMENT}),
]
# Columns the delegations write in: room for it, whatever they hold.
TO_FILL = {"Mechanisms": ["Considerations", "Proposal"], "Role proposals": ["Attribution", "Rationale"],
           "Endorsements": ["Note"]}

failures = []


def check(condition, what):
    if condition:
        print("ok -", what)
    else:
        print("FAILED -", what)
        failures.append(what)
    return condition


class Labels:
    """Fixed labels in the workbook's language: the msgid in English, es.mo's text in Spanish."""

    def __init__(self, language, catalog):
        self.language = language
        self.catalog = catalog

    def __call__(self, msgid):
        if isinstance(msgid, tuple):
            context, msgid = msgid
            return msgid if self.language == "en" else self.catalog.pgettext(context, msgid)
        if self.language == "en":
            return msgid
        return self.catalog.gettext(msgid)

    def name(self, localized):
        first = localized.get(self.language) or localized.get("en" if self.language == "es" else "es")
        return first


def excel_text(value):
    """A cell's text as Excel shows it: "_xHHHH_" escapes decoded (openpyxl leaves them)."""
    if not isinstance(value, str):
        return value
    return re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m.group(1), 16)), value)


def shown_text(obj, field, draft, labels):
    """A free text as a workbook in labels.language shows it: as written in the draft's language,
    else its current translation, else after a visible mark (csn_item_dup_text_for_language)."""
    source = obj.get(field) or ""
    if labels.language == draft["meeting"].get("language", "es") or not source:
        return source
    translation = obj.get("translations", {}).get(labels.language, {}).get(field, {})
    if not translation.get("text"):
        return labels("[untranslated]") + " " + source
    if translation.get("from") != source:
        return labels("[outdated translation]") + " " + source
    return translation["text"]


def utf16_length(text):
    return len(text.encode("utf-16-le")) // 2


def run(consenso, args, env_extra=None):
    env = dict(os.environ)
    env.update(env_extra or {})
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    return subprocess.run([consenso] + args, capture_output=True, text=True, env=env, timeout=120)


def export(consenso, draft, out, language, ui_language="en", env_extra=None):
    env = {"LANGUAGE": ui_language}
    env.update(env_extra or {})
    result = run(consenso, ["--export-xlsx", out, "--export-language", language, draft], env)
    check(result.returncode == 0,
          f"export of {os.path.basename(draft)} in {language} (interface {ui_language}) exits 0"
          + (f": {result.stderr.strip()}" if result.returncode else ""))
    return result.returncode == 0


def headers(ws):
    row = next(ws.iter_rows(min_row=1, max_row=1, values_only=True))
    return list(row)


def column_of(ws, header, start=1):
    for index, value in enumerate(headers(ws), start=1):
        if index >= start and value == header:
            return index
    return None


def column_values(ws, column, n_rows):
    return [ws.cell(row=r, column=column).value for r in range(2, n_rows + 2)]


def check_print_setup(ws, label, title, date, footer_raw, header_raw, is_draft, labels,
                      repeat_header=True, landscape=True):
    name = f"{label}: {ws.title}"
    check(ws.page_setup.orientation == ("landscape" if landscape else "portrait"),
          f"{name} prints {'landscape' if landscape else 'portrait'}")
    # Fitted to the page's width only while the text stays 8 points or larger; else printed at that
    # size over more pages, the first columns repeated on each.
    # A stored width carries Excel's padding: 7 pixels a character covers the 5 of the margins.
    width = sum(7 * (ws.column_dimensions[get_column_letter(c)].width or 8.43)
                for c in range(1, ws.max_column + 1))
    fits = ws.sheet_properties.pageSetUpPr is not None and ws.sheet_properties.pageSetUpPr.fitToPage
    if fits:
        check(ws.page_setup.fitToWidth in (None, 1, "1") and ws.page_setup.fitToHeight in (0, "0"),
              f"{name} fits to one page wide")
        check(not landscape or width * MIN_PRINT_SCALE / 100 <= PRINT_WIDTH_PIXELS,
              f"{name} fits its width only where it stays legible ({width:.0f} pixels)")
    else:
        check(int(ws.page_setup.scale or 100) >= MIN_PRINT_SCALE, f"{name} prints at a legible scale ({ws.page_setup.scale} %)")
        check(ws.freeze_panes in (None, "A2") or ws.print_title_cols,
              f"{name} repeats its first columns on every page ({ws.print_title_cols})")
    if repeat_header:
        check((ws.print_title_rows or "").replace("$", "") == "1:1", f"{name} repeats its header row")
    header = header_footer_sections(header_raw or "")
    check(header["L"].strip() == "&A", f"{name} header names the sheet ({header_raw!r})")
    check((header["R"].strip() == labels("DRAFT")) == is_draft, f"{name} header says DRAFT on a draft")
    # openpyxl's own reading of footers drops "&1" after "&&": read the XML as Excel does.
    footer = header_footer_sections(footer_raw or "")
    shown = footer["L"].strip()
    cut_at_word = (shown.endswith("…") and title.startswith(shown[:-1]) and
                   (title[len(shown) - 1:len(shown)] == " " or " " not in title[:len(shown) - 1]))
    check(shown and (shown == title or cut_at_word),
          f"{name} footer names the draft, cut at a word if it must be ({footer_raw!r})")
    check(footer["C"].strip() == date, f"{name} footer has the date")
    check("&P" in footer["R"] and "&N" in footer["R"], f"{name} footer numbers the pages")


def check_workbook(path, draft, language, labels, label):
    """Everything a delegation relies on, for a workbook of @draft (parsed JSON)."""
    wb = openpyxl.load_workbook(path)
    values = openpyxl.load_workbook(path, data_only=True)
    footers = raw_footers(path)
    page_headers = raw_footers(path, "oddHeader")
    footer_of = lambda ws: footers.get(f"xl/worksheets/sheet{wb.worksheets.index(ws) + 1}.xml")
    header_of = lambda ws: page_headers.get(f"xl/worksheets/sheet{wb.worksheets.index(ws) + 1}.xml")
    meeting = draft["meeting"]
    title = shown_text(meeting, "title", draft, labels)
    today = datetime.date.today().isoformat()
    names = {c["code"]: labels.name(c["name"]) for c in draft["countries"]}
    members = [c for c in draft["countries"] if c.get("membership", "member") == "member"]

    check(wb.sheetnames == [labels(s) for s in SHEETS], f"{label}: sheet names {wb.sheetnames}")
    for ws in wb.worksheets:
        check(ws.sheet_state == "visible", f"{label}: {ws.title} is {ws.sheet_state}")
        # The group's decisions are the group's to change: the report offers no drop-downs.
        check(not ws.data_validations.dataValidation, f"{label}: {ws.title} has no drop-down lists")

    props = wb.properties
    check(props.title == title.replace("\x01", ""), f"{label}: document title")
    check(props.subject == labels("Draft proposals and recommendations of the working group"),
          f"{label}: document subject")
    check(props.creator == labels("Co-chairs of the working group"), f"{label}: document author")
    check(props.created is not None and
          abs((datetime.datetime.utcnow() - props.created).total_seconds()) < 86400 * 2,
          f"{label}: creation date {props.created}")

    # Summary
    ws = wb[labels("Summary")]
    keys = {ws.cell(row=r, column=1).value: ws.cell(row=r, column=2).value for r in range(1, ws.max_row + 1)}
    check(keys.get(labels("Meeting")) == title.replace("\x01", ""), f"{label}: summary meeting")
    ppt = meeting.get("pro_tempore_presidency")
    check(keys.get(labels("Pro Tempore Presidency")) == (names.get(ppt) if ppt else None),
          f"{label}: summary presidency")
    check(keys.get(labels("Status")) == labels(MEETING_STATUS[meeting.get("status", "draft")]),
          f"{label}: summary status")
    for key, collection in [("Themes", "themes"), ("Strategies", "strategies"),
                            ("Mechanisms", "mechanisms"), ("Role proposals", "role_proposals"),
                            ("Participants", "participants")]:
        check(keys.get(labels(key)) == len(draft[collection]), f"{label}: summary counts {key.lower()}")
    if meeting.get("start_date"):
        value = keys.get(labels("Start date"))
        check(isinstance(value, datetime.datetime) and value.date().isoformat() == meeting["start_date"],
              f"{label}: summary start date is a date")
    check(isinstance(keys.get(labels("Exported on")), datetime.datetime), f"{label}: summary export date")
    # The pillar x horizon table and its totals.
    header_row = next(r for r in range(1, ws.max_row + 1) if ws.cell(row=r, column=1).value == labels("Pillar"))
    check([ws.cell(row=header_row, column=c).value for c in range(2, 6)] ==
          [labels(h) for h in HORIZON] + [labels("Total")], f"{label}: pillar x horizon header")
    expected = {}
    pillar_names = {p["id"]: labels.name(p["name"]) for p in draft["pillars"]}
    for theme in draft["themes"]:
        row = pillar_names.get(theme.get("pillar"), labels("No pillar"))
        expected.setdefault(row, [0, 0, 0])
        expected[row][["short-term", "medium-term", "undecided"].index(theme.get("horizon", "undecided"))] += 1
    found = {}
    r = header_row + 1
    while ws.cell(row=r, column=1).value not in (None, labels("Total")):
        found[ws.cell(row=r, column=1).value] = [ws.cell(row=r, column=c).value for c in range(2, 5)]
        check(ws.cell(row=r, column=5).value == sum(found[ws.cell(row=r, column=1).value]),
              f"{label}: pillar row total")
        r += 1
    check({k: v for k, v in found.items() if sum(v)} == expected, f"{label}: pillar x horizon counts {found}")
    check(ws.cell(row=r, column=1).value == labels("Total") and ws.cell(row=r, column=5).value == len(draft["themes"]),
          f"{label}: pillar x horizon grand total")
    is_draft = meeting.get("status", "draft") == "draft"
    check_print_setup(ws, label, title, today, footer_of(ws), header_of(ws), is_draft, labels,
                      repeat_header=False, landscape=False)

    # Table sheets
    for sheet, collection, id_header, key, enums in TABLES:
        ws = wb[labels(sheet)]
        items = draft[collection]
        n = len(items)
        id_column = column_of(ws, labels(id_header))
        check(id_column == 1, f"{label}: {sheet} has the id in column A")
        ids = column_values(ws, id_column, n)
        check(ids == [item[key] for item in items], f"{label}: {sheet} has one row per item, in order")
        check(ws.cell(row=n + 2, column=1).value is None, f"{label}: {sheet} has no extra row")
        check(ws.freeze_panes == ("D2" if sheet in ("Theme matrix", "Theme texts") else "A2"),
              f"{label}: {sheet} frozen at {ws.freeze_panes}")
        n_columns = len([h for h in headers(ws) if h is not None])
        # Each table alone on its sheet: filtering it hides nothing else.
        check(ws.max_column == n_columns, f"{label}: {sheet} holds one table ({ws.max_column} columns)")
        check(ws.auto_filter.ref == f"A1:{get_column_letter(n_columns)}{n + 1}",
              f"{label}: {sheet} filter over {ws.auto_filter.ref}")
        head_cells = ws[1]
        check(all(c.font.b and c.fill.fgColor.rgb not in (None, "00000000") for c in head_cells if c.value),
              f"{label}: {sheet} header is bold on a fill")
        for header in ("Theme", "Strategy", "Considerations", "Attribution", "Position", "Note"):
            column = column_of(ws, labels(header))
            if column is None or n == 0:
                continue
            letter = get_column_letter(column)
            width = ws.column_dimensions[letter].width
            check(ws.cell(row=2, column=column).alignment.wrap_text and width and 10 <= width <= 62,
                  f"{label}: {sheet}.{header} wraps in a column {width} wide")
        for header, enum_labels in enums.items():
            column = column_of(ws, labels(header))
            if not check(column is not None, f"{label}: {sheet} has a {header} column"):
                continue
            allowed = [labels(v) for v in enum_labels]
            cells = column_values(ws, column, n)
            check(all(v in allowed for v in cells), f"{label}: {sheet}.{header} values are allowed ones")
        for row in ws.iter_rows(min_row=2):
            for cell in row:
                if cell.data_type == "f":
                    check(re.fullmatch(r"=COUNTA\([A-Z]+\d+:[A-Z]+\d+\)", cell.value) is not None
                          and sheet == "Theme matrix", f"{label}: the only formulas are counts ({cell.value})")
        for header in TO_FILL.get(sheet, []):
            column = column_of(ws, labels(header))
            width = ws.column_dimensions[get_column_letter(column)].width
            check(width >= 40, f"{label}: {sheet}.{header} has room to write in ({width})")
            check(all((ws.row_dimensions[r].height or 0) >= 45 for r in range(2, n + 2)),
                  f"{label}: {sheet} rows have room for three lines of {header}")
        check_print_setup(ws, label, title, today, footer_of(ws), header_of(ws), is_draft, labels)

    # Theme matrix: a column per member country, marks where it raised the theme.
    ws = wb[labels("Theme matrix")]
    vs = values[labels("Theme matrix")]
    head = headers(ws)
    check(head[4:4 + len(members)] == [names[c["code"]] for c in members],
          f"{label}: a column per member country")
    count_column = column_of(ws, labels("Raised by"))
    check(count_column == 5 + len(members), f"{label}: count after the countries")
    for r, theme in enumerate(draft["themes"], start=2):
        raised = set(theme.get("raised_by", []))
        marks = [c["code"] for i, c in enumerate(members) if ws.cell(row=r, column=5 + i).value]
        check(marks == [c["code"] for c in members if c["code"] in raised], f"{label}: marks of {theme['id']}")
        check(vs.cell(row=r, column=count_column).value == len(marks), f"{label}: count of {theme['id']}")
        check(ws.cell(row=r, column=2).value == r - 1, f"{label}: order of {theme['id']}")
        pillar = theme.get("pillar")
        check(ws.cell(row=r, column=4).value == pillar_names.get(pillar, pillar or None),
              f"{label}: pillar of {theme['id']}")

    # Quotas: a sheet of their own, a row per country.
    ws = wb[labels("Quotas")]
    registered = {}
    for participant in draft["participants"]:
        registered[participant["country"]] = registered.get(participant["country"], 0) + 1
    for r, country in enumerate(draft["countries"], start=2):
        count = ws.cell(row=r, column=5).value
        status = ws.cell(row=r, column=6).value
        over = registered.get(country["code"], 0) > country.get("delegation_quota", 2)
        check(count == registered.get(country["code"], 0)
              and status == labels("Over quota" if over else "Within quota"),
              f"{label}: quota of {country['code']}")

    # Theme texts: each theme's description and notes (the template's notes define the terms).
    ws = wb[labels("Theme texts")]
    description, notes = column_of(ws, labels("Description")), column_of(ws, labels("Notes"))
    for r, theme in enumerate(draft["themes"], start=2):
        check(excel_text(ws.cell(row=r, column=notes).value or "") ==
              shown_text(theme, "notes", draft, labels).replace("\x01", ""), f"{label}: notes of {theme['id']}")
        if len(theme.get("description", "")) < 1000:
            check(excel_text(ws.cell(row=r, column=description).value or "") ==
                  shown_text(theme, "description", draft, labels).replace("\x01", ""),
                  f"{label}: description of {theme['id']}")

    # Actors: their current role, which the role proposals discuss.
    ws = wb[labels("Actors")]
    role = column_of(ws, labels("Current role"))
    for r, actor in enumerate(draft["actors"], start=2):
        check(ws.cell(row=r, column=role).value == (shown_text(actor, "current_role", draft, labels) or None),
              f"{label}: current role of {actor['id']}")

    return wb


def text_cells(wb, labels):
    """Every string cell of the table sheets, by sheet and position."""
    cells = {}
    for name in SHEETS[1:-1]:
        ws = wb[labels(name)]
        for row in ws.iter_rows(min_row=2):
            for cell in row:
                cells[(name, cell.coordinate)] = cell
    return cells


def check_languages(es_wb, en_wb, draft, es, en):
    """Spanish and English workbooks differ only in fixed labels; draft text is the same, marked
    where the draft (in Spanish) has no English translation."""
    country_es = {c["name"]["es"] for c in draft["countries"]}
    country_en = {c["name"]["en"] for c in draft["countries"]}
    for name in SHEETS:
        es_ws, en_ws = es_wb[es(name)], en_wb[en(name)]
        check(es(name) != name or name in ("Total",), f"{name} has a Spanish sheet name ({es(name)})")
        for es_h, en_h in zip(headers(es_ws), headers(en_ws)):
            if en_h in country_en:
                check(es_h in country_es, f"{name}: country header {en_h} → {es_h}")
            else:
                check(es_h == es(en_h), f"{name}: header {en_h} → {es_h}")
    enum_labels = set(HORIZON + CONSENSUS + MECHANISM + ASSESSMENT + CHANGE + ROLE + ENDORSEMENT + ACTOR_KIND +
                      [msgid for _, msgid in PROPOSAL_STATUS])
    # A proposal's status has a Spanish of its own ("Acordada"), a consensus another ("Acordado").
    spanish_of = {}
    for msgid in enum_labels:
        spanish_of.setdefault(msgid, set()).add(es(msgid))
    for entry in PROPOSAL_STATUS:
        spanish_of[entry[1]].add(es(entry))
    # Countries, pillars and actors are named in the workbook's language; lists join names with "; ".
    localized = {}
    for collection in ("countries", "pillars", "actors"):
        for item in draft[collection]:
            localized[item["name"]["en"]] = item["name"]["es"]

    def names_in_spanish(value):
        if not isinstance(value, str):
            return None
        parts = value.split("; ")
        if all(part in localized for part in parts):
            return "; ".join(localized[part] for part in parts)
        return None

    es_cells, en_cells = text_cells(es_wb, es), text_cells(en_wb, en)
    same = translated = 0
    for key, en_cell in en_cells.items():
        es_value = es_cells[key].value
        if en_cell.value in enum_labels:
            ok = es_value in spanish_of[en_cell.value] and es_value != en_cell.value
            translated += ok
            if not ok:
                check(False, f"{key}: {en_cell.value!r} translated as {es_value!r}")
        elif names_in_spanish(en_cell.value) is not None:
            ok = es_value == names_in_spanish(en_cell.value)
            translated += ok
            if not ok:
                check(False, f"{key}: {en_cell.value!r} named as {es_value!r}")
        else:
            if es_value != en_cell.value and en_cell.value != f"{en('[untranslated]')} {es_value}" and \
               not (isinstance(en_cell.value, str) and
                                                  en_cell.value in (en("Within quota"), en("Over quota"),
                                                                    en("Member"), en("Observer"))):
                check(False, f"{key}: draft text differs between languages: {en_cell.value!r} / {es_value!r}")
            same += 1
    check(translated > 0 and same > 0, f"labels translated ({translated}), draft text kept ({same})")


def make_tricky_draft(template):
    """The template with text that looks like formulas, runs over the cell limit, or carries escapes."""
    draft = json.loads(json.dumps(template))
    draft["meeting"]["title"] = "Grupo de Trabajo & Co. =TÍTULO"
    draft["meeting"]["venue"] = "=Santo Domingo"
    draft["meeting"]["start_date"] = "2011-03-01"
    draft["meeting"]["end_date"] = "2011-03-03"
    long_text = ("Diagnóstico regional 😀 " * 2000)[:40000]
    tricky = ["=1+1", "+34 600 000", "-5", "@SUM(A1:A2)", '=HYPERLINK("http://example.org")',
              "=cmd|' /C calc'!A0", "_x0041_ stays literal", "tabs\tand\nnew lines", "control\x01char"]
    themes = draft["themes"]
    for i, text in enumerate(tricky):
        theme = json.loads(json.dumps(themes[i % len(themes)]))
        theme["id"] = f"tricky-{i + 1}"
        theme["title"] = text
        theme["description"] = text
        theme["raised_by"] = ["MX", "CA", "AR", "ZZ"] if i % 2 else ["DO"]
        theme["horizon"] = ["short-term", "medium-term", "undecided"][i % 3]
        theme["consensus"] = "reservations"
        theme["reservations"] = [{"country": "US", "text": "=reserva"}, {"country": "GT", "text": "texto"}]
        themes.append(theme)
    themes[0]["description"] = long_text
    themes[3]["pillar"] = "no-such-pillar"
    draft["strategies"][0]["description"] = "-estrategia"
    draft["strategies"][1]["lead"] = "no-such-actor"
    draft["strategies"][1]["notes"] = "n" * 32767
    draft["strategies"][2]["notes"] = "n" * 32768
    draft["participants"] = [
        {"id": f"participant-{i}", "name": f"=Delegada {i}", "country": "MX", "position": "@cargo",
         "email": f"d{i}@example.org", "role": "delegate"} for i in range(1, 5)]
    draft["role_proposals"] = [
        {"id": "role-1", "actor": "st", "change": "modify", "attribution": "+seguimiento",
         "rationale": "=razón", "supported_by": ["MX", "CR"], "status": "agreed"}]
    draft["endorsements"][0]["status"] = "endorsed"
    draft["endorsements"][0]["date"] = "2011-04-15"
    return draft, tricky, long_text


def check_tricky(path, draft, tricky, long_text, labels):
    wb = openpyxl.load_workbook(path)
    ws = wb[labels("Theme texts")]
    by_id = {ws.cell(row=r, column=1).value: r for r in range(2, ws.max_row + 1)}
    title_column, description_column = 3, column_of(ws, labels("Description"))
    for i, text in enumerate(tricky):
        r = by_id[f"tricky-{i + 1}"]
        for column in (title_column, description_column):
            cell = ws.cell(row=r, column=column)
            expected = text.replace("\x01", "")
            check(cell.data_type == "s" and excel_text(cell.value) == expected,
                  f"{text!r} is kept as text ({cell.data_type}, {cell.value!r})")
            if expected[0] in "=+-@":
                check(cell.number_format == "@", f"{text!r} has the Text format, so an edit stays text")
    reservations = ws.cell(row=by_id["tricky-1"], column=column_of(ws, labels("Reservations"))).value
    check(reservations.startswith(labels.name({"es": "Estados Unidos", "en": "United States"}) + ": =reserva"),
          f"reservations name the country: {reservations!r}")

    first = ws.cell(row=2, column=description_column).value
    check(utf16_length(first) <= 32767, f"over-long text fits a cell ({utf16_length(first)} UTF-16 units)")
    # The cut is said on the first line: the end of the text is never in sight.
    check(first.startswith(labels(CUT_MARKER) + "\n"), "over-long text says on its first line that it was cut")
    check(long_text.startswith(first[len(labels(CUT_MARKER)) + 1:]), "over-long text keeps its beginning")
    matrix = wb[labels("Theme matrix")]
    check(matrix.cell(row=5, column=4).value == "no-such-pillar", "an unknown pillar shows its id")
    check(400 <= (ws.row_dimensions[2].height or 0) <= 409, "the row of the long text is nearly as high as a row can be")
    newlines = by_id["tricky-%d" % (tricky.index("tabs\tand\nnew lines") + 1)]
    check((ws.row_dimensions[newlines].height or 0) >= 30, "a row with two lines of text is two lines high")

    ws = wb[labels("Strategies")]
    notes_column = column_of(ws, labels("Notes"))
    check(ws.cell(row=3, column=notes_column).value == "n" * 32767, "text of exactly 32,767 characters is whole")
    cut = ws.cell(row=4, column=notes_column).value
    check(len(cut) <= 32767 and cut.startswith(labels(CUT_MARKER) + "\n"), "32,768 characters are cut, visibly")
    check(ws.cell(row=2, column=4).value == "-estrategia" and ws.cell(row=2, column=4).data_type == "s",
          "strategy text starting with - is text")
    check(ws.cell(row=3, column=6).value == "no-such-actor", "an unknown lead shows its id")
    ws = wb[labels("Delegations")]
    check([ws.cell(row=r, column=2).value for r in range(2, 6)] == [f"=Delegada {i}" for i in range(1, 5)],
          "participant names starting with = are text")
    ws = wb[labels("Role proposals")]
    check(ws.cell(row=2, column=5).value == "=razón" and ws.cell(row=2, column=5).number_format == "@",
          "role proposal rationale starting with = is text")
    ws = wb[labels("Endorsements")]
    date = ws.cell(row=2, column=4).value
    check(isinstance(date, datetime.datetime) and date.date().isoformat() == "2011-04-15",
          "endorsement date is a date")
    ws = wb[labels("Summary")]
    venue = next(ws.cell(row=r, column=2) for r in range(1, ws.max_row + 1)
                 if ws.cell(row=r, column=1).value == labels("Venue"))
    check(venue.value == "=Santo Domingo" and venue.data_type == "s", "summary venue starting with = is text")
    return wb


def header_footer_sections(raw):
    """A header or footer string as Excel reads it: the text of its &L, &C and &R sections, with
    "&&" as "&", font, size and colour codes dropped, and fields (&P, &N, &G…) kept as "&P"."""
    sections = {"L": "", "C": "", "R": ""}
    current = "C"
    i = 0
    while i < len(raw):
        ch = raw[i]
        if ch != "&":
            sections[current] += ch
            i += 1
            continue
        code = raw[i + 1] if i + 1 < len(raw) else ""
        if code == "&":
            sections[current] += "&"
            i += 2
        elif code in "LCR" and code:
            current = code
            i += 2
        elif code.isdigit():
            i += 1
            while i < len(raw) and raw[i].isdigit():
                i += 1
        elif code == '"':
            i = raw.index('"', i + 2) + 1
        elif code == "K":
            i += 8
        elif code in "BIUESXY":
            i += 2
        elif code == "[":
            end = raw.index("]", i)
            sections[current] += "&" + raw[i + 1:end + 1]
            i = end + 1
        else:
            sections[current] += "&" + code
            i += 2
    return sections


def raw_footers(path, element="oddFooter"):
    """The oddFooter (or oddHeader) string of every worksheet, as written in the workbook's XML."""
    footers = {}
    with zipfile.ZipFile(path) as z:
        for name in sorted(z.namelist()):
            if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", name):
                m = re.search(rf"<{element}>(.*?)</{element}>", z.read(name).decode("utf-8"), re.S)
                footers[name] = html.unescape(m.group(1)) if m else None
    return footers


def check_footer_codes(consenso, template, tmp):
    """Header/footer codes in the title (&G, &[Picture]) once aborted the export inside
    libxlsxwriter; now the footer shows the title as written, in Excel's reading and LibreOffice's."""
    titles = ["Trade &G growth &[Picture] R&D", "&&G 1&2 &"]
    for n, title in enumerate(titles):
        draft = json.loads(json.dumps(template))
        draft["meeting"]["title"] = title
        draft["meeting"]["language"] = "en"
        source = os.path.join(tmp, f"codes-{n}.consenso")
        with open(source, "w", encoding="utf-8") as f:
            json.dump(draft, f, ensure_ascii=False)
        out = os.path.join(tmp, f"codes-{n}.xlsx")
        if not export(consenso, source, out, "en"):
            continue
        footers = raw_footers(out)
        visible = [name for name, raw in footers.items() if raw is not None]
        check(len(visible) == len(SHEETS), f"codes {n}: every sheet has a footer ({len(visible)})")
        for name in visible:
            raw = footers[name]
            sections = header_footer_sections(raw)
            check(sections["L"].strip() == title, f"codes {n}: {name} footer reads {sections['L']!r}")
            check(sections["R"].strip() == "Page &P of &N", f"codes {n}: {name} footer numbers the pages")
            check("&G" not in raw.replace("&&", "") and "&[Picture]" not in raw.replace("&&", ""),
                  f"codes {n}: {name} footer has no image placeholder ({raw!r})")
            check(len(raw) <= 255, f"codes {n}: {name} footer is within 255 characters")
        check_workbook(out, draft, "en", Labels("en", None), f"codes {n}")

        soffice = shutil.which("soffice")
        if not check(soffice is not None, "LibreOffice (libreoffice-calc-nogui) is installed"):
            continue
        pdf_dir = os.path.join(tmp, f"pdf-{n}")
        os.mkdir(pdf_dir)
        result = subprocess.run([soffice, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", pdf_dir, out],
                                capture_output=True, text=True, timeout=180,
                                env=dict(os.environ, HOME=pdf_dir))
        pdf = os.path.join(pdf_dir, f"codes-{n}.pdf")
        if not check(os.path.exists(pdf), f"codes {n}: LibreOffice prints the workbook {result.stderr.strip()}"):
            continue
        text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True).stdout
        pages = [page for page in text.split("\f") if page.strip()]
        check(pages and all(title in page for page in pages),
              f"codes {n}: LibreOffice prints the title in the footer of all {len(pages)} pages")


def check_printed_size(consenso, template, tmp):
    """Printed by LibreOffice, every page's text is legible: 8 points or more, not fitted down to 5."""
    soffice = shutil.which("soffice")
    if not check(soffice is not None, "LibreOffice (libreoffice-calc-nogui) is installed"):
        return
    out = os.path.join(tmp, "printed.xlsx")
    if not export(consenso, template, out, "es"):
        return
    pdf_dir = os.path.join(tmp, "printed")
    os.mkdir(pdf_dir)
    subprocess.run([soffice, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", pdf_dir, out],
                   capture_output=True, text=True, timeout=180, env=dict(os.environ, HOME=pdf_dir))
    pdf = os.path.join(pdf_dir, "printed.pdf")
    if not check(os.path.exists(pdf), "LibreOffice prints the workbook"):
        return
    html_out = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True).stdout
    for number, page in enumerate(re.findall(r"<page .*?</page>", html_out, re.S), start=1):
        heights = sorted(float(m.group(2)) - float(m.group(1))
                         for m in re.finditer(r'<word xMin="[^"]+" yMin="([^"]+)" xMax="[^"]+" yMax="([^"]+)"', page))
        if not heights:
            continue
        # A word's box is about 1.15 times its font's size: 8 points make boxes of 9.
        median = heights[len(heights) // 2]
        check(median >= 8.5, f"printed page {number}: text {median / 1.15:.1f} points high")


def sha(path):
    with open(path, "rb") as f:
        return f.read()


def check_failures(consenso, template_path, tmp):
    """A failed export exits 1, names the file, and leaves what was there untouched."""
    previous = os.path.join(tmp, "previous.xlsx")
    export(consenso, template_path, previous, "en")
    before = sha(previous)

    broken = os.path.join(tmp, "broken.consenso")
    with open(broken, "w") as f:
        f.write('{ "format": "consenso-draft", "version": 1, "themes": [ { "id": 3 ')
    result = run(consenso, ["--export-xlsx", previous, broken])
    check(result.returncode == 1, "a draft that cannot be loaded: exit 1")
    check("broken.consenso" in result.stderr, f"… the message names the draft: {result.stderr.strip()}")
    check(sha(previous) == before, "… the existing workbook is byte-identical")

    missing = os.path.join(tmp, "missing.consenso")
    result = run(consenso, ["--export-xlsx", previous, missing])
    check(result.returncode == 1 and "missing.consenso" in result.stderr and sha(previous) == before,
          f"a draft that does not exist: exit 1, named, workbook kept ({result.stderr.strip()})")

    # The longest name a folder allows still has room for the temporary file beside it (issue 10).
    long_target = os.path.join(tmp, "x" * 250 + ".xlsx")
    shutil.copyfile(previous, long_target)
    entries = sorted(os.listdir(tmp))
    result = run(consenso, ["--export-xlsx", long_target, template_path])
    check(result.returncode == 0, f"a 255-byte name: exported ({result.stderr.strip()})")
    check(sorted(os.listdir(tmp)) == entries, "… nothing left beside it")
    check(openpyxl.load_workbook(long_target) is not None, "… a workbook openpyxl reads")

    folder = os.path.join(tmp, "read-only")
    os.mkdir(folder)
    target = os.path.join(folder, "out.xlsx")
    shutil.copyfile(previous, target)
    os.chmod(folder, 0o555)
    try:
        if os.geteuid() == 0:
            print("# running as root: a read-only folder does not stop root; checked the cases above")
        else:
            result = run(consenso, ["--export-xlsx", target, template_path])
            check(result.returncode == 1, "a read-only folder: exit 1")
            check(target in result.stderr, f"… the message names the workbook: {result.stderr.strip()}")
            check(sha(target) == before and os.listdir(folder) == ["out.xlsx"],
                  "… the existing workbook is byte-identical, nothing left beside it")
    finally:
        os.chmod(folder, 0o755)

    result = run(consenso, ["--export-xlsx", os.path.join(tmp, "no-such-dir", "out.xlsx"), template_path])
    check(result.returncode == 1 and "no-such-dir" in result.stderr,
          f"a folder that does not exist: exit 1, named ({result.stderr.strip()})")

    result = run(consenso, ["--export-xlsx", previous, "--export-language", "fr", template_path])
    check(result.returncode == 1 and "fr" in result.stderr and sha(previous) == before,
          "an unknown language: exit 1")
    result = run(consenso, ["--export-language", "es", template_path])
    check(result.returncode == 1 and "--export-xlsx" in result.stderr,
          "--export-language without --export-xlsx: exit 1")
    result = run(consenso, ["--export-xlsx", previous, template_path, template_path])
    check(result.returncode == 1 and sha(previous) == before, "two drafts: exit 1")
    result = run(consenso, ["--export-xlsx", previous])
    check(result.returncode == 1 and sha(previous) == before, "no draft: exit 1")


def make_comma_locale(tmp):
    """A decimal-comma locale (es_ES) compiled into @tmp, or None when this system cannot."""
    localedef = shutil.which("localedef")
    if localedef is None or not os.path.isdir("/usr/share/i18n/locales"):
        return None
    path = os.path.join(tmp, "locales")
    os.mkdir(path)
    result = subprocess.run([localedef, "-i", "es_ES", "-f", "UTF-8", os.path.join(path, "es_ES.UTF-8")],
                            capture_output=True, text=True)
    if not os.path.isdir(os.path.join(path, "es_ES.UTF-8")):
        print("# localedef failed:", result.stderr.strip())
        return None
    return path


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--consenso", required=True)
    parser.add_argument("--async-sample", required=True)
    parser.add_argument("--catalog", required=True, help="the es.mo the export reads")
    parser.add_argument("--template", required=True)
    args = parser.parse_args()

    with open(args.catalog, "rb") as f:
        catalog = gettext.GNUTranslations(f)
    es, en = Labels("es", catalog), Labels("en", catalog)
    with open(args.template, encoding="utf-8") as f:
        template = json.load(f)

    tmp = tempfile.mkdtemp(prefix="check-workbook-")
    try:
        # The template, in each language, whatever the interface's.
        es_path, en_path = os.path.join(tmp, "template-es.xlsx"), os.path.join(tmp, "template-en.xlsx")
        if export(args.consenso, args.template, es_path, "es", ui_language="en"):
            es_wb = check_workbook(es_path, template, "es", es, "template es")
        if export(args.consenso, args.template, en_path, "en", ui_language="es"):
            en_wb = check_workbook(en_path, template, "en", en, "template en")
        if os.path.exists(es_path) and os.path.exists(en_path):
            check_languages(es_wb, en_wb, template, es, en)

        # Without --export-language, the draft's own language.
        default_path = os.path.join(tmp, "default.xlsx")
        result = run(args.consenso, ["--export-xlsx", default_path, args.template], {"LANGUAGE": "en"})
        check(result.returncode == 0 and openpyxl.load_workbook(default_path).sheetnames[0] == es("Summary"),
              "without --export-language the workbook is in the draft's language")

        # Formula-like, over-long and escaped text, in both languages.
        tricky, texts, long_text = make_tricky_draft(template)
        tricky_path = os.path.join(tmp, "tricky.consenso")
        with open(tricky_path, "w", encoding="utf-8") as f:
            json.dump(tricky, f, ensure_ascii=False)
        # Written in the workbook's language: the texts as they are, no translation marks.
        for language, labels in (("es", es), ("en", en)):
            out = os.path.join(tmp, f"tricky-{language}.xlsx")
            tricky["meeting"]["language"] = language
            with open(tricky_path, "w", encoding="utf-8") as f:
                json.dump(tricky, f, ensure_ascii=False)
            if export(args.consenso, tricky_path, out, language):
                check_workbook(out, tricky, language, labels, f"tricky {language}")
                check_tricky(out, tricky, texts, long_text, labels)

        check_footer_codes(args.consenso, template, tmp)
        check_printed_size(args.consenso, args.template, tmp)

        # Under a decimal-comma locale the numbers in the XML still use a point.
        locales = make_comma_locale(tmp)
        if locales is not None:
            out = os.path.join(tmp, "comma.xlsx")
            if export(args.consenso, args.template, out, "en",
                      env_extra={"LOCPATH": locales, "LC_ALL": "es_ES.UTF-8"}):
                try:
                    comma = openpyxl.load_workbook(out)
                    reference = openpyxl.load_workbook(en_path)
                    widths = [(ws.title, {k: d.width for k, d in ws.column_dimensions.items()})
                              for ws in comma.worksheets]
                    expected = [(ws.title, {k: d.width for k, d in ws.column_dimensions.items()})
                                for ws in reference.worksheets]
                    check(widths == expected, "under a decimal-comma locale, widths are as under C")
                except Exception as e:  # a comma in a number makes the XML unreadable
                    check(False, f"under a decimal-comma locale the workbook reads back ({e})")
        else:
            print("# no es_ES locale could be made here: the decimal-comma case is not checked")

        # The async API copies the draft at the call: later edits are not in the workbook.
        out = os.path.join(tmp, "async.xlsx")
        result = subprocess.run([args.async_sample, args.template, "en", out], capture_output=True, text=True)
        if check(result.returncode == 0, f"async export succeeds {result.stderr.strip()}"):
            wb = check_workbook(out, template, "en", en, "async")
            check(wb.properties.title == shown_text(template["meeting"], "title", template, en),
                  "async export has the title at the call")

        check_failures(args.consenso, args.template, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    if failures:
        print(f"{len(failures)} check(s) failed")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
