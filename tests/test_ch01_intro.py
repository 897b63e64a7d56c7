"""Chapter 1, sections 1-1 to 1-6: the tables on the pages match the
snippets' data, and the runs return what the pages say they return."""

import re

import pytest

from scripts.paths import ROOT

PAGES = ROOT / "docs" / "ch01-tensorflow"


def table_rows(page: str, first_cell: str) -> list[list[str]]:
    """Cells of the Markdown table rows of `page` starting with the cell."""
    rows = []
    for line in (PAGES / page).read_text("utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("|") and cells[0] == first_cell:
            rows.append(cells)
    return rows


def test_s01_page_table_matches_the_timeline_data(snippet_result):
    from snippets.ch01.s01_plot_timeline import MILESTONES

    result = snippet_result("ch01/s01_plot_timeline")
    assert result["num_milestones"] == len(MILESTONES)
    for m in MILESTONES:
        date = f"{m.year}" if m.month == 0 else f"{m.year}-{m.month:02d}"
        rows = table_rows("01-history.md", date)
        assert len(rows) == 1, f"no table row for {date}"
        assert m.source in rows[0][2], f"{date}: source link differs"
    # Dates the page states in words, checked against the table.
    text = (PAGES / "01-history.md").read_text("utf-8")
    assert "9 November 2015" in text and "(30 September)" in text
    dates = {(m.year, m.month) for m in MILESTONES}
    assert {(2015, 11), (2017, 2), (2019, 9), (2023, 11),
            (2024, 3)} <= dates


def test_s02_reports_tensorflow_2_with_keras_3(snippet_result):
    import tensorflow as tf

    result = snippet_result("ch01/s02_check_install")
    assert result["tensorflow"] == tf.__version__
    assert result["tensorflow"].startswith("2.")
    assert result["keras_major"] == 3
    assert result["num_gpus"] == len(tf.config.list_physical_devices("GPU"))
    assert result["num_devices"] >= 1 + result["num_gpus"]


def test_s03_page_table_matches_the_generation_data(snippet_result):
    from snippets.ch01.s03_plot_gpu_generations import GENERATIONS

    def cell(value):
        return "—" if value is None else f"{value:g}"

    for g in GENERATIONS:
        rows = [row for row in table_rows("03-gpu-architecture.md",
                                          g.architecture) if len(row) == 6]
        assert len(rows) == 1, g.architecture
        _, year, card, fp32, tensor, source = rows[0]
        assert (int(year), card) == (g.year, g.card)
        assert (fp32, tensor) == (cell(g.fp32), cell(g.tensor_fp16))
        assert g.source in source
    result = snippet_result("ch01/s03_plot_gpu_generations")
    assert result["fp32_growth_fermi_to_hopper"] == pytest.approx(67 / 1.03)
    assert 1.5 < result["fp32_doubling_years"] < 2.5


def test_s03_v100_tensor_core_peak_follows_from_its_design():
    from snippets.ch01.s03_plot_gpu_generations import GENERATIONS

    volta = next(g for g in GENERATIONS if g.architecture == "Volta")
    # 640 Tensor Cores × 64 FMA per clock × 2 flops × 1.53 GHz.
    assert 640 * 64 * 2 * 1.53e9 / 1e12 == pytest.approx(
        volta.tensor_fp16, rel=0.01)


def test_s04_the_1024_matmul_needs_a_million_threads(snippet_result):
    work = snippet_result("ch01/s04_plot_memory_copies")
    assert work["outputs"] == 1_048_576 == 1024 * 1024
    assert work["blocks"] * work["threads_per_block"] == work["outputs"]
    assert work["total_macs"] == 1024**3
    assert work["mib_per_matrix"] == 4.0


def test_s04_matmul_work_rounds_blocks_up():
    from snippets.ch01.s04_plot_memory_copies import matmul_work

    work = matmul_work(1000, block=16)  # 63 blocks per side cover 1,008
    assert work["blocks"] == 63 * 63
    assert work["blocks"] * work["threads_per_block"] >= work["outputs"]


def test_s05_benchmark_reports_only_devices_it_found(snippet_result):
    import tensorflow as tf

    from snippets.ch01.s05_plot_matmul_benchmark import SIZES

    result = snippet_result("ch01/s05_plot_matmul_benchmark")
    labels = {row[0] for row in result["rows"]}
    num_gpus = len(tf.config.list_physical_devices("GPU"))
    assert len(labels) == 1 + num_gpus
    assert result["num_accelerators"] == num_gpus
    for label in labels:
        sizes = [n for lab, n, _, _ in result["rows"] if lab == label]
        assert tuple(sizes) == SIZES
    assert all(s > 0 and g > 0 for _, _, s, g in result["rows"])
    assert result["cpu_label"].startswith("CPU (")
    assert result["cpu_best_gflops"] > 0
    if num_gpus == 0:
        assert result["accelerator_best_gflops"] == 0.0
        assert result["summary"].startswith("no GPU")
    else:
        assert result["accelerator_label"].startswith("GPU:")


def test_s05_benchmark_small_sizes_give_flop_rates():
    from snippets.ch01.s05_plot_matmul_benchmark import benchmark_matmul

    rows = benchmark_matmul(sizes=(32, 64), devices=[("/CPU:0", "cpu")],
                            min_time=0.01)
    assert [(label, n) for label, n, _, _ in rows] == [("cpu", 32),
                                                       ("cpu", 64)]
    for _, n, seconds, gflops in rows:
        assert gflops == pytest.approx(2 * n**3 / seconds / 1e9)


def test_s06_drawn_graph_is_the_traced_graph(snippet_result):
    from snippets.ch01.s06_plot_graph import layered_layout

    result = snippet_result("ch01/s06_plot_graph")
    nodes = {name: (op, inputs, value)
             for name, op, inputs, value in result["nodes"]}
    assert nodes["x"][0] == nodes["y"][0] == "Placeholder"
    assert nodes["Add"][:2] == ("AddV2", ["x", "y"])
    assert nodes["Mul/x"][0] == "Const" and nodes["Mul/x"][2] == 5
    assert nodes["Mul"][:2] == ("Mul", ["Mul/x", "Add"])
    assert nodes["Identity"][1] == ["Mul"]
    position = layered_layout(result["nodes"])
    assert [position[n][0] for n in ("x", "Add", "Mul", "Identity")] == [
        0, 1, 2, 3]
    assert position["Mul/x"][0] == 1  # a constant sits before its use


def test_s06_graph_and_eager_agree_and_are_timed(snippet_result):
    result = snippet_result("ch01/s06_graph_speedup")
    assert result["max_loss_difference"] < 1e-5
    assert result["last_loss"] < result["first_loss"], "SGD must learn"
    assert result["eager_ms"] > 0 and result["graph_ms"] > 0
    assert result["speedup"] == pytest.approx(
        result["eager_ms"] / result["graph_ms"])
    assert result["faster_or_slower"] == (
        "faster" if result["speedup"] > 1 else "slower")
    assert result["traces"] == 1, "one signature, one trace"
    assert result["train_step_nodes"] > 20


def test_s06_page_quotes_the_measured_speedup():
    text = (PAGES / "06-graphs.md").read_text("utf-8")
    assert re.search(r"\{\{ ch01/s06_graph_speedup\.speedup:\.1f \}\}", text)
