#!/usr/bin/python3
"""check-crafted.py XLSX-DUMP: valid workbooks built part by part with what some writers do and
others do not (cells and rows without references, rich text with phonetic runs, _xHHHH_ escapes,
cells out of order, CDATA, UTF-16 parts, odd relationship targets, ISO dates, date formats, the 1904
epoch, prefixed namespaces, chart sheets, every shape of defined name), read with CsnXlsxBook. TAP."""
import atexit
import datetime
import os
import shutil
import sys
import tempfile

from xlsxtest import (NS_MAIN, NS_PKG_REL, NS_REL, Tap, build_xlsx, cells, name, read, sheet,
                      sheet_xml, shared_xml, texts)

dump = sys.argv[1]
tmp = tempfile.mkdtemp(prefix="xlsx-crafted-")
atexit.register(shutil.rmtree, tmp, ignore_errors=True)
tap = Tap()


def path(base):
    return os.path.join(tmp, base)


def test_cells_and_rows_without_references():
    rows = ('<row><c t="inlineStr"><is><t>a</t></is></c><c><v>2</v></c><c r="E1"><v>5</v></c>'
            '<c><v>6</v></c></row>'
            '<row><c t="b"><v>1</v></c></row>'
            '<row r="5"><c t="s"><v>0</v></c><c/><c t="s"><v>0</v></c></row>'
            '<row><c><v>7</v></c></row>')
    book = read(dump, build_xlsx(path("no-refs.xlsx"), [("Temas", sheet_xml(rows))],
                                 shared=shared_xml("<si><t>compartido</t></si>")))
    assert texts(book, "Temas") == {"A1": "a", "B1": "2", "E1": "5", "F1": "6", "A2": "TRUE",
                                    "A5": "compartido", "C5": "compartido", "A6": "7"}


def test_rich_text_and_phonetic_runs():
    shared = shared_xml('<si><r><rPr><b/></rPr><t>Negrita</t></r><r><t xml:space="preserve"> y normal </t></r>'
                        '<rPh sb="0" eb="1"><t>ふりがな</t></rPh><phoneticPr fontId="1"/></si>'
                        '<si><t>sencillo</t><rPh sb="0" eb="1"><t>x</t></rPh></si><si/>'
                        '<si><t/></si>')
    rows = ('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
            '<c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c>'
            '<c r="E1" t="inlineStr"><is><r><t>en </t></r><r><rPr><i/></rPr><t>línea</t></r>'
            '<rPh><t>no</t></rPh></is></c></row>')
    book = read(dump, build_xlsx(path("rich.xlsx"), [("Temas", sheet_xml(rows))], shared=shared))
    assert texts(book, "Temas") == {"A1": "Negrita y normal ", "B1": "sencillo", "C1": "", "D1": "",
                                    "E1": "en línea"}


def test_escapes():
    escaped = ["_x000D_", "a_x005F_x0041_b", "_xD83D__xDE00_", "_x0000_", "_xZZZZ_", "_x41_",
               "_x00e9_t_x00E9_", "_xD83D_", "fin_", "_x0009_tab"]
    expected = ["\r", "a_x0041_b", "😀", "\ufffd", "_xZZZZ_", "_x41_", "été", "\ufffd", "fin_", "\ttab"]
    shared = shared_xml("".join(f"<si><t>{text}</t></si>" for text in escaped))
    row1 = "".join(f'<c r="{chr(65 + i)}1" t="s"><v>{i}</v></c>' for i in range(len(escaped)))
    row2 = "".join(f'<c r="{chr(65 + i)}2" t="inlineStr"><is><t>{text}</t></is></c>'
                   for i, text in enumerate(escaped))
    row3 = "".join(f'<c r="{chr(65 + i)}3" t="str"><f>A1</f><v>{text}</v></c>'
                   for i, text in enumerate(escaped))
    book = read(dump, build_xlsx(path("escapes.xlsx"),
                                 [("Temas", sheet_xml(f'<row r="1">{row1}</row><row r="2">{row2}</row>'
                                                      f'<row r="3">{row3}</row>'))], shared=shared))
    got = texts(book, "Temas")
    for row in (1, 2, 3):
        assert [got[f"{chr(65 + i)}{row}"] for i in range(len(escaped))] == expected, row
    assert cells(book, "Temas")["A3"]["formula"] is True


def test_out_of_order_and_duplicate_cells():
    rows = ('<row r="3"><c r="B3"><v>3</v></c><c r="A3"><v>1</v></c></row>'
            '<row r="1"><c r="B1"><v>10</v></c><c r="B1"><v>11</v></c></row>')
    book = read(dump, build_xlsx(path("order.xlsx"), [("Temas", sheet_xml(rows))]))
    got = cells(book, "Temas")
    assert list(got) == ["B1", "A3", "B3"], list(got)
    assert got["B1"]["text"] == "11"


def test_cdata_utf16_and_prefixes():
    rows = '<row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[a<b & c]]></t></is></c></row>'
    utf16 = sheet_xml(rows).replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")
    prefixed = (f'<x:worksheet xmlns:x="{NS_MAIN}"><x:sheetData><x:row r="2"><x:c r="B2" t="inlineStr">'
                f'<x:is><x:t>prefijo</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>')
    book = read(dump, build_xlsx(path("encodings.xlsx"), [("Temas", sheet_xml(rows)), ("UTF16", ""),
                                                          ("Prefijo", prefixed)],
                                 parts={"xl/worksheets/sheet2.xml": utf16}))
    assert texts(book, "Temas") == {"A1": "a<b & c"}
    assert texts(book, "UTF16") == {"A1": "a<b & c"}
    assert texts(book, "Prefijo") == {"B2": "prefijo"}


def test_relationship_targets():
    rows = '<row r="1"><c r="A1"><v>1</v></c></row>'
    targets = ["/xl/worksheets/sheet1.xml", "Worksheets/SHEET2.XML", "./worksheets/../worksheets/sheet3.xml",
               "worksheets\\sheet4.xml", "worksheets/sheet%35.xml", "worksheets/hoja%C3%B1a.xml"]
    sheets = [(f"S{i}", rows.replace(">1<", f">{i}<")) for i in range(1, 7)]
    book = read(dump, build_xlsx(path("targets.xlsx"), [(n, sheet_xml(x)) for n, x in sheets],
                                 sheet_targets=targets,
                                 parts={"xl/worksheets/sheet6.xml": None,
                                        "xl/worksheets/hojaña.xml": sheet_xml(sheets[5][1])}))
    for i in range(1, 7):
        assert texts(book, f"S{i}") == {"A1": str(i)}


def test_cell_types():
    rows = ('<row r="1"><c r="A1" t="d"><v>2025-03-14T00:00:00</v></c><c r="B1" t="str"><f>""</f><v/></c>'
            '<c r="C1" t="e"><v>#N/A</v></c><c r="D1"><v> 12 </v></c><c r="E1" t="n"><v>-1.5E+3</v></c>'
            '<c r="F1" t="b"><v>true</v></c><c r="G1"><f>1/0</f></c><c r="H1" t="inlineStr"><is/></c>'
            '<c r="I1" t="inlineStr"><is><t>2024-02-30</t></is></c></row>')
    book = read(dump, build_xlsx(path("types.xlsx"), [("Temas", sheet_xml(rows))]))
    got = cells(book, "Temas")
    assert got["A1"] == {"type": "string", "text": "2025-03-14T00:00:00", "is_date": True, "date": "2025-03-14"}
    assert got["B1"] == {"type": "string", "text": "", "formula": True}
    assert got["C1"] == {"type": "error", "text": "#N/A"}
    assert got["D1"]["number"] == 12 and got["D1"]["text"] == "12"
    assert got["E1"]["number"] == -1500 and got["E1"]["text"] == "-1.5E+3"
    assert got["F1"]["type"] == "boolean" and got["F1"]["number"] == 1
    assert "G1" not in got
    assert got["H1"] == {"type": "string", "text": ""}
    # Not a date: there is no 30 February.
    assert got["I1"] == {"type": "string", "text": "2024-02-30"}


def test_date_styles_and_epochs():
    styles = (f'<styleSheet xmlns="{NS_MAIN}"><numFmts count="3">'
              '<numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/>'
              '<numFmt numFmtId="165" formatCode="0.00%"/>'
              '<numFmt numFmtId="166" formatCode="&quot;Fecha:&quot; 0;[Red]\\-0"/>'
              '<numFmt numFmtId="167" formatCode="[$-es-MX]d &quot;de&quot; mmmm &quot;de&quot; yyyy"/>'
              '<numFmt numFmtId="168" formatCode="mm:ss"/></numFmts>'
              '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>'
              '<cellXfs count="9"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/>'
              '<xf numFmtId="165"/><xf numFmtId="22"/><xf numFmtId="20"/><xf numFmtId="166"/>'
              '<xf numFmtId="167"/><xf numFmtId="168"/></cellXfs></styleSheet>')
    row = "".join(f'<c r="{chr(65 + s)}1" s="{s}"><v>45000</v></c>' for s in range(9))
    row += '<c r="J1" s="99"><v>45000</v></c>'
    book = read(dump, build_xlsx(path("dates.xlsx"), [("Temas", sheet_xml(f'<row r="1">{row}</row>'))],
                                 styles=styles))
    got = cells(book, "Temas")
    dated = {ref for ref, cell in got.items() if cell.get("is_date")}
    assert dated == {"B1", "C1", "E1", "H1"}, dated
    assert got["B1"]["date"] == "2023-03-15"

    book = read(dump, build_xlsx(path("dates1904.xlsx"), [("Temas", sheet_xml(
        '<row r="1"><c r="A1" s="1"><v>0</v></c><c r="B1" s="1"><v>45000.75</v></c></row>'))],
        styles=styles, workbook_pr='<workbookPr date1904="1"/>'))
    got = cells(book, "Temas")
    assert book["date1904"] is True
    assert got["A1"]["date"] == "1904-01-01"
    assert got["B1"]["date"] == (datetime.date(1904, 1, 1) + datetime.timedelta(days=45000)).isoformat()

    # 1900: day 60 is Excel's 29 February 1900, which never was; day 0 is a time alone.
    book = read(dump, build_xlsx(path("dates1900.xlsx"), [("Temas", sheet_xml(
        '<row r="1"><c r="A1" s="1"><v>59</v></c><c r="B1" s="1"><v>60</v></c><c r="C1" s="1"><v>61</v></c>'
        '<c r="D1" s="1"><v>0.5</v></c><c r="E1" s="1"><v>1</v></c><c r="F1" s="1"><v>2958465</v></c>'
        '<c r="G1" s="1"><v>2958466</v></c></row>'))], styles=styles))
    got = cells(book, "Temas")
    assert got["A1"]["date"] == "1900-02-28" and "date" not in got["B1"] and got["C1"]["date"] == "1900-03-01"
    assert "date" not in got["D1"] and got["E1"]["date"] == "1900-01-01"
    assert got["F1"]["date"] == "9999-12-31" and "date" not in got["G1"]


def test_protection_hidden_empty_rows_and_chart_sheets():
    rows = '<row r="2"><c r="A2"><v>1</v></c></row><row r="9" hidden="true"/><row r="10" hidden="0"/>'
    chart_rels = (f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{NS_PKG_REL}">'
                  f'<Relationship Id="rId1" Type="{NS_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
                  f'<Relationship Id="rId2" Type="{NS_REL}/chartsheet" Target="chartsheets/sheet1.xml"/>'
                  f'<Relationship Id="rId3" Type="{NS_REL}/worksheet" Target="worksheets/sheet3.xml"/>'
                  f'<Relationship Id="rId9" Type="{NS_REL}/hyperlink" Target="http://example.invalid/" '
                  f'TargetMode="External"/></Relationships>')
    book = read(dump, build_xlsx(path("charts.xlsx"), [
        ("Temas", sheet_xml(rows, after='<sheetProtection sheet="0"/>')),
        ("Gráfico", ""),
        ("Protegida", sheet_xml("", after='<sheetProtection password="CC3D" sheet="true"/>'))],
        workbook_rels=chart_rels, parts={"xl/worksheets/sheet2.xml": None,
                                         "xl/chartsheets/sheet1.xml": "<chartsheet/>"}))
    assert sheet(book, "Temas")["protected"] is False
    assert sheet(book, "Temas")["hidden_rows"] == [9]
    assert sheet(book, "Gráfico")["cells"] == {}
    assert sheet(book, "Protegida")["protected"] is True


def test_text_at_the_limit():
    limit = "a" * 32767
    emoji = "😀" * 16383 + "a"
    rows = (f'<row r="1"><c r="A1" t="inlineStr"><is><t>{limit}</t></is></c>'
            f'<c r="B1" t="inlineStr"><is><t>{emoji}</t></is></c><c r="C1" t="s"><v>1</v></c></row>')
    # A shared text over the limit that no cell uses does no harm.
    shared = shared_xml(f"<si><t>{'b' * 40000}</t></si><si><t>{limit}</t></si>")
    book = read(dump, build_xlsx(path("limit.xlsx"), [("Temas", sheet_xml(rows))], shared=shared))
    got = texts(book, "Temas")
    assert got["A1"] == limit and got["B1"] == emoji and got["C1"] == limit


def test_defined_names():
    names = ('<definedName name="single">Temas!$B$2</definedName>'
             '<definedName name="quoted">\'It\'\'s (MX)\'!$B:$B</definedName>'
             '<definedName name="rows">Temas!$3:$5</definedName>'
             '<definedName name="reversed">Temas!$C$9:$A$2</definedName>'
             '<definedName name="relative">=temas!b2:c3</definedName>'
             '<definedName name="deleted">#REF!</definedName>'
             '<definedName name="deleted_sheet">Temas!#REF!</definedName>'
             '<definedName name="list">Temas!$A$1,Temas!$B$1</definedName>'
             '<definedName name="external">[1]Temas!$A$1</definedName>'
             '<definedName name="three_d">\'Temas:It\'\'s (MX)\'!$A$1</definedName>'
             '<definedName name="missing">Nada!$A$1</definedName>'
             '<definedName name="constant">42</definedName>'
             '<definedName name="Scoped">Temas!$A$1</definedName>'
             '<definedName name="scoped" localSheetId="1">\'It\'\'s (MX)\'!$A$1</definedName>'
             '<definedName name="bad_scope" localSheetId="7">Temas!$A$1</definedName>'
             '<definedName name="no_sheet" localSheetId="0">$D$4</definedName>')
    book = read(dump, build_xlsx(path("names.xlsx"), [("Temas", sheet_xml("")), ("It's (MX)", sheet_xml(""))],
                                 defined_names=names))
    assert name(book, "single")["range"] == [1, 1, 1, 1]
    assert name(book, "quoted")["sheet"] == "It's (MX)" and name(book, "quoted")["range"] == [0, 1, 1048575, 1]
    assert name(book, "rows")["range"] == [2, 0, 4, 16383]
    assert name(book, "reversed")["range"] == [1, 0, 8, 2]
    assert name(book, "relative")["formula"] == "temas!b2:c3"
    assert name(book, "relative")["sheet"] == "Temas" and name(book, "relative")["range"] == [1, 1, 2, 2]
    assert name(book, "deleted")["error"] == "names.xlsx: the name “deleted” refers to cells that were deleted"
    assert name(book, "deleted_sheet")["error"] == "names.xlsx: the name “deleted_sheet” refers to cells that were deleted"
    for odd in ("list", "external", "three_d", "constant"):
        formula = name(book, odd)["formula"]
        assert name(book, odd)["error"] == f"names.xlsx: the name “{odd}” is not one range of cells (“{formula}”)", odd
    assert name(book, "missing")["error"] == ("names.xlsx: the name “missing” refers to sheet “Nada”, "
                                              "which the workbook does not have")
    # The sheet's own name comes first, the workbook's otherwise; a scope no sheet has is dropped.
    scoped = [n for n in book["names"] if n["name"].lower() == "scoped"]
    assert {(n["scope"], n["sheet"]) for n in scoped} == {(-1, "Temas"), (1, "It's (MX)")}
    assert "bad_scope" not in [n["name"] for n in book["names"]]
    assert name(book, "no_sheet")["sheet"] == "Temas" and name(book, "no_sheet")["range"] == [3, 3, 3, 3]


def test_excel_workbook_markup():
    """What Excel 365 puts around the sheets and names: markup compatibility, extensions, revisions."""
    workbook = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
                f'<workbook xmlns="{NS_MAIN}" xmlns:r="{NS_REL}" '
                'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x15 xr xr6 xr10 xr2" '
                'xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main" '
                'xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" '
                'xmlns:xr6="http://schemas.microsoft.com/office/spreadsheetml/2016/revision6" '
                'xmlns:xr10="http://schemas.microsoft.com/office/spreadsheetml/2016/revision10" '
                'xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2">'
                '<fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27328"/>'
                '<workbookPr defaultThemeVersion="166925"/>'
                '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
                '<mc:Choice Requires="x15"><x15ac:absPath url="C:\\Users\\delegacion\\" '
                'xmlns:x15ac="http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac"/></mc:Choice></mc:AlternateContent>'
                '<xr:revisionPtr revIDLastSave="0" documentId="8_{00000000-0000-0000-0000-000000000000}" '
                'xr6:coauthVersionLast="47" xr6:coauthVersionMax="47" xr10:uidLastSave="{00000000-0000-0000-0000-000000000000}"/>'
                '<bookViews><workbookView xWindow="-120" yWindow="-120" windowWidth="29040" windowHeight="15840" '
                'xr2:uid="{00000000-000D-0000-FFFF-FFFF00000000}"/></bookViews>'
                '<sheets><sheet name="Matriz" sheetId="3" r:id="rId1"/></sheets>'
                '<definedNames><definedName name="csn_ids">Matriz!$A$1:$A$2</definedName></definedNames>'
                '<calcPr calcId="191029"/><extLst><ext uri="{140A7094-0E35-4892-8432-C4D2E57EDEB5}" '
                'xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main">'
                '<x15:workbookPr chartTrackingRefBase="1"/></ext></extLst></workbook>')
    rows = ('<row r="1" spans="1:1" x14ac:dyDescent="0.25"><c r="A1" s="0" t="s"><v>0</v></c></row>'
            '<row r="2" spans="1:1" x14ac:dyDescent="0.25"><c r="A2" t="s"><v>1</v></c></row>')
    sheet_part = sheet_xml(rows).replace(
        f'xmlns:r="{NS_REL}"',
        f'xmlns:r="{NS_REL}" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"')
    book = read(dump, build_xlsx(path("excel.xlsx"), [("Matriz", sheet_part)], workbook_xml=workbook,
                                 shared=shared_xml('<si><t>theme-1</t></si><si><t>theme-2</t></si>')))
    assert [(s["name"], s["id"]) for s in book["sheets"]] == [("Matriz", 3)]
    assert name(book, "csn_ids")["range"] == [0, 0, 1, 0]
    assert texts(book, "Matriz") == {"A1": "theme-1", "A2": "theme-2"}


tap.run("cells and rows without references count their position", test_cells_and_rows_without_references)
tap.run("rich text runs joined, phonetic runs left out", test_rich_text_and_phonetic_runs)
tap.run("_xHHHH_ escapes decoded in shared, inline and formula texts", test_escapes)
tap.run("cells out of order sorted, the later of two at one place kept", test_out_of_order_and_duplicate_cells)
tap.run("CDATA, a UTF-16 part, prefixed elements", test_cdata_utf16_and_prefixes)
tap.run("relationship targets: absolute, other case, dot segments, backslash, escaped", test_relationship_targets)
tap.run("cell types: ISO dates, empty formula text, errors, spaces, booleans as words", test_cell_types)
tap.run("date formats, the 1900 and 1904 epochs", test_date_styles_and_epochs)
tap.run("protection, hidden empty rows, chart sheets, external relationships", test_protection_hidden_empty_rows_and_chart_sheets)
tap.run("texts of 32,767 characters read; an unused longer shared text ignored", test_text_at_the_limit)
tap.run("Excel's workbook markup: compatibility, extensions, revisions", test_excel_workbook_markup)
tap.run("defined names: quoting, whole rows and columns, scope, #REF!, lists, other workbooks", test_defined_names)
tap.finish()
