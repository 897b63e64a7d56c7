"""The generation step runs what is stale, keeps going past a failing
notebook, and lists every failure at the end."""

import pytest

from scripts import cache, generate, pagebook, paths, runner
from scripts.snippet import SnippetError


class FakePage:
    def __init__(self, name, fails=False):
        self.path = paths.DOCS / f"{name}.md"
        self.name, self.fails = name, fails

    def entry(self):
        return cache.Entry("pages", self.name, "k")


def test_a_failing_notebook_does_not_stop_the_others(monkeypatch,
                                                     tmp_path):
    monkeypatch.setattr(paths, "CACHE", tmp_path)
    monkeypatch.setattr(generate, "discover", lambda: [])
    monkeypatch.setattr(runner, "ensure_runs", lambda s, force: [])
    fresh, broken, stale = (FakePage("fresh"), FakePage("broken", True),
                            FakePage("stale"))
    with fresh.entry().write():
        pass
    monkeypatch.setattr(pagebook, "pages_with_code",
                        lambda: [fresh, broken, stale])
    made = []

    def ensure_page(page, results_of):
        if page.fails:
            raise SnippetError(f"docs/{page.name}.md: its notebook failed:"
                               "\nNameError")
        made.append(page.name)

    monkeypatch.setattr(pagebook, "ensure_page", ensure_page)
    log = []
    with pytest.raises(SnippetError, match=r"(?s)1 notebook\(s\) failed:\n"
                       r"docs/broken\.md: its notebook failed:\nNameError"):
        generate.generate(log=log.append)
    assert made == ["stale"], "fresh entries are reused, the rest made"
    assert "FAILED docs/broken.md: its notebook failed:" in log
    assert generate.main([]) == 1
