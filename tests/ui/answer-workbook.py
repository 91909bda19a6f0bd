"""answer-workbook.py: types a delegation's answers into its workbook as a person would in a spreadsheet
program, for the window's tests (the rows are found by item ID, wherever they are).
Usage: /usr/bin/python3 answer-workbook.py WORKBOOK TABLE ITEM STANCE COMMENT [TABLE ITEM STANCE COMMENT ...]
TABLE is Theme, Strategy, Mechanism or Proposal; STANCE the label as the workbook lists it, or "-" to
leave the stance cell as it is."""
import os
import sys

import openpyxl

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "answers"))
from answerstest import answer  # noqa: E402 - after the path to the shared helpers


def main(argv):
    if len(argv) < 6 or (len(argv) - 2) % 4 != 0:
        sys.stderr.write(__doc__)
        return 2
    path = argv[1]
    wb = openpyxl.load_workbook(path)
    for i in range(2, len(argv), 4):
        table, item, stance, comment = argv[i:i + 4]
        answer(wb, table, item, None if stance == "-" else stance, comment)
    wb.save(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
