"""snippets/ch01/s05_matmul_benchmark.py: it times what it found."""

import pytest
import tensorflow as tf

from snippets.ch01.s05_matmul_benchmark import SIZES, benchmark_matmul


def test_s05_benchmark_reports_only_devices_it_found(run_snippet):
    result = run_snippet("ch01/s05_matmul_benchmark").result
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
        assert result["speedup_over_cpu"] == pytest.approx(
            result["accelerator_best_gflops"] / result["cpu_best_gflops"])


def test_s05_benchmark_small_sizes_give_flop_rates():
    rows = benchmark_matmul(sizes=(32, 64), devices=[("/CPU:0", "cpu")],
                            min_time=0.01)
    assert [(label, n) for label, n, _, _ in rows] == [("cpu", 32),
                                                       ("cpu", 64)]
    for _, n, seconds, gflops in rows:
        assert gflops == pytest.approx(2 * n**3 / seconds / 1e9)
