#!/usr/bin/python3
"""check-xliff.py: the translators' round trip through the real consenso binary and a real
translation tool's library (translate-toolkit), and the workbooks in both languages (openpyxl).

Run by meson with Debian's /usr/bin/python3 (translate-toolkit, python3-openpyxl). Each check
prints a line; the script exits 1 when any failed.
"""

import argparse
import copy
import gettext
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile

import openpyxl
from translate.storage import xliff

failures = []


def check(condition, what):
    print(("ok - " if condition else "FAILED - ") + what)
    if not condition:
        failures.append(what)
    return condition


def run(consenso, args):
    env = dict(os.environ, LANGUAGE="en", LC_ALL="C.UTF-8")
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    return subprocess.run([consenso] + args, capture_output=True, text=True, env=env, timeout=120)


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def save(draft, path):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(draft, f, ensure_ascii=False, indent=2)


# Translatable fields, as the schema of app/core declares them.
FIELDS = {
    "themes": ["title", "description", "notes"],
    "strategies": ["description", "notes"],
    "mechanisms": ["name", "considerations", "proposal"],
    "role_proposals": ["attribution", "rationale"],
    "actors": ["current_role"],
    "positions": ["comment"],
    "endorsements": ["note"],
}
PAGES = {"themes": "Theme Matrix", "strategies": "Strategies", "mechanisms": "Mechanisms",
         "actors": "Actors and Roles", "role_proposals": "Actors and Roles", "endorsements": "Endorsements"}


def segment(key):
    return "".join(c if c.isascii() and (c.isalnum() or c in "-_.") else
                   "".join(f"%{b:02X}" for b in c.encode()) for c in key)


def expected_texts(draft):
    """{unit id: (object, field)} for every non-empty free text, as csn_draft_list_texts() names them."""
    texts = {}
    for field in ("title", "venue"):
        texts[f"meeting/{field}"] = (draft["meeting"], field)
    for field in ("preamble", "background", "next_steps", "closing"):
        texts[f"document/{field}"] = (draft.get("document", {}), field)
    for collection, fields in FIELDS.items():
        for item in draft.get(collection, []):
            key = item["country"] if collection == "endorsements" else item["id"]
            for field in fields:
                texts[f"{collection}/{segment(key)}/{field}"] = (item, field)
            if collection == "themes":
                for reservation in item.get("reservations", []):
                    texts[f"themes/{segment(key)}/reservations/{segment(reservation['country'])}/text"] = \
                        (reservation, "text")
    return {unit_id: value for unit_id, value in texts.items() if value[0].get(value[1])}


def translation(obj, field, language="en"):
    return obj.get("translations", {}).get(language, {}).get(field)


def shown(obj, field, draft, language):
    """What an output in @language shows for a free text (csn_item_dup_text_for_language)."""
    source = obj.get(field) or ""
    if language == draft["meeting"]["language"] or not source:
        return source
    tr = translation(obj, field, language)
    if not tr or not tr.get("text"):
        return "[untranslated] " + source
    if tr.get("from") != source:
        return "[outdated translation] " + source
    return tr["text"]


def units_of(path):
    store = xliff.xlifffile.parsefile(path)
    return store, {u.xmlelement.get("id"): u for u in store.getunits() if not u.isheader()}


def state_of(unit):
    target = unit.getlanguageNode(lang=None, index=1)
    return target.get("state") if target is not None else None


def prepare(template, tmp, consenso):
    """The template with texts of every kind, translations current and outdated, saved once through
    consenso so that it has a draft id."""
    draft = copy.deepcopy(template)
    draft["meeting"]["venue"] = "Ciudad de Panamá"
    theme = draft["themes"][0]
    theme["reservations"] = [{"country": "US", "text": "Reserva sobre el alcance"}]
    theme["translations"] = {"en": {"title": {"text": "Trafficking in persons and smuggling of migrants",
                                              "from": theme["title"]}}}
    second = draft["themes"][1]
    second["translations"] = {"en": {"description": {"text": "Old English text", "from": "Texto anterior"}}}
    draft["strategies"][0]["notes"] = "  Primera línea\r\nsegunda <línea> & “comillas”\t\n  "
    draft["endorsements"][0]["note"] = "Por nota verbal"
    draft["role_proposals"] = [{"id": "role-1", "actor": "st", "change": "modify",
                                "attribution": "Dar seguimiento a los acuerdos", "rationale": "", "supported_by": [],
                                "status": "proposed"}]
    draft["positions"] = [{"id": "position-1", "country": "CA", "item": theme["id"], "stance": "supports",
                           "comment": "Apoyamos con matices", "source": "workbook", "received": None}]
    plain = os.path.join(tmp, "plain.consenso")
    save(draft, plain)
    # A first import of nothing saves it: the saved copy has a lineage and a draft id.
    empty = os.path.join(tmp, "nothing.xlf")
    result = run(consenso, ["--export-xliff", empty, plain])
    check(result.returncode == 0, f"export of a draft never saved with a lineage {result.stderr.strip()}")
    store, units = units_of(empty)
    check(store.getfilenames() == ["plain.consenso"], f"without a draft id, the file names the draft ({store.getfilenames()})")
    for unit in units.values():
        unit.settarget("")
    store.savefile(empty)
    path = os.path.join(tmp, "grupo.consenso")
    result = run(consenso, ["--import-xliff", path, plain, empty])
    check(result.returncode == 0 and result.stdout == "",
          f"importing a file without translations changes nothing and exits 0 ({result.stdout}{result.stderr})")
    saved = load(path)
    check(saved.get("lineage", {}).get("draft"), "the saved draft has a draft id")
    return path, saved


def check_export(consenso, path, draft, tmp):
    out = os.path.join(tmp, "grupo-en.xlf")
    result = run(consenso, ["--export-xliff", out, path])
    check(result.returncode == 0 and result.stderr == "", f"--export-xliff exits 0 {result.stderr.strip()}")
    store, units = units_of(out)
    check(store.getsourcelanguage() == "es" and store.gettargetlanguage() == "en",
          f"translate-toolkit reads es → en ({store.getsourcelanguage()} → {store.gettargetlanguage()})")
    check(store.getfilenames() == ["urn:uuid:" + draft["lineage"]["draft"]],
          f"the file names the draft by its id ({store.getfilenames()})")
    expected = expected_texts(draft)
    ids = [u.xmlelement.get("id") for u in store.getunits() if not u.isheader()]
    check(len(ids) == len(set(ids)), "unit ids are unique")
    check(set(units) == set(expected), f"one unit per non-empty text ({len(units)} units, {len(expected)} texts; "
          f"missing {sorted(set(expected) - set(units))[:3]}, extra {sorted(set(units) - set(expected))[:3]})")
    sources_ok = all(units[i].source == obj[field] for i, (obj, field) in expected.items() if i in units)
    check(sources_ok, "every source is the draft's text, spaces, line breaks and carriage returns kept")
    check(units["strategies/strategy-1/notes"].source == "  Primera línea\r\nsegunda <línea> & “comillas”\t\n  ",
          "a text with markup characters, tabs and a CRLF comes through whole")
    for unit_id, unit in units.items():
        obj, field = expected[unit_id]
        notes = unit.getnotes().split("\n")
        collection = unit_id.split("/")[0]
        page = PAGES.get(collection, "Document" if collection == "document" else "Overview")
        if collection == "positions":
            page = "Theme Matrix"
        if not (f"Page: {page}" in notes and any(n.startswith("Field: ") for n in notes) and len(notes) >= 3):
            check(False, f"{unit_id} has notes with its page, item and field: {notes}")
            break
    else:
        check(True, "every unit has notes: its page, its item and its field")
    check("For: Theme 1 “Trata de personas y tráfico ilícito de migrantes”"
          in units["strategies/strategy-1/description"].getnotes(), "a strategy's notes name its theme")
    check("Actor: Technical Secretariat (ST)" in units["role_proposals/role-1/attribution"].getnotes(),
          "a role proposal's notes name its actor")
    check("Reservation of United States on Theme 1" in units["themes/theme-1/reservations/US/text"].getnotes(),
          "a reservation's notes name its country and theme")
    check("Position of Canada on Theme 1" in units["positions/position-1/comment"].getnotes(),
          "a position's notes name its country and item")
    check("Endorsement of " in units["endorsements/BZ/note"].getnotes(), "an endorsement's note is a unit")

    current = units["themes/theme-1/title"]
    check(state_of(current) == "translated" and current.target == "Trafficking in persons and smuggling of migrants",
          "a current translation is the target, translated")
    outdated = units["themes/theme-2/description"]
    check(state_of(outdated) == "needs-review-translation" and outdated.target == "Old English text"
          and outdated.isreview(), "an outdated translation needs review, as translate-toolkit reads it")
    check("Outdated: the text changed since it was translated from “Texto anterior”" in outdated.getnotes(),
          "an outdated unit's note shows the text it was translated from")
    missing = units["meeting/venue"]
    check(state_of(missing) == "new" and not missing.istranslated() and missing.target == "",
          "a missing translation is new, with an empty target")
    check(all(u.xmlelement.get("{http://www.w3.org/XML/1998/namespace}space") == "preserve" for u in units.values()),
          "every unit keeps its spaces (xml:space=preserve)")
    return out


def translate_file(src, dst, review_id):
    """What a translator does in a CAT tool: fills every empty target, confirms the outdated one,
    leaves one marked as needing more work."""
    store, units = units_of(src)
    for unit_id, unit in units.items():
        if state_of(unit) == "new":
            unit.target = "EN " + unit.source
        elif state_of(unit) == "needs-review-translation":
            unit.markfuzzy(False)
    units[review_id].target = "Draft translation"
    units[review_id].markfuzzy(True)
    store.savefile(dst)
    return units


def check_import(consenso, path, draft, exported, tmp):
    translated = os.path.join(tmp, "grupo-en-done.xlf")
    review_id = "mechanisms/mechanism-2/name"
    units = translate_file(exported, translated, review_id)
    before = digest(path)
    out = os.path.join(tmp, "translated.consenso")
    result = run(consenso, ["--import-xliff", out, path, translated])
    lines = result.stdout.splitlines()
    check(result.returncode == 1, f"a unit left for review: exit 1 ({result.returncode}, {result.stderr.strip()})")
    check(len(lines) == 1 and lines[0].startswith(translated + ": line ")
          and f"unit “{review_id}”: The translator marked this translation as needing review." in lines[0],
          f"it is listed with the file, its line and its id: {lines}")
    check(digest(path) == before, "the draft imported from is untouched")
    done = load(out)
    expected = expected_texts(done)
    before_import = expected_texts(draft)
    applied = wrong = 0
    for unit_id, (obj, field) in expected.items():
        tr = translation(obj, field)
        earlier = translation(*before_import[unit_id])
        if unit_id == review_id:
            check(tr is None, "the unit left for review is not applied")
            continue
        if earlier is not None:
            # Translated already (the template's own, the outdated one the translator confirmed).
            ok = tr == {"text": earlier["text"], "from": obj[field]}
        else:
            ok = tr == {"text": "EN " + obj[field], "from": obj[field]}
        applied += ok
        if not ok:
            wrong += 1
            if wrong < 4:
                check(False, f"{unit_id}: translation {tr}")
    check(wrong == 0 and applied == len(expected) - 1,
          f"every other translation is in the draft with the text it was made from ({applied})")
    check(translation(done["strategies"][0], "notes")["text"] == "EN   Primera línea\r\nsegunda <línea> & “comillas”\t\n  ",
          "a translation keeps the spaces, tabs and CRLF the translator left")
    check(done["lineage"]["draft"] == draft["lineage"]["draft"], "the draft keeps its id")

    # Imported again: nothing new, the review unit still listed.
    again = os.path.join(tmp, "again.consenso")
    result = run(consenso, ["--import-xliff", again, out, translated])
    check(result.returncode == 1 and len(result.stdout.splitlines()) == 1, "imported twice, only the review unit is left")
    return out, translated


def check_outdated(consenso, translated_path, translated_xlf, tmp):
    draft = load(translated_path)
    theme = draft["themes"][2]
    old_title = theme["title"]
    theme["title"] = old_title + " (revisado)"
    edited = os.path.join(tmp, "edited.consenso")
    save(draft, edited)
    out = os.path.join(tmp, "edited.xlf")
    result = run(consenso, ["--export-xliff", out, edited])
    store, units = units_of(out)
    unit = units["themes/theme-3/title"]
    check(result.returncode == 0 and state_of(unit) == "needs-review-translation" and unit.target == "EN " + old_title,
          "after a source edit, its translation is exported outdated, for review")
    check(sum(state_of(u) == "translated" for u in units.values()) == len(units) - 2,
          "every other text is translated (but the unit left for review, exported new)")

    # A file translated before the edit, its translator revising that unit: reported, not applied.
    store, units = units_of(translated_xlf)
    units["themes/theme-3/title"].target = "EN revised"
    revised = os.path.join(tmp, "revised.xlf")
    store.savefile(revised)
    before = digest(edited)
    result = run(consenso, ["--import-xliff", os.path.join(tmp, "edited2.consenso"), edited, revised])
    stale = [line for line in result.stdout.splitlines() if "themes/theme-3/title" in line]
    check(result.returncode == 1 and len(stale) == 1 and "Not applied: the text changed since the export" in stale[0]
          and f"“{old_title}”" in stale[0], f"a unit whose source changed is listed, not applied: {stale}")
    check(digest(edited) == before, "the draft imported from is untouched")
    edited2 = load(os.path.join(tmp, "edited2.consenso"))
    check(translation(edited2["themes"][2], "title") == {"text": "EN " + old_title, "from": old_title},
          "the outdated translation stays as it was (outdated)")


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE xliff [
 <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
]>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file original="x" source-language="es" target-language="en" datatype="plaintext"><body>
<trans-unit id="meeting/title"><source>&d;</source><target>&d;</target></trans-unit>
</body></file></xliff>
"""

EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE xliff [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file original="x" source-language="es" target-language="en" datatype="plaintext"><body>
<trans-unit id="meeting/title"><source>x</source><target>&secret;</target></trans-unit>
</body></file></xliff>
"""

PARAMETER = """<?xml version="1.0"?>
<!DOCTYPE xliff SYSTEM "http://127.0.0.1:9/xliff.dtd" [<!ENTITY % remote SYSTEM "http://127.0.0.1:9/x"> %remote;]>
<xliff version="1.2"/>
"""


def check_refusals(consenso, path, exported, other_path, tmp):
    before = digest(path)

    def refused(name, content, says, binary=False):
        bad = os.path.join(tmp, name)
        with open(bad, "wb" if binary else "w", **({} if binary else {"encoding": "utf-8"})) as f:
            f.write(content)
        out = os.path.join(tmp, "refused.consenso")
        result = run(consenso, ["--import-xliff", out, path, bad])
        message = result.stderr.strip()
        check(result.returncode == 1 and not os.path.exists(out) and digest(path) == before
              and says in message and "root:" not in message,
              f"{name}: refused, nothing written ({message})")

    refused("not-xml.xlf", "Esto no es XML.\n", "not-xml.xlf: line 1: this is not an XLIFF file")
    refused("truncated.xlf", open(exported, encoding="utf-8").read()[:2000], "truncated.xlf: line ")
    refused("laughs.xlf", BILLION_LAUGHS, "laughs.xlf: line 2: a document type declaration")
    refused("external.xlf", EXTERNAL, "external.xlf: line 2: a document type declaration")
    refused("parameter.xlf", PARAMETER, "parameter.xlf: line 2: a document type declaration")
    refused("entity.xlf", open(exported, encoding="utf-8").read().replace("<source>", "<source>&copy;", 1),
            "entity.xlf: line ")
    refused("binary.xlf", bytes(range(256)) * 4, "binary.xlf: ", binary=True)
    refused("xliff2.xlf", '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="es"/>',
            "this is XLIFF version 2.0")

    # Another draft's file: refused by its id.
    other_xlf = os.path.join(tmp, "other.xlf")
    run(consenso, ["--export-xliff", other_xlf, other_path])
    out = os.path.join(tmp, "refused.consenso")
    result = run(consenso, ["--import-xliff", out, path, other_xlf])
    check(result.returncode == 1 and not os.path.exists(out) and "other.xlf: line 3: the file was exported from another draft"
          in result.stderr, f"another draft's file is refused ({result.stderr.strip()})")

    # A file over the limit: refused before it is read (a sparse file takes no disk).
    huge = os.path.join(tmp, "huge.xlf")
    with open(huge, "wb") as f:
        f.truncate(128 * 1024 * 1024 + 1)
    result = run(consenso, ["--import-xliff", out, path, huge])
    check(result.returncode == 1 and not os.path.exists(out) and "huge.xlf: the file is larger than 128.0" in result.stderr,
          f"a file over 128 MiB is refused ({result.stderr.strip()})")

    # Units of texts the draft no longer has are listed; the rest applies.
    store, units = units_of(exported)
    units["themes/theme-1/description"].target = "Prevention"
    # translate-toolkit puts a unit it adds in XLIFF 1.1's namespace: read as XLIFF all the same.
    extra = store.addsourceunit("Tema que ya no existe", filename=store.getfilenames()[0])
    extra.setid("themes/theme-99/title")
    extra.target = "A theme that is gone"
    unknown = os.path.join(tmp, "unknown.xlf")
    store.savefile(unknown)
    result = run(consenso, ["--import-xliff", out, path, unknown])
    lines = result.stdout.splitlines()
    check(result.returncode == 1 and len(lines) == 1 and lines[0].startswith(unknown + ": line ")
          and "unit “themes/theme-99/title”: no text of this draft has this id" in lines[0],
          f"a unit of an unknown text is listed with its line and id: {lines}")
    applied = load(out) if os.path.exists(out) else {}
    check(applied and translation(applied["themes"][0], "description", "en")["text"] == "Prevention",
          "the other units apply")
    check(digest(path) == before, "the draft imported from is untouched")

    # Usage errors.
    result = run(consenso, ["--import-xliff", out, path])
    check(result.returncode == 1 and "--import-xliff needs a draft, then the translated XLIFF file" in result.stderr,
          "--import-xliff without the XLIFF file: exit 1")
    result = run(consenso, ["--export-xliff", os.path.join(tmp, "x.xlf"), path, path])
    check(result.returncode == 1 and "--export-xliff needs exactly one draft file" in result.stderr,
          "--export-xliff with two drafts: exit 1")
    result = run(consenso, ["--export-xliff", os.path.join(tmp, "no-such-dir", "x.xlf"), path])
    check(result.returncode == 1 and "x.xlf" in result.stderr and not os.path.exists(os.path.join(tmp, "no-such-dir")),
          f"an unwritable place: exit 1, the file named ({result.stderr.strip()})")


def cell_of(ws, header, row=2):
    for column, cell in enumerate(ws[1], start=1):
        if cell.value == header:
            return ws.cell(row=row, column=column).value
    raise KeyError(header)


def check_workbooks(consenso, plain_path, translated_path, catalog, tmp):
    """The workbook in the other language uses translations and marks the rest; in the draft's
    language it shows the texts as written."""
    es = gettext.GNUTranslations(open(catalog, "rb")).gettext

    def export(draft_path, language):
        out = os.path.join(tmp, f"{os.path.basename(draft_path)}-{language}.xlsx")
        result = run(consenso, ["--export-xlsx", out, "--export-language", language, draft_path])
        check(result.returncode == 0, f"workbook of {os.path.basename(draft_path)} in {language} {result.stderr.strip()}")
        return openpyxl.load_workbook(out)

    plain = load(plain_path)
    theme2_title = plain["themes"][1]["title"]
    wb = export(plain_path, "en")
    ws = wb["Theme matrix"]
    check(cell_of(ws, "Theme") == "Trafficking in persons and smuggling of migrants",
          "English workbook of a Spanish draft: a current translation")
    check(cell_of(ws, "Theme", 3) == "[untranslated] " + theme2_title,
          f"… an untranslated theme is marked, never silently Spanish ({cell_of(ws, 'Theme', 3)!r})")
    texts_ws = wb["Theme texts"]
    check(cell_of(texts_ws, "Description", 3) == "[outdated translation] " + plain["themes"][1]["description"],
          "… an outdated translation shows the source after a mark")
    check(cell_of(texts_ws, "Reservations") == "United States: [untranslated] Reserva sobre el alcance",
          f"… reservations too ({cell_of(texts_ws, 'Reservations')!r})")
    check(cell_of(texts_ws, "Theme", 3) == "[untranslated] " + theme2_title, "… on the theme texts' sheet too")
    check(cell_of(wb["Actors"], "Current role") == "[untranslated] " + plain["actors"][0]["current_role"],
          "… an actor's current role")
    summary = {r[0].value: r[1].value for r in wb["Summary"].iter_rows(max_col=2)}
    title = shown(plain["meeting"], "title", plain, "en")
    check(summary["Meeting"] == title and summary["Venue"] == "[untranslated] Ciudad de Panamá",
          f"… the meeting's title and venue ({title!r})")
    check(wb.properties.title == title, "… the workbook's title")
    check(cell_of(wb["Strategies"], "Theme") == "Trafficking in persons and smuggling of migrants",
          "… a strategy's theme in its translation")
    check(cell_of(wb["Endorsements"], "Note") == "[untranslated] Por nota verbal", "… an endorsement's note")
    texts = [c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    check(not any(t == theme2_title for t in texts), "… no Spanish theme title unmarked anywhere")

    wb = export(plain_path, "es")
    ws = wb[es("Theme matrix")]
    check(cell_of(ws, es("Theme")) == plain["themes"][0]["title"] and cell_of(ws, es("Theme"), 3) == theme2_title,
          "Spanish workbook of a Spanish draft: the texts as written, unmarked")

    translated = load(translated_path)
    wb = export(translated_path, "en")
    ws = wb["Theme matrix"]
    check(cell_of(ws, "Theme", 3) == "EN " + theme2_title and
          cell_of(wb["Theme texts"], "Description", 3) == "Old English text",
          "English workbook after the import: translations, the confirmed one up to date")
    texts = [c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    marked = [t for t in texts if t.startswith("[untranslated]") or t.startswith("[outdated translation]")]
    check(marked == ["[untranslated] " + translated["mechanisms"][1]["name"]],
          f"… only the text left for review is still marked: {marked}")

    # A draft written in English, exported in Spanish: Spanish marks.
    english = copy.deepcopy(plain)
    english["meeting"]["language"] = "en"
    english["themes"][0].pop("translations")
    english["themes"][0]["title"] = "Trafficking in persons"
    english["themes"][0]["translations"] = {"es": {"title": {"text": "Trata de personas", "from": "Trafficking in persons"}}}
    english["themes"][2]["translations"] = {"es": {"title": {"text": "Título viejo", "from": "Old title"}}}
    english_path = os.path.join(tmp, "english.consenso")
    save(english, english_path)
    wb = export(english_path, "es")
    ws = wb[es("Theme matrix")]
    check(cell_of(ws, es("Theme")) == "Trata de personas", "Spanish workbook of an English draft: a translation")
    check(cell_of(ws, es("Theme"), 3) == es("[untranslated]") + " " + theme2_title
          and es("[untranslated]") == "[sin traducir]", f"… the rest marked in Spanish ({cell_of(ws, es('Theme'), 3)!r})")
    check(cell_of(ws, es("Theme"), 4) == "[traducción desactualizada] " + plain["themes"][2]["title"],
          f"… an outdated one marked in Spanish ({cell_of(ws, es('Theme'), 4)!r})")
    english_texts = wb[es("Theme texts")]
    check(cell_of(english_texts, es("Description"), 3) == "[sin traducir] " + plain["themes"][1]["description"],
          f"… a description without a Spanish translation marked ({cell_of(english_texts, es('Description'), 3)!r})")


def check_documents(consenso, plain_path, translated_path, tmp):
    """The document in English: translations where there are, marked sources where not."""
    import docx

    def paragraphs(draft_path, language):
        out = os.path.join(tmp, f"{os.path.basename(draft_path)}-{language}.docx")
        result = run(consenso, ["--export-document", out, "--export-language", language, draft_path])
        check(result.returncode == 0, f"document of {os.path.basename(draft_path)} in {language} {result.stderr.strip()}")
        return "\n".join(p.text for p in docx.Document(out).paragraphs)

    plain = load(plain_path)
    title = plain["themes"][1]["title"]
    text = paragraphs(plain_path, "en")
    check("[untranslated] " + title in text, "English document of an untranslated theme: the source after a mark")
    check("Trafficking in persons and smuggling of migrants" in text, "… a current translation as it is")
    text = paragraphs(translated_path, "en")
    check("EN " + title in text and "[untranslated] " + title not in text,
          "English document after the import: the translation, no mark")
    text = paragraphs(translated_path, "es")
    check(title in text and "EN " + title not in text, "Spanish document: the source, as written")


def check_delegation_workbooks(consenso, plain_path, translated_path, tmp):
    """Each delegation's workbook shows the texts in its language the same way; a comment typed in
    either language comes back as typed, the position's comment (its source text)."""
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "answers"))
    import answerstest

    def export(draft_path, name):
        directory = os.path.join(tmp, name)
        paths = answerstest.export(consenso, draft_path, directory)
        return {code: answerstest.workbook_path(directory, code, paths) for code in ("CA", "MX")}

    def theme_title(path, theme):
        """The theme's title in the delegation's theme matrix, under the header "Theme" or "Tema"."""
        wb = openpyxl.load_workbook(path)
        ws, _, header_row, _, _ = answerstest.resolve(wb, "Consenso_Theme_Id")
        row = answerstest.rows_by_id(wb, "Theme")[theme][1]
        column = next(c for c, cell in enumerate(ws[header_row], start=1) if cell.value in ("Theme", "Tema"))
        return ws.cell(row=row, column=column).value

    plain = load(plain_path)
    title = plain["themes"][1]["title"]
    books = export(plain_path, "plain-delegations")
    check(theme_title(books["CA"], "theme-2") == "[untranslated] " + title,
          f"Canada's workbook (English) marks an untranslated theme ({theme_title(books['CA'], 'theme-2')!r})")
    check(theme_title(books["MX"], "theme-2") == title, "Mexico's workbook (Spanish) shows it as written")

    books = export(translated_path, "translated-delegations")
    check(theme_title(books["CA"], "theme-2") == "EN " + title, "Canada's workbook shows the translation once there is one")
    check(theme_title(books["MX"], "theme-2") == title, "… and Mexico's the Spanish text")

    comments = {"CA": "Nuestra delegación apoya el tema.", "MX": "We support it, with a caveat on the term."}
    for code, comment in comments.items():
        wb = openpyxl.load_workbook(books[code])
        answerstest.answer(wb, "Theme", "theme-2", "supports", comment)
        wb.save(books[code])
    out = os.path.join(tmp, "answered.consenso")
    result = run(consenso, ["--import-answers", out, translated_path, books["CA"], books["MX"]])
    check(result.returncode == 0, f"--import-answers exits 0 {result.stdout}{result.stderr}")
    answered = load(out) if os.path.exists(out) else {"positions": []}
    found = {p["country"]: p for p in answered["positions"] if p["item"] == "theme-2"}
    check(all(found.get(code, {}).get("comment") == comment and "translations" not in found.get(code, {})
              for code, comment in comments.items()),
          f"a comment typed in either language is the position's comment, as typed ({found})")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--consenso", required=True)
    parser.add_argument("--template", required=True)
    parser.add_argument("--catalog", required=True)
    args = parser.parse_args()

    template = load(args.template)
    tmp = tempfile.mkdtemp(prefix="check-xliff-")
    try:
        path, draft = prepare(template, tmp, args.consenso)
        exported = check_export(args.consenso, path, draft, tmp)
        translated_path, translated_xlf = check_import(args.consenso, path, draft, exported, tmp)
        check_outdated(args.consenso, translated_path, translated_xlf, tmp)
        other_dir = os.path.join(tmp, "other")
        os.mkdir(other_dir)
        other_path, _ = prepare(template, other_dir, args.consenso)
        check_refusals(args.consenso, path, exported, other_path, tmp)
        check_workbooks(args.consenso, os.path.join(tmp, "plain.consenso"), translated_path, args.catalog, tmp)
        check_documents(args.consenso, os.path.join(tmp, "plain.consenso"), translated_path, tmp)
        check_delegation_workbooks(args.consenso, os.path.join(tmp, "plain.consenso"), translated_path, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    if failures:
        print(f"{len(failures)} check(s) failed")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
