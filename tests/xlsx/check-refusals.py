#!/usr/bin/python3
"""check-refusals.py XLSX-DUMP: every kind of bad workbook, built with zipfile, is refused with its
code and a message that names the file and, where it applies, the sheet and cell. TAP."""
import atexit
import base64
import os
import shutil
import struct
import sys
import tempfile
import zipfile

from xlsxtest import (NS_MAIN, NS_PKG_REL, NS_REL, PACKAGE_RELS, Tap, build_xlsx, expect_refusal,
                      read, refusal, sheet_xml, shared_xml)

dump = sys.argv[1]
tmp = tempfile.mkdtemp(prefix="xlsx-refusals-")
atexit.register(shutil.rmtree, tmp, ignore_errors=True)
tap = Tap()

GOOD_ROWS = ('<row r="1"><c r="A1" t="inlineStr"><is><t>ID</t></is></c></row>'
             '<row r="12"><c r="C12" t="inlineStr"><is><t>Apoya</t></is></c></row>')
BILLION_LAUGHS = ('<!DOCTYPE lolz [<!ENTITY lol "lol">'
                  + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
                            for i in range(1, 10))
                  + ']>')
EXTERNAL_ENTITY = '<!DOCTYPE worksheet [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'


def path(base):
    return os.path.join(tmp, base)


def good(base="answers-MX.xlsx", **options):
    return build_xlsx(path(base), [("Temas", sheet_xml(GOOD_ROWS))], **options)


def with_doctype(xml, doctype):
    declaration, rest = xml.split("\n", 1) if xml.startswith("<?xml") else ("", xml)
    return f"{declaration}\n{doctype}{rest}"


def test_not_a_zip():
    with open(path("answers-MX.xlsx"), "w") as text:
        text.write("ID;Postura\ntheme-1;Apoya\n")
    expect_refusal(dump, path("answers-MX.xlsx"), "NOT_ZIP", "answers-MX.xlsx: this is not an Excel workbook (.xlsx)")
    open(path("empty.xlsx"), "wb").close()
    expect_refusal(dump, path("empty.xlsx"), "NOT_ZIP", "empty.xlsx: this is not an Excel workbook (.xlsx)")
    # An OLE2 header with nothing valid after it.
    with open(path("ole.xlsx"), "wb") as ole:
        ole.write(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    expect_refusal(dump, path("ole.xlsx"), "NOT_ZIP", "ole.xlsx: this is not an Excel workbook (.xlsx)")


def test_zip_without_workbook():
    with zipfile.ZipFile(path("answers-MX.xlsx"), "w") as package:
        package.writestr("respuestas.txt", "Apoya")
    message = "answers-MX.xlsx: this is a zip file but not an Excel workbook (.xlsx)"
    expect_refusal(dump, path("answers-MX.xlsx"), "NOT_WORKBOOK", message)
    # A Word document: its main part is no workbook.
    rels = PACKAGE_RELS.replace("xl/workbook.xml", "word/document.xml")
    with zipfile.ZipFile(path("answers-MX.docx.xlsx"), "w") as package:
        package.writestr("_rels/.rels", rels)
        package.writestr("word/document.xml",
                         '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>')
    expect_refusal(dump, path("answers-MX.docx.xlsx"), "NOT_WORKBOOK",
                   "answers-MX.docx.xlsx: this is a zip file but not an Excel workbook (.xlsx)")
    # A workbook relationship to a part that is not there.
    good("missing-main.xlsx", parts={"xl/workbook.xml": None})
    expect_refusal(dump, path("missing-main.xlsx"), "NOT_WORKBOOK",
                   "missing-main.xlsx: this is a zip file but not an Excel workbook (.xlsx)")
    with zipfile.ZipFile(path("answers-MX.ods"), "w") as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        package.writestr("content.xml", "<office:document-content/>")
    expect_refusal(dump, path("answers-MX.ods"), "NOT_WORKBOOK",
                   "answers-MX.ods: this is an OpenDocument spreadsheet (.ods); "
                   "save it as “Excel Workbook (.xlsx)” and try again")


def test_truncated_and_damaged():
    data = open(good(), "rb").read()
    for keep in (len(data) // 4, len(data) // 2, len(data) - 30, len(data) - 1):
        with open(path("answers-MX.xlsx"), "wb") as cut:
            cut.write(data[:keep])
        expect_refusal(dump, path("answers-MX.xlsx"), "DAMAGED",
                       "answers-MX.xlsx: the file is incomplete or damaged; "
                       "it may have been cut short while it was copied or sent")

    # The sheet's compressed bytes overwritten: inflating fails, or yields no XML.
    good("bytes.xlsx", compresslevel=9)
    with zipfile.ZipFile(path("bytes.xlsx")) as package:
        info = package.getinfo("xl/worksheets/sheet1.xml")
    damaged = bytearray(open(path("bytes.xlsx"), "rb").read())
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for i in range(start + 2, start + info.compress_size - 2):
        damaged[i] ^= 0x5A
    open(path("bytes.xlsx"), "wb").write(damaged)
    refused = refusal(dump, path("bytes.xlsx"))
    assert refused.code == "DAMAGED", refused
    assert refused.message.startswith("bytes.xlsx: sheet “Temas”: damaged, "), refused.message

    # A member's local header overwritten: libgsf's own lookups would only log a warning.
    broken = bytearray(open(good("header.xlsx"), "rb").read())
    with zipfile.ZipFile(path("header.xlsx")) as package:
        offset = package.getinfo("xl/worksheets/sheet1.xml").header_offset
    broken[offset:offset + 4] = b"JUNK"
    open(path("header.xlsx"), "wb").write(broken)
    expect_refusal(dump, path("header.xlsx"), "DAMAGED",
                   "header.xlsx: sheet “Temas”: damaged, it cannot be unpacked")

    good("malformed.xlsx", parts={"xl/worksheets/sheet1.xml": sheet_xml(GOOD_ROWS).replace("</row>", "", 1)})
    refused = refusal(dump, path("malformed.xlsx"))
    assert refused.code == "DAMAGED"
    assert refused.message.startswith("malformed.xlsx: sheet “Temas”: damaged, the XML is not well-formed "
                                      "at line 2 ("), refused.message

    # Bytes that are not in the encoding the part declares.
    latin = sheet_xml(GOOD_ROWS).replace('encoding="UTF-8"', 'encoding="ISO-2022-JP"').encode() + b"\xcc\x2f\x73\xff"
    good("encoding.xlsx", parts={"xl/worksheets/sheet1.xml": latin.replace(b"Apoya", b"Apoya\x1b$B\xcc\x2f")})
    refused = refusal(dump, path("encoding.xlsx"))
    assert refused.code == "DAMAGED", refused
    assert refused.message.startswith("encoding.xlsx: sheet “Temas”: damaged, the XML is not well-formed"), refused

    good("no-sheet.xlsx", parts={"xl/worksheets/sheet1.xml": None})
    expect_refusal(dump, path("no-sheet.xlsx"), "DAMAGED",
                   "no-sheet.xlsx: sheet “Temas”: the workbook is damaged: the sheet's part "
                   "(xl/worksheets/sheet1.xml) is missing")


def test_bad_cells():
    cases = {
        '<row r="1"><c r="ZZZZ1"><v>1</v></c></row>': ("DAMAGED", "sheet “Temas”: “ZZZZ1” is not a cell reference"),
        '<row r="1"><c r="A0"><v>1</v></c></row>': ("DAMAGED", "sheet “Temas”: “A0” is not a cell reference"),
        '<row r="0"><c><v>1</v></c></row>': ("DAMAGED", "sheet “Temas”: “0” is not a row number"),
        '<row r="12"><c r="B12"><v>doce</v></c></row>': ("DAMAGED", "sheet “Temas”, cell B12: “doce” is not a number"),
        '<row r="12"><c r="B12" t="b"><v>sí</v></c></row>': ("DAMAGED", "sheet “Temas”, cell B12: “sí” is not a true or false value"),
        '<row r="12"><c r="B12" t="x"><v>1</v></c></row>': ("DAMAGED", "sheet “Temas”, cell B12: “x” is not a cell type"),
        '<row r="12"><c r="B12" t="s"><v>7</v></c></row>': ("DAMAGED", "sheet “Temas”, cell B12: the cell refers to shared text “7”, which the workbook does not have"),
    }
    for rows, (code, message) in cases.items():
        good("cells.xlsx", parts={"xl/worksheets/sheet1.xml": sheet_xml(rows)})
        expect_refusal(dump, path("cells.xlsx"), code, f"cells.xlsx: {message}")


def test_encrypted_and_strict():
    strict_rels = PACKAGE_RELS.replace(f"{NS_REL}/officeDocument",
                                       "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument")
    message = ("answers-MX.xlsx: the workbook is saved as “Strict Open XML Spreadsheet”; "
               "save it as “Excel Workbook (.xlsx)” and try again")
    good(package_rels=strict_rels)
    expect_refusal(dump, path("answers-MX.xlsx"), "STRICT", message)
    strict_workbook = (f'<workbook xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main" xmlns:r="{NS_REL}">'
                       f'<sheets><sheet name="Temas" sheetId="1" r:id="rId1"/></sheets></workbook>')
    good(workbook_xml=strict_workbook)
    expect_refusal(dump, path("answers-MX.xlsx"), "STRICT", message)


def patch_sizes(file_path, member, size):
    """Makes the zip declare another unpacked size for member, in its local and central headers."""
    data = bytearray(open(file_path, "rb").read())
    with zipfile.ZipFile(file_path) as package:
        info = package.getinfo(member)
    struct.pack_into("<I", data, info.header_offset + 22, size)
    name = member.encode()
    position = 0
    while True:
        position = data.find(b"PK\x01\x02", position)
        assert position >= 0, "no central entry"
        name_length = struct.unpack_from("<H", data, position + 28)[0]
        if data[position + 46:position + 46 + name_length] == name:
            struct.pack_into("<I", data, position + 24, size)
            break
        position += 4
    open(file_path, "wb").write(data)


def test_zip_bombs():
    # A part that says it unpacks to more than 64 MiB is refused before it is read.
    spaces = sheet_xml(GOOD_ROWS, after="<!--" + " " * (65 << 20) + "-->")
    good("bomb-part.xlsx", parts={"xl/worksheets/sheet1.xml": spaces})
    assert os.path.getsize(path("bomb-part.xlsx")) < 1 << 20
    expect_refusal(dump, path("bomb-part.xlsx"), "TOO_LARGE",
                   "bomb-part.xlsx: sheet “Temas”: more than 64 MiB once unpacked, far more than any answer file")

    # Within that size, a part compressed like a bomb is refused while it unpacks.
    spaces = sheet_xml(GOOD_ROWS, after="<!--" + " " * (20 << 20) + "-->")
    good("bomb-ratio.xlsx", parts={"xl/worksheets/sheet1.xml": spaces})
    expect_refusal(dump, path("bomb-ratio.xlsx"), "TOO_LARGE",
                   "bomb-ratio.xlsx: sheet “Temas”: compressed more than 200 to 1, as only a zip bomb is; "
                   "it is refused")

    # The same part read again and again through many sheets: the total is capped.
    line = "x" * 990
    filler = "".join(f"<!--{line}{i:08d}-->\n" for i in range(60000))
    big = sheet_xml(GOOD_ROWS, after=filler)
    sheets = [(f"Hoja {i}", big) for i in range(1, 7)]
    build_xlsx(path("bomb-total.xlsx"), sheets, sheet_targets=["worksheets/sheet1.xml"] * 6,
               parts={f"xl/worksheets/sheet{i}.xml": None for i in range(2, 7)}, compresslevel=1)
    expect_refusal(dump, path("bomb-total.xlsx"), "TOO_LARGE",
                   "bomb-total.xlsx: the workbook unpacks to more than 256 MiB, far more than any answer file")

    # Sizes the zip declares are not trusted: too small cuts the part, too large refuses it.
    good("lying-small.xlsx", compresslevel=9)
    patch_sizes(path("lying-small.xlsx"), "xl/worksheets/sheet1.xml", 100)
    refused = refusal(dump, path("lying-small.xlsx"))
    assert refused.code == "DAMAGED" and refused.message.startswith("lying-small.xlsx: sheet “Temas”: damaged, "), refused
    good("lying-large.xlsx")
    patch_sizes(path("lying-large.xlsx"), "xl/worksheets/sheet1.xml", 3 << 30)
    expect_refusal(dump, path("lying-large.xlsx"), "TOO_LARGE",
                   "lying-large.xlsx: sheet “Temas”: more than 64 MiB once unpacked, far more than any answer file")
    good("lying-shorter.xlsx")
    with zipfile.ZipFile(path("lying-shorter.xlsx")) as package:
        size = package.getinfo("xl/worksheets/sheet1.xml").file_size
    patch_sizes(path("lying-shorter.xlsx"), "xl/worksheets/sheet1.xml", size + 5000)
    refused = refusal(dump, path("lying-shorter.xlsx"))
    assert refused.code == "DAMAGED" and refused.message.startswith("lying-shorter.xlsx: sheet “Temas”: damaged, "), refused

    # A file too large to be an answer file is not read at all.
    with open(path("huge.xlsx"), "wb") as huge:
        huge.truncate((128 << 20) + 1)
    expect_refusal(dump, path("huge.xlsx"), "TOO_LARGE",
                   "huge.xlsx: the file is larger than 128 MiB, far larger than any answer file")
    # A device says no size: reading stops at the limit.
    expect_refusal(dump, "/dev/zero", "TOO_LARGE", "zero: the file is larger than 128 MiB, far larger than any answer file")


def test_doctype_in_every_part():
    sheet = sheet_xml(GOOD_ROWS)
    shared = shared_xml("<si><t>x</t></si>")
    styles = f'<?xml version="1.0"?>\n<styleSheet xmlns="{NS_MAIN}"/>'
    workbook_rels = (f'<?xml version="1.0"?>\n<Relationships xmlns="{NS_PKG_REL}">'
                     f'<Relationship Id="rId1" Type="{NS_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
                     f'<Relationship Id="rIdS" Type="{NS_REL}/sharedStrings" Target="sharedStrings.xml"/>'
                     f'<Relationship Id="rIdT" Type="{NS_REL}/styles" Target="styles.xml"/></Relationships>')
    workbook = (f'<?xml version="1.0"?>\n<workbook xmlns="{NS_MAIN}" xmlns:r="{NS_REL}">'
                f'<sheets><sheet name="Temas" sheetId="1" r:id="rId1"/></sheets></workbook>')
    places = {
        "xl/worksheets/sheet1.xml": ("sheet “Temas”", sheet),
        "xl/sharedStrings.xml": ("the shared texts", shared),
        "xl/styles.xml": ("the styles", styles),
        "xl/workbook.xml": ("the workbook", workbook),
        "xl/_rels/workbook.xml.rels": ("the relationships of “xl/workbook.xml”", workbook_rels),
        "_rels/.rels": ("the relationships of “/”", PACKAGE_RELS),
    }
    for doctype in (BILLION_LAUGHS, EXTERNAL_ENTITY, '<!DOCTYPE worksheet SYSTEM "http://127.0.0.1:9/x.dtd">'):
        for part, (place, xml) in places.items():
            parts = {"xl/worksheets/sheet1.xml": sheet, "xl/sharedStrings.xml": shared, "xl/styles.xml": styles,
                     "xl/workbook.xml": workbook, "xl/_rels/workbook.xml.rels": workbook_rels,
                     "_rels/.rels": PACKAGE_RELS}
            parts[part] = with_doctype(xml, doctype)
            good("entities.xlsx", parts=parts)
            expect_refusal(dump, path("entities.xlsx"), "DOCTYPE",
                           f"entities.xlsx: {place}: a document type declaration (DOCTYPE), which no workbook has; "
                           f"it is refused because it could expand entities or read other files")

    # Where the parser reads the part in pieces, a DOCTYPE split between two of them.
    for padding in range(3960, 4120, 7):
        xml = f'<?xml version="1.0"?>\n<!--{"p" * padding}-->{BILLION_LAUGHS}' + sheet_xml(GOOD_ROWS).split("\n", 1)[1]
        good("split.xlsx", parts={"xl/worksheets/sheet1.xml": xml})
        assert refusal(dump, path("split.xlsx")).code == "DOCTYPE", padding

    utf16 = with_doctype(sheet, EXTERNAL_ENTITY).replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")
    good("utf16.xlsx", parts={"xl/worksheets/sheet1.xml": utf16})
    assert refusal(dump, path("utf16.xlsx")).code == "DOCTYPE"

    # In UTF-32 the bytes hide "<!DOCTYPE" from the scan; the parser stops at it, before any
    # declaration inside is read.
    for doctype in (BILLION_LAUGHS, EXTERNAL_ENTITY):
        utf32 = with_doctype(sheet, doctype).replace('encoding="UTF-8"', 'encoding="UTF-32"').encode("utf-32-be")
        good("utf32.xlsx", parts={"xl/worksheets/sheet1.xml": utf32})
        expect_refusal(dump, path("utf32.xlsx"), "DOCTYPE",
                       "utf32.xlsx: sheet “Temas”: a document type declaration (DOCTYPE), which no workbook has; "
                       "it is refused because it could expand entities or read other files")


def test_targets_outside_the_package():
    for target in ("../../etc/passwd", "/../xl/worksheets/sheet1.xml", "worksheets/../../../x.xml",
                   "file:///etc/passwd", "http://127.0.0.1:9/sheet.xml", "worksheets/sheet%FF1.xml"):
        rels = (f'<?xml version="1.0"?>\n<Relationships xmlns="{NS_PKG_REL}">'
                f'<Relationship Id="rId1" Type="{NS_REL}/worksheet" Target="{target}"/></Relationships>')
        good("outside.xlsx", workbook_rels=rels)
        expect_refusal(dump, path("outside.xlsx"), "OUTSIDE_PACKAGE",
                       f"outside.xlsx: the relationships of “xl/workbook.xml”: a relationship points outside "
                       f"the workbook (“{target}”)")


def test_too_many_rows_cells_and_sheets():
    rows = "".join(f'<row r="{r}"><c r="A{r}"><v>{r}</v></c></row>' for r in range(1, 1000002))
    good("rows.xlsx", parts={"xl/worksheets/sheet1.xml": sheet_xml(rows)})
    expect_refusal(dump, path("rows.xlsx"), "TOO_MANY_CELLS",
                   "rows.xlsx: sheet “Temas”: the sheet has more than 100000 rows, far more than any answer file")

    row = "".join(f"<c><v>{c}</v></c>" for c in range(10000))
    rows = "".join(f"<row>{row}</row>" for _ in range(101))
    good("cells.xlsx", parts={"xl/worksheets/sheet1.xml": sheet_xml(rows)})
    expect_refusal(dump, path("cells.xlsx"), "TOO_MANY_CELLS",
                   "cells.xlsx: sheet “Temas”: the sheet has more than 1000000 cells, far more than any answer file")

    sheets = "".join(f'<sheet name="H{i}" sheetId="{i}" r:id="rId1"/>' for i in range(1, 1002))
    workbook = f'<workbook xmlns="{NS_MAIN}" xmlns:r="{NS_REL}"><sheets>{sheets}</sheets></workbook>'
    good("sheets.xlsx", workbook_xml=workbook)
    expect_refusal(dump, path("sheets.xlsx"), "TOO_MANY_CELLS", "sheets.xlsx: the workbook has more than 1000 sheets")


def test_texts_too_long():
    message = "answers-MX.xlsx: sheet “Temas”, cell C12: the text is longer than 32,767 characters"
    # Random letters, so that the part is not refused for its compression ratio first.
    ten_megabytes = base64.b64encode(os.urandom(8 << 20)).decode()
    for text in ("a" * 32768, "😀" * 16384, ten_megabytes):
        rows = f'<row r="12"><c r="C12" t="inlineStr"><is><t>{text}</t></is></c></row>'
        good(parts={"xl/worksheets/sheet1.xml": sheet_xml(rows)})
        expect_refusal(dump, path("answers-MX.xlsx"), "TEXT_TOO_LONG", message)

        rows = '<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="12"><c r="C12" t="s"><v>1</v></c></row>'
        good(parts={"xl/worksheets/sheet1.xml": sheet_xml(rows)},
             shared=shared_xml(f"<si><t>corto</t></si><si><t>{text}</t></si><si><t>después</t></si>"))
        expect_refusal(dump, path("answers-MX.xlsx"), "TEXT_TOO_LONG", message)

    # Rich text whose runs add up to too much.
    runs = "".join(f"<r><t>{'b' * 10000}</t></r>" for _ in range(4))
    good(parts={"xl/worksheets/sheet1.xml": sheet_xml(f'<row r="12"><c r="C12" t="inlineStr"><is>{runs}</is></c></row>')})
    expect_refusal(dump, path("answers-MX.xlsx"), "TEXT_TOO_LONG", message)

    # A 10 MB shared text no cell uses does no harm, and the texts after it are read.
    rows = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>2</v></c></row>'
    good("unused.xlsx", parts={"xl/worksheets/sheet1.xml": sheet_xml(rows)},
         shared=shared_xml(f"<si><t>corto</t></si><si><t>{ten_megabytes}</t></si><si><t>después</t></si>"))
    assert read(dump, path("unused.xlsx"))["sheets"][0]["cells"]["B1"]["text"] == "después"


def test_good_file_reads():
    """The file every refusal above starts from is itself read."""
    book = read(dump, good())
    assert book["sheets"][0]["cells"]["C12"]["text"] == "Apoya"


tap.run("the file these refusals start from is read", test_good_file_reads)
tap.run("not a zip", test_not_a_zip)
tap.run("a zip, an .ods or a Word document without a workbook", test_zip_without_workbook)
tap.run("truncated, damaged bytes, damaged headers, malformed XML, a missing sheet", test_truncated_and_damaged)
tap.run("bad cell references, numbers, booleans, types, shared text numbers", test_bad_cells)
tap.run("Strict Open XML", test_encrypted_and_strict)
tap.run("zip bombs: part size, compression ratio, total, declared sizes; files too large", test_zip_bombs)
tap.run("DOCTYPE, entity expansion and external entities in every part", test_doctype_in_every_part)
tap.run("relationship targets outside the package", test_targets_outside_the_package)
tap.run("a million rows, a million cells, a thousand sheets", test_too_many_rows_cells_and_sheets)
tap.run("texts over 32,767 characters, up to 10 MB, inline, shared and rich", test_texts_too_long)
tap.finish()
