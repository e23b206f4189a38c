"""The teacher guide's generated parts match data/ (run `make guide` after editing data)."""

from __future__ import annotations

from scripts.make_guide import GUIDE, lesson_times, main, updated
from widgets.lesson_map import load_lessons


def test_guide_is_up_to_date():
    assert main(["--check"]) == 0, "run `make guide`"


def test_timings_table_lists_every_lesson_with_its_minutes():
    table = lesson_times()
    for lesson in load_lessons():
        assert f"| {lesson.number} | {lesson.title} |" in table
        assert table.count(f"| {lesson.minutes} |") >= 1


def test_stale_block_is_regenerated():
    text = GUIDE.read_text(encoding="utf-8")
    start = text.index("| 00 | Start here |")
    stale = text[:start] + "| 00 | Old title |" + text[start + len("| 00 | Start here |") :]
    assert updated(stale) == text
