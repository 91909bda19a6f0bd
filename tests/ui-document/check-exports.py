#!/usr/bin/python3
"""check-exports.py: reads back what the Document page exported or printed: a DOCX with python3-docx,
a PDF with pdfinfo (pages, paper) and pdftotext (text). Prints one line per check; exits 1 when any
failed. Run by test-document-page with Debian's /usr/bin/python3 (python3-docx loads only there).

  check-exports.py [--docx FILE] [--pdf FILE] [--pages N] [--paper a4|letter] [--text TEXT]...
"""

import argparse
import re
import subprocess
import sys

import docx

PAPERS = {"a4": (595.28, 841.89), "letter": (612.0, 792.0)}
failures = []


def check(condition, what):
    print(("ok - " if condition else "FAILED - ") + what)
    if not condition:
        failures.append(what)


def squeeze(text):
    return re.sub(r"\s+", " ", text).strip()


def check_docx(path, texts):
    document = docx.Document(path)
    body = squeeze(" ".join(paragraph.text for paragraph in document.paragraphs))
    check(len(document.paragraphs) > 10, f"{path}: python3-docx reads {len(document.paragraphs)} paragraphs")
    for text in texts:
        check(squeeze(text) in body, f"{path}: has “{text}”")


def check_pdf(path, pages, paper, texts):
    info = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
    found = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    if pages is not None:
        check(found == pages, f"{path}: {found} pages, {pages} expected")
    if paper is not None:
        size = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", info, re.M)
        width, height = float(size.group(1)), float(size.group(2))
        expected = PAPERS[paper]
        check(abs(width - expected[0]) < 1 and abs(height - expected[1]) < 1,
              f"{path}: paper {width} x {height}, {paper} expected")
    text = squeeze(subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True, text=True,
                                  check=True).stdout)
    for wanted in texts:
        check(squeeze(wanted) in text, f"{path}: has “{wanted}”")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--docx")
    parser.add_argument("--pdf")
    parser.add_argument("--pages", type=int)
    parser.add_argument("--paper", choices=sorted(PAPERS))
    parser.add_argument("--text", action="append", default=[])
    args = parser.parse_args()

    if args.docx:
        check_docx(args.docx, args.text)
    if args.pdf:
        check_pdf(args.pdf, args.pages, args.paper, args.text)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
