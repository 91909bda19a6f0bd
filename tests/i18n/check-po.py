#!/usr/bin/python3
"""check-po.py SRCDIR: every translatable string is in po/es.po, translated and not fuzzy, every
file with translatable strings is in po/POTFILES.in, and es.po passes msgfmt --check. TAP output."""
import os
import re
import subprocess
import sys
import tempfile


def msgids(po_text):
    """The msgids of a PO text, continuation lines joined; the header's empty msgid left out."""
    ids, current = [], None
    for line in po_text.splitlines():
        if line.startswith("msgid "):
            current = [line[len("msgid "):].strip().strip('"')]
        elif current is not None and line.startswith('"'):
            current.append(line.strip().strip('"'))
        else:
            if current is not None and "".join(current):
                ids.append("".join(current))
            current = None
    if current is not None and "".join(current):
        ids.append("".join(current))
    return ids

src = sys.argv[1]
po_dir = os.path.join(src, "po")
results = []


def check(ok, name, detail=""):
    results.append((ok, name, detail))


with open(os.path.join(po_dir, "POTFILES.in"), encoding="utf-8") as f:
    listed = [line.strip() for line in f if line.strip() and not line.startswith("#")]

missing_files = [p for p in listed if not os.path.exists(os.path.join(src, p))]
check(not missing_files, "every file in POTFILES.in exists", "\n".join(missing_files))

# Files that hold translatable strings must be listed.
marker = re.compile(r'(?<![A-Za-z0-9_])(_|N_|C_|NC_|g_dngettext|ngettext)\s*\(\s*"|translatable="yes"')
unlisted = []
for folder in ("app", "ui", "resources"):
    for root, _dirs, files in os.walk(os.path.join(src, folder)):
        for name in files:
            if not name.endswith((".c", ".ui", ".in", ".gschema.xml")):
                continue
            path = os.path.relpath(os.path.join(root, name), src)
            with open(os.path.join(src, path), encoding="utf-8") as f:
                text = f.read()
            translatable = bool(marker.search(text)) or name.endswith((".desktop.in", ".xml.in", ".gschema.xml"))
            if translatable and path not in listed:
                unlisted.append(path)
check(not unlisted, "every file with translatable strings is in POTFILES.in", "\n".join(sorted(unlisted)))

with tempfile.TemporaryDirectory() as tmp:
    pot = os.path.join(tmp, "consenso.pot")
    # The same keywords as meson's i18n 'glib' preset.
    subprocess.run(["xgettext", "--package-name=consenso", "--from-code=UTF-8", "--add-comments",
                    "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
                    "--keyword=g_dcgettext:2", "--keyword=g_dngettext:2,3", "--keyword=g_dpgettext2:2c,3",
                    "--flag=N_:1:pass-c-format", "--flag=C_:2:pass-c-format", "--flag=NC_:2:pass-c-format",
                    "--flag=g_dngettext:2:pass-c-format", "--flag=g_strdup_printf:1:c-format",
                    "--flag=g_string_printf:2:c-format", "--flag=g_string_append_printf:2:c-format",
                    "--flag=g_error_new:3:c-format", "--flag=g_set_error:4:c-format",
                    "--files-from=" + os.path.join(po_dir, "POTFILES.in"), "--directory=" + src,
                    "--output=" + pot], check=True)
    merged = os.path.join(tmp, "es.po")
    subprocess.run(["msgmerge", "--quiet", "--no-fuzzy-matching", os.path.join(po_dir, "es.po"), pot,
                    "--output-file=" + merged], check=True)
    untranslated = subprocess.run(["msgattrib", "--untranslated", "--no-obsolete", merged],
                                  capture_output=True, text=True, check=True).stdout
    missing = msgids(untranslated)
    check(not missing, "every translatable string is translated in es.po", "\n".join(missing))
    fuzzy = subprocess.run(["msgattrib", "--only-fuzzy", "--no-obsolete", os.path.join(po_dir, "es.po")],
                           capture_output=True, text=True, check=True).stdout
    fuzzy_ids = msgids(fuzzy)
    check(not fuzzy_ids, "es.po has no fuzzy translations", "\n".join(fuzzy_ids))

fmt = subprocess.run(["msgfmt", "--check", "--output-file=/dev/null", os.path.join(po_dir, "es.po")],
                     capture_output=True, text=True)
check(fmt.returncode == 0, "es.po passes msgfmt --check", fmt.stderr)

print("1..%d" % len(results))
for i, (ok, name, detail) in enumerate(results, 1):
    print("%s %d - %s" % ("ok" if ok else "not ok", i, name))
    for line in detail.splitlines():
        print("#   " + line)
sys.exit(0 if all(ok for ok, _, _ in results) else 1)
