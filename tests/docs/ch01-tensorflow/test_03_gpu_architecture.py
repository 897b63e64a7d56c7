"""docs/ch01-tensorflow/03-gpu-architecture.md: its table is the data the
figure is drawn from."""

from scripts.paths import ROOT
from snippets.ch01.s03_gpu_generations import GENERATIONS

PAGE = ROOT / "docs" / "ch01-tensorflow" / "03-gpu-architecture.md"


def test_page_table_matches_the_generation_data(table_rows):
    def cell(value):
        return "—" if value is None else f"{value:g}"

    for g in GENERATIONS:
        rows = [row for row in table_rows(PAGE, g.architecture) if len(row) == 6]
        assert len(rows) == 1, g.architecture
        _, year, card, fp32, tensor, source = rows[0]
        assert (int(year), card) == (g.year, g.card)
        assert (fp32, tensor) == (cell(g.fp32), cell(g.tensor_fp16))
        assert g.source in source
