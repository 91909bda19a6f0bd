"""xlsxtest.py: what the workbook reader's Python tests share: TAP output, running xlsx-dump, and
building .xlsx packages part by part with zipfile for the cases no spreadsheet program writes."""
import json
import os
import subprocess
import sys
import traceback
import zipfile

NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
</Types>"""

PACKAGE_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="{NS_PKG_REL}"><Relationship Id="rId1" Type="{NS_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>"""


def sheet_xml(rows_xml, before="", after=""):
    """A worksheet part around the XML of its <row> elements."""
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<worksheet xmlns="{NS_MAIN}" xmlns:r="{NS_REL}">{before}'
            f'<sheetData>{rows_xml}</sheetData>{after}</worksheet>')


def shared_xml(items_xml):
    """A shared strings part around the XML of its <si> elements."""
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<sst xmlns="{NS_MAIN}">{items_xml}</sst>')


def build_xlsx(path, sheets, shared=None, styles=None, defined_names="", workbook_pr="",
               workbook_rels=None, parts=None, package_rels=PACKAGE_RELS, workbook_xml=None,
               compresslevel=6, sheet_targets=None):
    """Writes a workbook: sheets is a list of (name, worksheet XML) or (name, worksheet XML, state);
    parts adds or replaces parts by name (None removes one)."""
    sheet_entries = []
    rels = []
    files = {"[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": package_rels}
    for index, sheet in enumerate(sheets, start=1):
        name, xml = sheet[0], sheet[1]
        state = f' state="{sheet[2]}"' if len(sheet) > 2 else ""
        sheet_entries.append(f'<sheet name="{name}" sheetId="{index}"{state} r:id="rId{index}"/>')
        target = sheet_targets[index - 1] if sheet_targets else f"worksheets/sheet{index}.xml"
        rels.append(f'<Relationship Id="rId{index}" Type="{NS_REL}/worksheet" Target="{target}"/>')
        files[f"xl/worksheets/sheet{index}.xml"] = xml
    if shared is not None:
        rels.append(f'<Relationship Id="rIdS" Type="{NS_REL}/sharedStrings" Target="sharedStrings.xml"/>')
        files["xl/sharedStrings.xml"] = shared
    if styles is not None:
        rels.append(f'<Relationship Id="rIdT" Type="{NS_REL}/styles" Target="styles.xml"/>')
        files["xl/styles.xml"] = styles
    if workbook_xml is None:
        workbook_xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                        f'<workbook xmlns="{NS_MAIN}" xmlns:r="{NS_REL}">{workbook_pr}'
                        f'<sheets>{"".join(sheet_entries)}</sheets>'
                        f'{"<definedNames>" + defined_names + "</definedNames>" if defined_names else ""}'
                        f'</workbook>')
    files["xl/workbook.xml"] = workbook_xml
    if workbook_rels is None:
        workbook_rels = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                         f'<Relationships xmlns="{NS_PKG_REL}">{"".join(rels)}</Relationships>')
    files["xl/_rels/workbook.xml.rels"] = workbook_rels
    for name, content in (parts or {}).items():
        if content is None:
            files.pop(name, None)
        else:
            files[name] = content
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=compresslevel) as package:
        for name, content in files.items():
            package.writestr(name, content.encode("utf-8") if isinstance(content, str) else content)
    return path


class Tap:
    """Runs named checks and prints TAP; a check fails on any exception."""

    def __init__(self):
        self.results = []

    def run(self, name, function, *args):
        try:
            function(*args)
            self.results.append((True, name, ""))
        except Exception:  # noqa: BLE001 - every failure is reported, with its trace
            self.results.append((False, name, traceback.format_exc()))

    def finish(self):
        print(f"1..{len(self.results)}")
        for number, (ok, name, detail) in enumerate(self.results, start=1):
            print(f"{'ok' if ok else 'not ok'} {number} - {name}")
            for line in detail.splitlines():
                print(f"# {line}")
        sys.exit(0 if all(ok for ok, _, _ in self.results) else 1)


class Refused(Exception):
    def __init__(self, code, message):
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message


# CsnXlsxError's codes, in the order of the enum.
CODES = ["NOT_ZIP", "NOT_WORKBOOK", "DAMAGED", "ENCRYPTED", "STRICT", "TOO_LARGE", "DOCTYPE",
         "OUTSIDE_PACKAGE", "TOO_MANY_CELLS", "TEXT_TOO_LONG", "NOT_FOUND", "BAD_REFERENCE"]


def read(dump, path, env=None):
    """What CsnXlsxBook reads from path (xlsx-dump's JSON), or Refused with its code and message."""
    result = subprocess.run([dump, path], capture_output=True, text=True, env=env, timeout=120)
    if result.returncode == 0:
        book = json.loads(result.stdout)[0]
        for sheet_ in book["sheets"]:
            for cell in sheet_["cells"].values():
                if "number" in cell:
                    cell["number"] = float(cell["number"])
        return book
    lines = result.stderr.strip().splitlines()
    last = lines[-1] if lines else ""
    if not last.startswith("ERROR csn-xlsx-error-quark "):
        raise AssertionError(f"xlsx-dump failed without a workbook error (exit {result.returncode}):\n"
                             f"{result.stderr}")
    # Nothing else on stderr but what libgsf 1.14.50 prints itself for a damaged zip entry.
    noise = [line for line in lines[:-1] if not line.startswith(("Header is 0x", "Expected 0x"))]
    if noise:
        raise AssertionError("xlsx-dump wrote more than its error:\n" + "\n".join(noise))
    _, _, code, message = last.split(" ", 3)
    raise Refused(CODES[int(code)], message)


def refusal(dump, path, env=None):
    try:
        read(dump, path, env)
    except Refused as refused:
        return refused
    raise AssertionError(f"{os.path.basename(path)} was read, not refused")


def expect_refusal(dump, path, code, message):
    refused = refusal(dump, path)
    assert refused.code == code, f"code {refused.code}, expected {code}: {refused.message}"
    assert refused.message == message, f"message\n  {refused.message!r}\nexpected\n  {message!r}"


def cells(book, sheet_name):
    for sheet in book["sheets"]:
        if sheet["name"] == sheet_name:
            return sheet["cells"]
    raise AssertionError(f"no sheet {sheet_name!r} in {[s['name'] for s in book['sheets']]}")


def sheet(book, sheet_name):
    for candidate in book["sheets"]:
        if candidate["name"] == sheet_name:
            return candidate
    raise AssertionError(f"no sheet {sheet_name!r}")


def name(book, defined):
    for candidate in book["names"]:
        if candidate["name"] == defined:
            return candidate
    raise AssertionError(f"no defined name {defined!r} in {[n['name'] for n in book['names']]}")


def texts(book, sheet_name):
    """{cell reference: text} for a sheet."""
    return {ref: cell["text"] for ref, cell in cells(book, sheet_name).items()}


def column_values(book, defined):
    """The texts of the cells a defined name covers, row by row (single-column names)."""
    entry = name(book, defined)
    first_row, first_column, last_row, last_column = entry["range"]
    assert first_column == last_column, entry
    by_position = {}
    for ref, cell in cells(book, entry["sheet"]).items():
        by_position[ref] = cell["text"]
    values = []
    letters = column_letters(first_column)
    for row in range(first_row, min(last_row, 100000) + 1):
        values.append(by_position.get(f"{letters}{row + 1}"))
    return values


def column_letters(column):
    letters = ""
    column += 1
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
