"""II-1: the tape's gradients equal the hand-derived formula, the fit
finds the true line, and the figure is drawn from that one run."""

import pytest


def test_tape_gradients_equal_the_formula(run_snippet):
    result = run_snippet("part2/s01_autodiff").result
    # dE/da = 2 mean(e x), dE/db = 2 mean(e), at every one of 200 epochs.
    assert result.max_grad_error < 1e-5
    assert len(result.mse_history) == 200
    assert result.a == pytest.approx(3.0, abs=1e-3)
    assert result.b == pytest.approx(2.0, abs=1e-3)
    assert result.final_mse < 1e-8 < result.first_mse


def test_figure_shows_the_path_from_the_start(run_snippet):
    run = run_snippet("part2/s01_autodiff")
    assert [p.name for p in run.figures] == ["s01_autodiff_fit.svg"]
    # the path starts at (0, 0) and has one point per epoch after it
    assert run.result.ab_history[0] == (0.0, 0.0)
    assert len(run.result.ab_history) == 201
    assert "<svg" in run.figures[0].read_text()
