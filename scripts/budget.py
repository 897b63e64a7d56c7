"""Cold run time of every snippet, per chapter, against the budget.

    python -m scripts.budget        (make budget)

The runner records each snippet's cold run time (``seconds`` in its
cache entry, import included) when it really runs. This prints one row
per chapter (snippets, seconds, budget) and the total, and exits 1 when
a chapter or the whole book is over budget, or a snippet has no recorded
time (run ``make generate`` first).
"""

import sys
from dataclasses import dataclass, field

from scripts import runner
from scripts.snippet import Snippet, discover

CHAPTER_BUDGET_S = 120.0
BOOK_BUDGET_S = 900.0


@dataclass
class Budget:
    chapters: dict = field(default_factory=dict)   # chapter -> [n, s]
    missing: list = field(default_factory=list)    # snippet ids

    @property
    def total(self) -> float:
        return sum(s for _, s in self.chapters.values())

    def over(self) -> list[str]:
        """What is over budget, in words (empty when all is within)."""
        found = [f"chapter {c}: {s:.1f} s > {CHAPTER_BUDGET_S:.0f} s"
                 for c, (_, s) in self.chapters.items()
                 if s > CHAPTER_BUDGET_S]
        if self.total > BOOK_BUDGET_S:
            found.append(f"whole book: {self.total:.1f} s > "
                         f"{BOOK_BUDGET_S:.0f} s")
        return found


def measure(snippets: list[Snippet] | None = None) -> Budget:
    budget = Budget()
    for snippet in discover() if snippets is None else snippets:
        row = budget.chapters.setdefault(snippet.chapter, [0, 0.0])
        entry = runner.entry(snippet)
        seconds = entry.meta.get("seconds") if entry.exists() else None
        if seconds is None:
            budget.missing.append(snippet.id)
            continue
        row[0] += 1
        row[1] += seconds
    return budget


def table(budget: Budget) -> str:
    lines = ["| chapter | snippets | seconds | budget |",
             "| --- | ---: | ---: | ---: |"]
    for chapter, (n, seconds) in sorted(budget.chapters.items()):
        lines.append(f"| {chapter} | {n} | {seconds:.1f} | "
                     f"{CHAPTER_BUDGET_S:.0f} |")
    n = sum(n for n, _ in budget.chapters.values())
    lines.append(f"| **total** | {n} | {budget.total:.1f} | "
                 f"{BOOK_BUDGET_S:.0f} |")
    return "\n".join(lines)


def main() -> int:
    budget = measure()
    print(table(budget) + "\n")
    problems = budget.over()
    if budget.missing:
        problems.append(f"no cold time recorded for {len(budget.missing)} "
                        f"snippet(s) ({', '.join(budget.missing)}): run "
                        "`make generate` first")
    for problem in problems:
        print(f"over budget or unmeasured: {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
