"""docs/classroom-pack.md: generated parts in sync with data/, plans that add up, and the
sections the issue asks for (a quick start without commands, safeguarding, curriculum)."""

from __future__ import annotations

import re

import pytest

from scripts import make_pack_doc
from scripts.make_pack_doc import BINDER_REPO
from tests.conftest import ROOT
from tests.notebook_tools import LESSONS
from widgets.classroom import load_plan
from widgets.lesson_map import load_lessons

DOC = ROOT / "docs" / "classroom-pack.md"


def doc() -> str:
    return DOC.read_text(encoding="utf-8")


def section(title_start: str) -> str:
    text = doc()
    start = text.index(f"## {title_start}")
    end = text.find("\n## ", start + 3)
    return text[start : end if end != -1 else None]


def test_generated_parts_and_qr_codes_are_in_sync(capsys):
    assert make_pack_doc.main(["--check"]) == 0, capsys.readouterr().out


def test_missing_markers_are_reported():
    with pytest.raises(SystemExit, match="no pack:begin/pack:end markers for .*'plans'"):
        make_pack_doc.render(doc().replace("pack:begin plans", "pack:begin nothing"))


def test_each_period_adds_up_and_has_core_logins_and_ticket():
    plan = load_plan()
    assert [p.id for p in plan.periods] == ["P1", "P2"]
    for period in plan.periods:
        assert period.minutes == plan.period_minutes == 50
        modes = [s.mode for s in period.segments]
        assert modes[0] == "logistics" and "ticket" in modes
        assert {"teacher-led", "hands-on"} <= set(modes)
        assert all(s.core for s in period.segments if s.mode in ("logistics", "ticket"))
        assert any(not s.core for s in period.segments), "each period has an optional part"
        # the table in the doc shows the same clock times, ending at the bell
        assert f"0:{50 - period.segments[-1].minutes:02d}–0:50" in doc()
    assert doc().count("Total: **50 minutes**") == len(plan.periods)


def test_every_lesson_has_support_and_extension():
    tasks = {t.lesson for t in load_plan().tasks}
    assert tasks == {lesson.id for lesson in load_lessons() if lesson.status == "ready"}
    for lesson in load_lessons():
        if lesson.status == "ready":
            assert f"[open]({make_pack_doc.binder_url(lesson.id)})" in doc()
            assert f"[present]({make_pack_doc.presenter_url(lesson.id)})" in doc()
            assert f'src="qr/{lesson.id}.svg"' in doc()


def binder_repos(text: str) -> list[str]:
    """The ``owner/name`` of every Binder link to GitHub in ``text``."""
    return re.findall(r"mybinder\.org/v2/gh/([^/\s]+/[^/\s]+)/", text)


def test_every_binder_link_uses_the_one_repository_setting():
    """The GitHub path Binder builds is set once (make_pack_doc.BINDER_REPO)."""
    files = [ROOT / "README.md", *(ROOT / "docs").rglob("*.md"), *LESSONS.glob("*.ipynb")]
    found = {p.relative_to(ROOT).as_posix(): binder_repos(p.read_text("utf-8")) for p in files}
    assert found["README.md"] and found["docs/classroom-pack.md"], found
    assert found["lessons/00_start_here.ipynb"], "lesson 00 links to Binder"
    wrong = {name: repos for name, repos in found.items() if set(repos) - {BINDER_REPO}}
    assert wrong == {}, f"Binder links not to {BINDER_REPO} (run make guide): {wrong}"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"mybinder.org/v2/gh/{BINDER_REPO}/HEAD?urlpath=lab/tree/" in readme
    assert "scripts/make_pack_doc.py" in readme, "the README says where the setting lives"
    assert make_pack_doc.presenter_url("02_x").endswith("?urlpath=voila/render/lessons/02_x.ipynb")


def test_changing_the_repository_setting_rewrites_every_link(monkeypatch):
    """A fork sets BINDER_REPO; `make guide` then points every Binder link at the fork."""
    monkeypatch.setattr(make_pack_doc, "BINDER", "https://mybinder.org/v2/gh/a-school/fork/HEAD")
    rewritten = make_pack_doc.linked_files()
    assert ROOT / "README.md" in rewritten
    assert ROOT / "lessons" / "00_start_here.ipynb" in rewritten
    for path, data in rewritten.items():
        text = data.decode("utf-8")
        assert set(binder_repos(text)) <= {"a-school/fork"}, path
        # Only the links change.
        assert binder_repos(text) == ["a-school/fork"] * len(binder_repos(path.read_text("utf-8")))
    readme = rewritten[ROOT / "README.md"].decode("utf-8")
    assert "https://mybinder.org/v2/gh/a-school/fork/HEAD?urlpath=lab/tree/lessons/" in readme
    doc = make_pack_doc.with_binder_repo(make_pack_doc.DOC.read_text("utf-8"))
    assert set(binder_repos(doc)) == {"a-school/fork"}


def test_quick_start_has_no_commands():
    quick = section("1. Quick start")
    assert not re.search(r"`(make|python|pip|jupyter)\b", quick)
    for words in ("JupyterLite", "Binder", "read-only copy", "WebSockets", "Two-minute check"):
        assert words in quick


def test_safeguarding_covers_what_the_issue_asks():
    text = section("3. Safeguarding")
    for words in (
        "pastoral team",
        "step-out plan",
        "Will I get it?",
        "about 1 case in 10 runs in families",
        "not passed down directly",
        "may have MS themselves",
        "MND Association",
        "MS Society",
        "ALS Association",
        "National MS Society",
    ):
        assert words in text, words


def test_curriculum_map_and_other_sections_exist():
    for title in (
        "4. Curriculum map",
        "5. The handouts",
        "6. Quizzes",
        "7. Exit tickets",
        "8. Presenter mode",
    ):
        assert section(title)
    assert "AQA A-level Biology (7402)" in section("4. Curriculum map")
    assert "QTI 1.2" in section("6. Quizzes")
