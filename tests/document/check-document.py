#!/usr/bin/python3
"""check-document.py: writes the recommendations document with the real consenso binary and reads
it back: the DOCX with python3-docx (and its footnotes from the package), the PDF with pdftotext,
pdffonts, pdfinfo and pdftohtml; with --libreoffice, LibreOffice converts the DOCX.

Run by meson with Debian's /usr/bin/python3. Each check prints a line; the script exits 1 when any
failed, 77 when --libreoffice finds no soffice.
"""

import argparse
import copy
import gettext
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
import xml.etree.ElementTree as ET

import docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
HORIZONS = ["short-term", "medium-term", "undecided"]
failures = []


def check(condition, what):
    if condition:
        print("ok -", what)
    else:
        print("FAILED -", what)
        failures.append(what)
    return condition


class Labels:
    """Fixed labels in the document's language: the msgid in English, es.mo's text in Spanish."""

    def __init__(self, language, catalog):
        self.language = language
        self.catalog = catalog

    def __call__(self, msgid):
        return msgid if self.language == "en" else self.catalog.gettext(msgid)

    def name(self, localized):
        return localized.get(self.language) or localized.get("en" if self.language == "es" else "es")


def run(consenso, args, env_extra=None):
    env = dict(os.environ)
    env.update(env_extra or {})
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    return subprocess.run([consenso] + args, capture_output=True, text=True, env=env, timeout=300)


def without_sanitizer_report(text):
    """stderr without LeakSanitizer's count of suppressions, which a sanitizer build prints."""
    return re.sub(r"-{10,}\nSuppressions used:.*?-{10,}\n\n?", "", text, flags=re.S)


def export(consenso, draft, out, language, env_extra=None):
    result = run(consenso, ["--export-document", out, "--export-language", language, draft], env_extra)
    check(result.returncode == 0 and result.stdout == "" and without_sanitizer_report(result.stderr) == "",
          f"export of {os.path.basename(draft)} to {os.path.basename(out)} exits 0 quietly"
          + (f": {result.stderr.strip()}" if result.returncode else ""))
    return result.returncode == 0


def tool(*args):
    return subprocess.run(list(args), capture_output=True, text=True, timeout=300)


def squash(text):
    return re.sub(r"\s+", " ", text).strip()


def shown_text(item, field, draft, labels):
    """A free text as the document shows it in the labels' language (translation or the source)."""
    source = item[field]
    if labels.language == draft["meeting"]["language"]:
        return source
    translation = item.get("translations", {}).get(labels.language, {}).get(field)
    if translation and translation["from"] == source:
        return translation["text"]
    mark = "[untranslated]" if translation is None else "[outdated translation]"
    return f"{labels(mark)} {source}"


def expected_paragraphs(draft, labels):
    """The numbered paragraphs the document must have, in order: (kind, id, unagreed)."""
    is_draft = draft["meeting"]["status"] == "draft"
    out = []
    background = [p for p in re.split(r"\n\s*\n", draft["document"]["background"]) if p.strip()]
    out += [("background", i, False) for i in range(len(background))]
    pillars = [p["id"] for p in draft["pillars"]]
    for horizon in HORIZONS if is_draft else HORIZONS[:2]:
        for pillar in pillars:
            for theme in draft["themes"]:
                if theme["horizon"] != horizon or theme["pillar"] != pillar:
                    continue
                if theme["consensus"] == "pending" and not is_draft:
                    continue
                out.append(("theme", theme["id"], theme["consensus"] == "pending"))
    for mechanism in draft["mechanisms"]:
        has_text = mechanism["considerations"].strip() or mechanism["proposal"].strip()
        if mechanism["assessment"] != "not-assessed":
            out.append(("mechanism", mechanism["id"], False))
        elif is_draft and has_text:
            out.append(("mechanism", mechanism["id"], True))
    for actor in draft["actors"]:
        for proposal in draft["role_proposals"]:
            if proposal["actor"] != actor["id"]:
                continue
            if proposal["status"] == "agreed" or (is_draft and proposal["status"] == "proposed"):
                out.append(("proposal", proposal["id"], proposal["status"] == "proposed"))
    out.append(("next_steps", 0, False))
    if draft["meeting"].get("answers_due"):
        out.append(("answers_due", 0, False))
    out.append(("closing", 0, False))
    return out


def docx_parts(path):
    with zipfile.ZipFile(path) as z:
        return {name: z.read(name).decode("utf-8") for name in z.namelist()}


def xml_texts(xml):
    """The text of a part's w:t, as one string per w:p."""
    root = ET.fromstring(xml)
    return ["".join(t.text or "" for t in p.iter(W + "t")) for p in root.iter(W + "p")]


def check_docx(path, draft, labels, label):
    """Reads the DOCX back; returns its numbered and sub-item paragraphs for the PDF to match."""
    lang = labels.language
    is_draft = draft["meeting"]["status"] == "draft"
    document = docx.Document(path)
    parts = docx_parts(path)
    paragraphs = document.paragraphs
    by_style = {}
    for p in paragraphs:
        by_style.setdefault(p.style.name, []).append(p.text)

    # Headings by style, the sections and annexes in order.
    sections = [labels("Background"), labels("Themes recommended"),
                labels("Considerations on the mechanisms of the Conference"),
                labels("Role and attributions of the actors"), labels("Next steps")]
    roman = ["I.", "II.", "III.", "IV.", "V."]
    annex = labels("Annex {number}.")
    expected_h1 = [f"{roman[i]}\t{s}" for i, s in enumerate(sections)]
    expected_h1 += [annex.replace("{number}", "I") + "\t" + labels("List of participants"),
                    annex.replace("{number}", "II") + "\t" + labels("Theme matrix")]
    if draft["meeting"]["status"] == "submitted":
        expected_h1.append(annex.replace("{number}", "III") + "\t" + labels("Endorsements received"))
    check(by_style.get("Heading 1") == expected_h1, f"{label}: Heading 1 paragraphs are the sections and annexes")
    horizons = ["A.\t" + labels("Short term"), "B.\t" + labels("Medium term")]
    if is_draft:
        horizons.append("C.\t" + labels("Term still to be decided"))
    check(by_style.get("Heading 2") == horizons, f"{label}: Heading 2 paragraphs are the terms")
    check(len(by_style.get("Heading 3", [])) > 0, f"{label}: pillars and actors are Heading 3")
    check(by_style.get("Title") == [labels("Proposals and recommendations of the Working Group")],
          f"{label}: the title has the Title style")
    status = {"draft": labels("Draft"), "approved": labels("Approved by the Group"),
              "submitted": labels("Submitted to the Member States")}[draft["meeting"]["status"]]
    original = labels("Original: Spanish" if draft["meeting"]["language"] == "es" else "Original: English")
    check(by_style.get("Document Status", [])[:2] == [status, original],
          f"{label}: the header block says the status and the original language")

    # Every numbered paragraph in order, numbered from 1 across the sections.
    numbered = by_style.get("Numbered Paragraph", [])
    expected = expected_paragraphs(draft, labels)
    numbers_ok = all(t.startswith(f"{i + 1}.\t") for i, t in enumerate(numbered))
    check(numbers_ok and len(numbered) == len(expected),
          f"{label}: {len(expected)} numbered paragraphs, numbered continuously (found {len(numbered)})")
    themes = {t["id"]: t for t in draft["themes"]}
    strategies = [s for s in draft["strategies"]]
    marks = (labels("[untranslated]") + " ", labels("[outdated translation]") + " ")
    for (kind, key, unagreed), text in zip(expected, numbered):
        body = text.split("\t", 1)[1] if "\t" in text else text
        plain = body
        for mark in marks:
            plain = plain.replace(mark, "")
        if kind == "theme":
            title = shown_text(themes[key], "title", draft, labels)
            check(body.startswith(("[" if unagreed and is_draft else "") + title),
                  f"{label}: theme {key} is paragraph {text.split(chr(9))[0]}")
        if is_draft:
            check(plain.startswith("[") == unagreed and plain.endswith("]") == unagreed,
                  f"{label}: paragraph {text.split(chr(9))[0]} is {'in' if unagreed else 'out of'} brackets")
        inside = plain[1:-1] if unagreed and is_draft else plain
        check(not re.search(r"[\[\]]", inside), f"{label}: paragraph {text.split(chr(9))[0]} has no other bracket")

    # Strategies follow their theme as a), b), c).
    order = [p for p in paragraphs if p.style.name in ("Numbered Paragraph", "Sub-item")]
    for kind, key, unagreed in expected:
        if kind != "theme":
            continue
        title = shown_text(themes[key], "title", draft, labels)
        at = next((i for i, p in enumerate(order) if p.style.name == "Numbered Paragraph"
                   and title in p.text), None)
        mine = [s for s in strategies if s["theme"] == key]
        following = []
        for p in order[at + 1 if at is not None else len(order):]:
            if p.style.name != "Sub-item":
                break
            following.append(p.text)
        good = at is not None and len(following) == len(mine)
        for i, (strategy, text) in enumerate(zip(mine, following)):
            description = shown_text(strategy, "description", draft, labels)
            good &= text.startswith(f"{'abcdefghijklmnopqrstuvwxyz'[i]})\t" + ("[" if unagreed else "") + description)
        check(good, f"{label}: the strategies of {key} follow it, lettered")

    # One real footnote per reservation, "La delegación de X …", referenced from its theme.
    notes_root = ET.fromstring(parts["word/footnotes.xml"])
    notes = {int(n.get(W + "id")): "".join(t.text or "" for t in n.iter(W + "t"))
             for n in notes_root.iter(W + "footnote") if int(n.get(W + "id")) > 0}
    shown_themes = [key for kind, key, _ in expected if kind == "theme"]
    reservations = [(key, r) for key in shown_themes for r in themes[key]["reservations"]]
    check(len(notes) == len(reservations), f"{label}: {len(reservations)} footnotes, one per reservation")
    countries = {c["code"]: labels.name(c["name"]) for c in draft["countries"]}
    for i, (key, reservation) in enumerate(reservations):
        country = countries[reservation["country"]]
        text = notes.get(i + 1, "")
        check(re.search(labels("The delegation of {country}").replace("{country}", r"(the )?" + re.escape(country)), text)
              is not None, f"{label}: footnote {i + 1} names the delegation of {country}")
    body = ET.fromstring(parts["word/document.xml"])
    refs = {}
    for p in body.iter(W + "p"):
        for ref in p.iter(W + "footnoteReference"):
            refs[int(ref.get(W + "id"))] = "".join(t.text or "" for t in p.iter(W + "t"))
    check(sorted(refs) == sorted(notes), f"{label}: every footnote is referenced once")
    for i, (key, _) in enumerate(reservations):
        check(shown_text(themes[key], "title", draft, labels) in refs.get(i + 1, ""),
              f"{label}: footnote {i + 1} is referenced from its theme's paragraph")

    # No unagreed text once approved.
    if not is_draft:
        everything = "".join(xml_texts(parts["word/document.xml"]) + xml_texts(parts["word/footnotes.xml"]))
        check("[" not in everything and "]" not in everything, f"{label}: no brackets anywhere")

    # Tables for the annexes: participants by delegation, the theme matrix, endorsements.
    tables = document.tables
    check(len(tables) == (3 if draft["meeting"]["status"] == "submitted" else 2), f"{label}: a table per annex")
    if tables:
        first_column = [row.cells[0].text for row in tables[0].rows]
        check(first_column[0] == labels("Name"), f"{label}: the participants table has a header row")
        members = [c["code"] for c in draft["countries"] if c["membership"] == "member"]
        observers = [c["code"] for c in draft["countries"] if c["membership"] == "observer"]
        present = {p["country"] for p in draft["participants"]}
        groups = [countries[c] for c in members if c in present]
        if any(p["country"] not in countries for p in draft["participants"]):
            groups.append(labels("Technical Secretariat"))
        groups += [countries[c] for c in observers if c in present]
        found = [row.cells[0].text for row in tables[0].rows if len({id(c._tc) for c in row.cells}) == 1]
        check(found == groups, f"{label}: delegations in the Conference's order, then the Secretariat and observers")
    if len(tables) > 1:
        matrix = [row.cells[1].text for row in tables[1].rows][1:]
        titles = [("[" if u and is_draft else "") + shown_text(themes[k], "title", draft, labels) + ("]" if u and is_draft else "")
                  for kind, k, u in expected if kind == "theme"]
        check(matrix == titles, f"{label}: the theme matrix lists the document's themes in order")

    # Language tags, properties, header and footer fields.
    tag = "es-MX" if lang == "es" else "en-US"
    styles = ET.fromstring(parts["word/styles.xml"])
    defaults = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    check(defaults is not None and defaults.get(W + "val") == tag, f"{label}: the text is tagged {tag}")
    check(document.core_properties.language == tag and
          document.core_properties.title == labels("Proposals and recommendations of the Working Group"),
          f"{label}: document properties: title and language")
    header = " ".join(p.text for p in document.sections[0].header.paragraphs)
    check(labels("Proposals and recommendations of the Working Group") in header and
          (labels("DRAFT") if is_draft else status) in header,
          f"{label}: the page header repeats the title and the status")
    footer = parts["word/footer1.xml"]
    check("PAGE" in footer and "NUMPAGES" in footer, f"{label}: the footer numbers the pages with fields")
    return [(p.style.name, p.text) for p in paragraphs if p.style.name in ("Numbered Paragraph", "Sub-item")]


def pdf_text(path, first=None, last=None, layout=False):
    args = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else [])
    if first is not None:
        args += ["-f", str(first), "-l", str(last)]
    result = tool(*args, path, "-")
    return result.stdout


def check_pdf(path, draft, labels, docx_paragraphs, label, paper="A4"):
    info = tool("pdfinfo", path).stdout
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info)
    expected_size = (595.28, 841.89) if paper == "A4" else (612.0, 792.0)
    check(size is not None and abs(float(size.group(1)) - expected_size[0]) < 0.5 and
          abs(float(size.group(2)) - expected_size[1]) < 0.5, f"{label}: {paper} pages")
    check(f"Title:           {labels('Proposals and recommendations of the Working Group')}" in info and
          "Creator:         Consenso" in info, f"{label}: PDF metadata: title and creator")

    fonts = tool("pdffonts", path).stdout.splitlines()[2:]
    check(fonts and all(re.search(r"\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$", f) and
                        f.split()[-5] == "yes" for f in fonts),
          f"{label}: every font is embedded ({len(fonts)} fonts)")

    # The same paragraphs and numbers as the DOCX, in the same order (as laid out: a hanging
    # number is on its paragraph's first line).
    text = squash(pdf_text(path, layout=True))
    position = 0
    missing = []
    for style, paragraph in docx_paragraphs:
        number, _, body = paragraph.partition("\t")
        words = squash(body).split(" ")[:6]
        pattern = re.escape(number) + r"\s+" + r"\s+".join(re.escape(w) for w in words)
        found = re.compile(pattern).search(text, position)
        if found is None:
            missing.append(paragraph[:60])
        else:
            position = found.end()
    check(not missing, f"{label}: the PDF has the DOCX's {len(docx_paragraphs)} numbered paragraphs in order"
          + (f" (missing: {missing[:3]})" if missing else ""))

    # The outline lists the headings.
    outline = tool("pdftohtml", "-xml", "-i", "-stdout", path).stdout
    items = re.findall(r'<item page="\d+">([^<]*)</item>', outline)
    check(items[:2] == ["I. " + labels("Background"), "II. " + labels("Themes recommended")],
          f"{label}: the PDF's outline lists the sections")

    # Each footnote on the page of its reference.
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    check(f"1 {labels('{page} of {pages}').replace('{page} ', '').replace('{pages}', str(pages))}"
          in squash(pdf_text(path, 1, 1)), f"{label}: the footer says the page of the count")
    countries = {c["code"]: labels.name(c["name"]) for c in draft["countries"]}
    for theme in draft["themes"]:
        for reservation in theme["reservations"]:
            title = shown_text(theme, "title", draft, labels)
            note = labels("The delegation of {country}").replace("{country}", "")
            country = countries[reservation["country"]]
            note_pages = [p for p in range(1, pages + 1)
                          if re.search(re.escape(note) + r"(the )?" + re.escape(country), squash(pdf_text(path, p, p)))]
            title_pages = [p for p in range(1, pages + 1) if title in squash(pdf_text(path, p, p))]
            if draft["meeting"]["status"] != "draft" and theme["consensus"] == "pending":
                continue
            check(note_pages and title_pages and note_pages[0] in title_pages,
                  f"{label}: the reservation of {country} on {theme['id']} is on its paragraph's page")


def make_tricky_draft(sample):
    """Formula-like text, right-to-left and CJK scripts, emoji, 40,000 characters, XML specials and
    control characters, where the document shows them."""
    draft = copy.deepcopy(sample)
    long_text = " ".join(f"palabra{i}" for i in range(4500))[:40000]
    texts = {
        "formula": "=SUM(A1:A9)+1 -2 @usuario",
        "xml": "<w:t xml:space=\"preserve\">&amp; \"citas\" 'apóstrofos' </w:p>",
        "rtl": "مرحبا بالعالم שלום עולם",
        "cjk": "移民问题与区域合作",
        "emoji": "🌎👍🏽",
    }
    themes = draft["themes"]
    themes[0]["title"] = texts["formula"] + " \u0001\u0007\u001b\u0085fin"
    themes[0]["description"] = long_text
    themes[0]["reservations"][0]["text"] = texts["rtl"]
    themes[4]["title"] = texts["cjk"] + " " + texts["emoji"]
    themes[4]["description"] = texts["xml"]
    draft["participants"][0]["name"] = "Ana " + texts["emoji"] + " Pérez"
    draft["document"]["preamble"] = texts["xml"] + "\u2028" + texts["formula"]
    for theme in themes:
        theme.pop("translations", None)
    return draft, texts, long_text


def check_tricky(docx_path, pdf_path, texts, long_text, label):
    document = docx.Document(docx_path)
    everything = "\n".join(p.text for p in document.paragraphs)
    everything += "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    parts = docx_parts(docx_path)
    everything += "\n".join(xml_texts(parts["word/footnotes.xml"]))
    for name, text in texts.items():
        check(text.strip() in everything, f"{label}: the {name} text survives in the DOCX")
    check(long_text in everything, f"{label}: 40,000 characters survive in the DOCX")
    check(texts["formula"] + " fin" in everything and "\u0001" not in "".join(parts.values()),
          f"{label}: control characters are dropped, the text around them kept")
    check(texts["rtl"] in parts["word/footnotes.xml"], f"{label}: the right-to-left reservation is a footnote")

    text = pdf_text(pdf_path)
    flat = squash(text)
    check(texts["formula"] + " fin" in flat, f"{label}: formula-like text and controls in the PDF")
    check(squash(texts["xml"]) in flat, f"{label}: XML special characters in the PDF")
    check(texts["cjk"] in flat, f"{label}: CJK text in the PDF")
    check(all(word in flat or word[::-1] in flat for word in texts["rtl"].split()),
          f"{label}: Arabic and Hebrew text in the PDF")
    words = [w for w in long_text.split(" ") if w]
    check(all(w in flat for w in (words[0], words[len(words) // 2], words[-1])) and
          len(re.findall(r"palabra\d+", flat)) >= len(words),
          f"{label}: 40,000 characters in the PDF ({len(words)} words)")
    # Colour emoji are drawn as images by cairo: they are there, as pictures.
    images = tool("pdfimages", "-list", pdf_path).stdout.splitlines()[2:]
    check(len(images) >= 2, f"{label}: the emoji are drawn ({len(images)} images)")


def libreoffice(path, tmp):
    """LibreOffice opens the DOCX and makes a PDF of it; its text (as laid out) is returned."""
    out_dir = os.path.join(tmp, "libreoffice")
    profile = "file://" + os.path.join(tmp, "libreoffice-profile")
    result = subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                             "--outdir", out_dir, path], capture_output=True, text=True, timeout=300)
    pdf = os.path.join(out_dir, os.path.splitext(os.path.basename(path))[0] + ".pdf")
    if not check(result.returncode == 0 and os.path.exists(pdf),
                 f"LibreOffice opens {os.path.basename(path)} and writes a PDF of it {result.stderr.strip()[-200:]}"):
        return ""
    return squash(pdf_text(pdf, layout=True))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--consenso", required=True)
    parser.add_argument("--catalog", required=True, help="the es.mo the document reads")
    parser.add_argument("--sample", required=True)
    parser.add_argument("--template", required=True)
    parser.add_argument("--libreoffice", action="store_true")
    args = parser.parse_args()

    if args.libreoffice and shutil.which("soffice") is None:
        print("# soffice is not installed")
        return 77

    with open(args.catalog, "rb") as f:
        catalog = gettext.GNUTranslations(f)
    labels = {"es": Labels("es", catalog), "en": Labels("en", catalog)}
    with open(args.sample, encoding="utf-8") as f:
        sample = json.load(f)

    tmp = tempfile.mkdtemp(prefix="check-document-")
    try:
        def write_draft(name, draft):
            path = os.path.join(tmp, name)
            with open(path, "w", encoding="utf-8") as f:
                json.dump(draft, f, ensure_ascii=False)
            return path

        if args.libreoffice:
            tricky, texts, long_text = make_tricky_draft(sample)
            for name, draft in (("sample", sample), ("tricky", tricky)):
                path = write_draft(name + ".consenso", draft)
                out = os.path.join(tmp, name + ".docx")
                if export(args.consenso, path, out, "es"):
                    text = libreoffice(out, tmp)
                    titles = [t["title"] for t in draft["themes"] if t["consensus"] != "pending"]
                    check(all(squash(t.replace("\u0001", "").replace("\u0007", "").replace("\u001b", "")
                                     .replace("\u0085", "")) in text for t in titles),
                          f"LibreOffice's PDF of {name}.docx has every theme")
                    # Every numbered paragraph, in order, as Word styles and tabs laid it out.
                    numbered = [p.text for p in docx.Document(out).paragraphs
                                if p.style.name in ("Numbered Paragraph", "Sub-item")]
                    position, missing = 0, []
                    for paragraph in numbered:
                        number, _, body = paragraph.partition("\t")
                        words = squash(body).split(" ")[:3]
                        found = re.compile(re.escape(number) + r"\s+" + r"\s+".join(map(re.escape, words))).search(text, position)
                        if found is None:
                            missing.append(paragraph[:40])
                        else:
                            position = found.end()
                    check(not missing, f"LibreOffice lays out the {len(numbered)} numbered paragraphs of {name}.docx"
                          + (f" (missing {missing[:3]})" if missing else ""))
            return 1 if failures else 0

        for status in ("draft", "approved", "submitted"):
            draft = copy.deepcopy(sample)
            draft["meeting"]["status"] = status
            path = write_draft(f"{status}.consenso", draft)
            for language in ("es", "en") if status == "draft" else ("es",):
                label = f"{status} {language}"
                docx_path = os.path.join(tmp, f"{status}-{language}.docx")
                pdf_path = os.path.join(tmp, f"{status}-{language}.pdf")
                if export(args.consenso, path, docx_path, language) and export(args.consenso, path, pdf_path, language):
                    paragraphs = check_docx(docx_path, draft, labels[language], label)
                    check_pdf(pdf_path, draft, labels[language], paragraphs, label)

        # The paper follows the locale: US Letter where it is the Americas' size.
        if "en_US.utf8" in tool("locale", "-a").stdout.split():
            out = os.path.join(tmp, "letter.pdf")
            env = {"LC_ALL": "", "LANG": "C.UTF-8", "LC_PAPER": "en_US.UTF-8"}
            if export(args.consenso, args.sample, out, "es", env):
                info = tool("pdfinfo", out).stdout
                check("612 x 792 pts (letter)" in info, "LC_PAPER=en_US gives US Letter pages")
            out = os.path.join(tmp, "letter.docx")
            if export(args.consenso, args.sample, out, "es", env):
                check('w:w="12240" w:h="15840"' in docx_parts(out)["word/document.xml"],
                      "LC_PAPER=en_US gives US Letter pages in the DOCX")
        else:
            print("# no en_US.UTF-8 locale: the Letter paper is not checked")

        # Without --export-language, the draft's own language; the template too.
        out = os.path.join(tmp, "template.docx")
        result = run(args.consenso, ["--export-document", out, args.template])
        check(result.returncode == 0 and docx.Document(out).paragraphs[0].text == "CONFERENCIA REGIONAL SOBRE MIGRACIÓN",
              "without --export-language the document is in the draft's language")

        # Nasty text survives in both outputs.
        tricky, texts, long_text = make_tricky_draft(sample)
        path = write_draft("tricky.consenso", tricky)
        docx_path, pdf_path = os.path.join(tmp, "tricky.docx"), os.path.join(tmp, "tricky.pdf")
        if export(args.consenso, path, docx_path, "es") and export(args.consenso, path, pdf_path, "es"):
            check_tricky(docx_path, pdf_path, texts, long_text, "tricky")

        # Failures: a message naming the file, exit 1, nothing written, the old file intact.
        old = os.path.join(tmp, "old.docx")
        with open(old, "w") as f:
            f.write("old")
        result = run(args.consenso, ["--export-document", old, os.path.join(tmp, "missing.consenso")])
        check(result.returncode == 1 and "old.docx" in result.stderr and "missing.consenso" in result.stderr,
              "a missing draft: exit 1, the message names both files")
        with open(old) as f:
            check(f.read() == "old", "a failed export leaves the old file as it was")
        result = run(args.consenso, ["--export-document", os.path.join(tmp, "out.odt"), args.sample])
        check(result.returncode == 1 and "out.odt" in result.stderr and not os.path.exists(os.path.join(tmp, "out.odt")),
              "an unknown extension: exit 1, the message names the file, nothing written")
        result = run(args.consenso, ["--export-document", os.path.join(tmp, "no-such-dir", "x.pdf"), args.sample])
        check(result.returncode == 1 and "x.pdf" in result.stderr, "an unwritable place: exit 1, the file named")
        check(not [n for n in os.listdir(tmp) if n.startswith(".")], "no temporary file is left behind")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    if failures:
        print(f"{len(failures)} check(s) failed")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
