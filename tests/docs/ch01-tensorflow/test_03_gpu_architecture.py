"""docs/ch01-tensorflow/03-gpu-architecture.md: its table is the data the
figure is drawn from."""

from scripts.paths import ROOT
from snippets.ch01.s03_gpu_generations import GENERATIONS

PAGE = ROOT / "docs" / "ch01-tensorflow" / "03-gpu-architecture.md"


def table_rows(first_cell: str) -> list[list[str]]:
    """Cells of the page's Markdown table rows starting with the cell."""
    rows = []
    for line in PAGE.read_text("utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("|") and cells[0] == first_cell:
            rows.append(cells)
    return rows


def test_page_table_matches_the_generation_data():
    def cell(value):
        return "—" if value is None else f"{value:g}"

    for g in GENERATIONS:
        rows = [row for row in table_rows(g.architecture) if len(row) == 6]
        assert len(rows) == 1, g.architecture
        _, year, card, fp32, tensor, source = rows[0]
        assert (int(year), card) == (g.year, g.card)
        assert (fp32, tensor) == (cell(g.fp32), cell(g.tensor_fp16))
        assert g.source in source
