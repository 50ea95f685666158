"""Regenerate ``data/cameo.tsv`` from the shared CAMEO files (run by hand; the TSV is shipped).

Why: the package must run without ``../shared``; this derives a table of facts (code, name,
root, GDELT Goldstein value, GDELT quad class, PLOVER type) and keeps no manual text.

    .venv/bin/python tools/build_cameo_table.py ../shared/data/cameo
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "ontology" / "data" / "cameo.tsv"

#: The comment written above the header of the table (``eventwire.tables`` convention).
HEADER_COMMENT = (
    "# CAMEO event codes: name, root code, GDELT Goldstein value, GDELT quad class and PLOVER\n"
    "# types (|). Derived by tools/build_cameo_table.py from the shared CAMEO files: edit\n"
    "# those and rerun it rather than this file.\n"
)

#: PLOVER 2021 folds CAMEO appeals (02) into REQUEST; statements (01) have no PLOVER type.
PLOVER_ROOT_EXTRA = {"02": "REQUEST"}


def _plover_table(path: Path) -> dict[str, list[str]]:
    table: dict[str, list[str]] = {}
    for line in path.read_text().splitlines():
        line = line.split("#")[0].strip()
        m = re.match(r"^(\d{2,4}):\s*([A-Z_]+)", line)
        if m and m.group(2) not in table.setdefault(m.group(1), []):
            table[m.group(1)].append(m.group(2))
    return table


def _plover_of(code: str, table: dict[str, list[str]]) -> str:
    for k in range(len(code), 1, -1):
        if code[:k] in table:
            return "|".join(table[code[:k]])
    return PLOVER_ROOT_EXTRA.get(code[:2], "")


def build(src: Path) -> int:
    table = _plover_table(src / "CAMEO2PLOVER-2021.txt")
    rows = []
    for r in csv.DictReader((src / "cameo_event_codes.csv").open()):
        code = r["code"]
        gold = r["goldstein_gdelt"] or r["goldstein_icews_csv"]
        rows.append(
            (
                code,
                r["name"].strip(),
                r["root_code"],
                f"{float(gold):.1f}",
                r["quad_class_gdelt"],
                _plover_of(code, table),
            )
        )
    with OUT.open("w", encoding="utf-8") as f:
        f.write(HEADER_COMMENT)
        f.write("code\tname\troot\tgoldstein\tquad_class\tplover\n")
        for row in rows:
            f.write("\t".join(row) + "\n")
    return len(rows)


if __name__ == "__main__":
    print(build(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/cameo")), "codes written to", OUT)
