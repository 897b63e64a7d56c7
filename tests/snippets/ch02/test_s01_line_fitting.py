"""snippets/ch02/s01_line_fitting.py: OLS = lstsq, TLS formula = SVD,
gradient descent lands on OLS, and the bias table the page explains."""

import numpy as np
import pytest

from snippets.ch02 import s01_line_fitting as s01


def test_closed_forms_match_the_library_solvers(run_snippet):
    result = run_snippet("ch02/s01_line_fitting").result
    np.testing.assert_allclose(result.ols, result.ols_lstsq, rtol=1e-12)
    np.testing.assert_allclose(result.tls, result.tls_svd, rtol=1e-12)


@pytest.mark.parametrize("seed", range(5))
def test_tls_formula_is_the_smallest_singular_vector(seed):
    x, y = s01.noisy_line(30, 0.3, 0.6, np.random.default_rng(seed))
    np.testing.assert_allclose(s01.tls_closed_form(x, y),
                               s01.tls_svd(x, y), rtol=1e-10)
    # and it does minimise the perpendicular distances: nudging the
    # slope either way makes them larger
    def perpendicular(slope):
        c = y.mean() - slope * x.mean()
        return np.sum((y - slope * x - c) ** 2) / (1 + slope ** 2)
    m = s01.tls_closed_form(x, y)[0]
    assert perpendicular(m) < min(perpendicular(m - 1e-3),
                                  perpendicular(m + 1e-3))


def test_tape_and_keras_reach_ols(run_snippet):
    result = run_snippet("ch02/s01_line_fitting").result
    np.testing.assert_allclose(result.tape, result.ols, atol=1e-5)
    np.testing.assert_allclose(result.keras, result.ols, atol=1e-5)
    assert result.keras_vs_ols == np.abs(result.keras - result.ols).max()
    # the page: OLS, not TLS
    assert abs(result.tls_slope - result.ols_slope) > 0.1


def test_bias_table(run_snippet):
    result = run_snippet("ch02/s01_line_fitting").result
    # noise in x: OLS shrinks by the dilution factor, TLS is unbiased
    assert result.big_ols_slope_xy == pytest.approx(
        2 * result.attenuation, abs=0.02)
    assert result.big_tls_slope_xy == pytest.approx(2, abs=0.02)
    # noise in y only: OLS unbiased, TLS too steep
    assert result.big_ols_slope_y == pytest.approx(2, abs=0.02)
    assert result.big_tls_slope_y > 2.03
    # the 40-point fit tells the same story
    assert result.ols_slope < result.tls_slope


def test_figure(run_snippet):
    (figure,) = run_snippet("ch02/s01_line_fitting").figures
    assert figure.name == "s01_line_fitting_residuals.svg"
    assert "<svg" in figure.read_text()
