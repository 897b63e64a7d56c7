"""snippets/ch01/s03_gpu_generations.py: the growth factors it computes."""

import pytest

from snippets.ch01.s03_gpu_generations import GENERATIONS


def test_s03_growth_factors(run_snippet):
    result = run_snippet("ch01/s03_gpu_generations").result
    assert result["num_generations"] == len(GENERATIONS)
    assert result["fp32_growth_fermi_to_hopper"] == pytest.approx(67 / 1.03)
    assert 1.5 < result["fp32_doubling_years"] < 2.5
    assert result["tensor_over_fp32_hopper"] == pytest.approx(989 / 67)


def test_s03_v100_tensor_core_peak_follows_from_its_design():
    volta = next(g for g in GENERATIONS if g.architecture == "Volta")
    # 640 Tensor Cores × 64 FMA per clock × 2 flops × 1.53 GHz.
    assert 640 * 64 * 2 * 1.53e9 / 1e12 == pytest.approx(
        volta.tensor_fp16, rel=0.01)
