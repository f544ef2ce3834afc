#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails when a backend folder includes a folder it may not (docs/architecture.md).

Each folder of backend/ lists the folders it may include; a folder may always
include itself. An include of a backend folder that is not listed, or a
backend folder that is not in the table, is reported.

    check-layers.py SOURCE_DIR
"""
import pathlib
import re
import sys

# Lower layers first; the same table as docs/architecture.md.
ALLOWED = {
    "core": set(),
    "installation": {"core"},
    "storage": {"core"},
    "copy": {"core", "installation"},
    "history": {"core", "installation"},
    "demo": {"core", "installation"},
    "producer": {"core", "installation", "copy"},
    "maintenance": {"core", "installation", "copy"},
    "offsite": {"core", "installation", "copy"},
    "backup": {"core", "installation", "storage", "copy", "history", "producer", "maintenance",
               "offsite"},
    "restore": {"core", "installation", "copy", "history", "producer", "maintenance"},
    "cli": {"core", "installation", "storage", "copy", "history", "demo", "producer",
            "maintenance", "offsite", "backup", "restore"},
    "ui": {"core", "installation", "storage", "copy", "history", "demo", "producer",
           "maintenance", "offsite", "backup", "restore"},
}

INCLUDE = re.compile(r'^\s*#\s*include\s+"([a-z]+)/', re.MULTILINE)


def main() -> int:
    backend = pathlib.Path(sys.argv[1]) / "backend"
    problems = []
    folders = sorted(p.name for p in backend.iterdir() if p.is_dir())
    for folder in folders:
        if folder not in ALLOWED:
            problems.append(f"backend/{folder}/ is not in the layer table")
            continue
        for source in sorted((backend / folder).rglob("*")):
            if source.suffix not in (".h", ".cpp", ".in"):
                continue
            for included in INCLUDE.findall(source.read_text(encoding="utf-8", errors="replace")):
                if included == folder or included not in folders:
                    continue
                if included not in ALLOWED[folder]:
                    problems.append(f"{source.relative_to(backend.parent)} includes {included}/, "
                                    f"which {folder}/ may not include")
    for problem in problems:
        print(problem)
    print(f"{len(folders)} folders checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
