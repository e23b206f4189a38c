"""Read a folder of handed-in exit tickets into a class table (CSV and printed).

    python -m scripts.collect_tickets FOLDER [--out class.csv]

The folder may hold the ticket files students saved (``exit-ticket-*.json``) and any
number of code lists (``*.txt`` or ``*.csv``; one student a line, ``name,code`` or just
the code, e.g. pasted from a form's responses). Each ticket is checked: a mistyped,
edited or garbled one is listed with the reason and left out of the table, and the
command then exits with status 1. The table is written to ``FOLDER/class-table.csv``
unless ``--out`` says otherwise; it has one row per student, one column per question
(1 right, 0 wrong, blank unanswered), and a last row with the share right per question.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

from widgets.classroom import tickets
from widgets.quiz_logic import Question
from widgets.ticket import Result, TicketError, mark, read_ticket_text

OUTPUT_NAME = "class-table.csv"


def _code_lines(path: Path) -> list[tuple[str, str, str]]:
    """(where, name, code) for each non-empty line of a code list."""
    rows = []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for number, row in enumerate(csv.reader(handle), start=1):
            cells = [cell.strip() for cell in row if cell.strip()]
            if not cells or cells[-1].lower() == "code":
                continue  # blank line or a header
            name = cells[0] if len(cells) > 1 else ""
            rows.append((f"{path.name} line {number}", name, cells[-1]))
    return rows


def collect(folder: Path, known: dict[str, list[Question]]) -> tuple[list[Result], list[str]]:
    """Marked tickets and error messages, from every ticket file and code list in ``folder``."""
    if not folder.is_dir():
        raise SystemExit(f"{folder} is not a folder")
    results: list[Result] = []
    errors: list[str] = []
    for path in sorted(folder.iterdir()):
        if path.name == OUTPUT_NAME:
            continue
        if path.suffix.lower() == ".json":
            try:
                text = path.read_text(encoding="utf-8")
                results.append(read_ticket_text(text, known, path.name))
            except (TicketError, UnicodeDecodeError) as error:
                errors.append(
                    str(error) if isinstance(error, TicketError) else f"{path.name}: not text"
                )
        elif path.suffix.lower() in (".txt", ".csv"):
            for where, name, code in _code_lines(path):
                try:
                    results.append(mark(name, code, known))
                except TicketError as error:
                    errors.append(f"{where}: {error}")
    return results, errors


def class_rows(results: list[Result], known: dict[str, list[Question]]) -> list[list[str]]:
    """The table: a header, one row per ticket (by ticket, then name) and per-question totals."""
    width = max((len(known[r.key]) for r in results), default=0)
    header = ["ticket", "name", "score", "out of", *[f"Q{i}" for i in range(1, width + 1)], "code"]
    rows = [header]
    ordered = sorted(results, key=lambda r: (r.key, r.name.casefold()))
    for result in ordered:
        marks = ["" if m is None else str(int(m)) for m in result.marks]
        marks += [""] * (width - len(marks))
        rows.append(
            [
                result.key,
                result.name,
                str(result.score),
                str(len(result.marks)),
                *marks,
                result.code,
            ]
        )
    for key in sorted({r.key for r in results}):
        group = [r for r in results if r.key == key]
        shares = []
        for index in range(width):
            marks = [r.marks[index] for r in group if index < len(r.marks)]
            right = sum(m is True for m in marks)
            shares.append(f"{right}/{len(group)}" if marks else "")
        rows.append([key, "(share right)", "", "", *shares, ""])
    return rows


def print_table(rows: list[list[str]]) -> None:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--out", type=Path, help=f"CSV to write (default FOLDER/{OUTPUT_NAME})")
    args = parser.parse_args(argv)
    known = {key: questions for key, (_, questions) in tickets().items()}
    results, errors = collect(args.folder, known)
    rows = class_rows(results, known)
    out = args.out or args.folder / OUTPUT_NAME
    with out.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    print_table(rows)
    print(f"\n{len(results)} tickets read; table written to {out}")
    for key in sorted({r.key for r in results}):
        for number, question in enumerate(known[key], start=1):
            print(f"  {key} Q{number}: {question.prompt}")
    if errors:
        print(f"\n{len(errors)} not read:", file=sys.stderr)
        for error in errors:
            print(f"  {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
