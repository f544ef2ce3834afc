#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails when a Label or Text of the app's QML may read its text as markup.

Qt Quick reads a text that looks like HTML ("<b>", "<img src=…>") as rich
text unless told otherwise. The app shows what others wrote: company names
from a copy, file names from a Samba share, a cloud's listing and its server's
error pages. A name such as "Copia<img src=http://…>.zip" would be drawn as
markup, and could make the app fetch an image from anywhere. So every Label
and Text says textFormat: Text.PlainText; the app itself uses no markup.

    check-plain-text.py SOURCE_DIR
"""
import pathlib
import re
import sys

OPENING = re.compile(r"^\s*(?:[A-Za-z.]+:\s*)?(Label|Text)\s*\{\s*$")


def problems(path):
    lines = path.read_text(encoding="utf-8").split("\n")
    for number, line in enumerate(lines):
        if not OPENING.match(line):
            continue
        depth = line.count("{") - line.count("}")
        plain = False
        for inner in lines[number + 1:]:
            if depth == 1 and re.match(r"^\s*textFormat\s*:\s*Text\.PlainText\s*$", inner):
                plain = True
            depth += inner.count("{") - inner.count("}")
            if depth <= 0:
                break
        if not plain:
            yield f"{path}:{number + 1}: {line.strip()} without textFormat: Text.PlainText"


def main():
    root = pathlib.Path(sys.argv[1]) / "qml"
    found = [p for path in sorted(root.rglob("*.qml")) for p in problems(path)]
    for problem in found:
        print(problem)
    checked = sum(1 for _ in root.rglob("*.qml"))
    print(f"{checked} QML files checked, {len(found)} text item(s) that may read markup")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
