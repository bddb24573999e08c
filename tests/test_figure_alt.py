"""Every figure of the book says what it shows, in both languages (the alt text
that _ext/theme.py gives the plot's image)."""

import re
from pathlib import Path

import pytest

from _ext.theme import figure_alt

ROOT = Path(__file__).resolve().parent.parent
PLOTS = [(page.stem, code) for page in sorted((ROOT / "docs").glob("*.md"))
         for code in re.findall(r"\.\. plot::\n((?:\n|   .*\n)+)", page.read_text("utf-8"))]
CJK = re.compile(r"[\u4e00-\u9fff]")


def test_the_book_has_figures():
    assert len(PLOTS) >= 9


@pytest.mark.parametrize("page, code", PLOTS, ids=[f"{p}-{i}" for i, (p, _) in enumerate(PLOTS)])
def test_every_figure_is_described_in_both_languages(page, code, monkeypatch):
    monkeypatch.syspath_prepend(str(ROOT / "_ext"))
    en, where = figure_alt(code, "en")
    zh, _ = figure_alt(code, "zh_CN")
    assert where, f"{page}: the plot calls no figure function"
    assert en and len(en) >= 30 and not CJK.search(en), f"{where}: English alt {en!r}"
    assert zh and len(zh) >= 15 and CJK.search(zh), f"{where}: Chinese alt {zh!r}"


def test_a_figure_without_description_has_no_alt(monkeypatch):
    monkeypatch.syspath_prepend(str(ROOT / "_ext"))
    assert figure_alt("from figures_deep import steps\nsteps([1])", "en") == (
        None, "figures_deep.steps")
