"""snippets/ch08/s08_js_divergence.py: V(D*, G) = 2·JS - log 4 on
histograms, the from-scratch JS is SciPy's jensenshannon squared, and JS
saturates at log 2 for disjoint supports."""

import numpy as np
import pytest
from scipy.spatial.distance import jensenshannon

from snippets.ch08 import s08_js_divergence as s08


def test_s08_value_at_d_star_is_two_js_minus_log_4(run_snippet):
    run = run_snippet("ch08/s08_js_divergence")
    result = run.result
    # the identity holds exactly on normalised histograms: rounding only
    assert result.value_error < 1e-12
    assert result.value_d_star == pytest.approx(
        2 * result.js - np.log(4), abs=1e-12)
    # SciPy returns the square root of JS, in nats by default
    assert result.js_error < 1e-12
    assert result.sqrt_js_scipy ** 2 == pytest.approx(result.js, abs=1e-12)
    assert 0 < result.js < np.log(2)
    assert [p.name for p in run.figures] == ["s08_js_divergence_shift.svg"]


def test_s08_disjoint_supports_saturate_at_log_2(run_snippet):
    result = run_snippet("ch08/s08_js_divergence").result
    assert result.js_disjoint == pytest.approx(np.log(2), abs=1e-12)
    assert result.value_disjoint == pytest.approx(0.0, abs=1e-12)
    # the far end of the figure's curve is flat at log 2
    assert result.js_max_shift == pytest.approx(np.log(2), abs=1e-6)
    assert 0 < result.shift_at_saturation < s08.SHIFTS[-1]


def test_s08_identity_and_scipy_on_random_histograms():
    rng = np.random.default_rng(0)
    for _ in range(20):
        p, q = rng.random(15), rng.random(15)
        p[rng.random(15) < 0.2] = 0.0          # some empty bins too
        js = s08.js_divergence(p, q)
        assert js == pytest.approx(jensenshannon(p, q) ** 2, abs=1e-12)
        # base=2 gives bits: JS / log 2 under the square root
        assert js / np.log(2) == pytest.approx(
            jensenshannon(p, q, base=2) ** 2, abs=1e-12)
        assert s08.value_at_d_star(p, q) == pytest.approx(
            2 * js - np.log(4), abs=1e-12)
        assert 0 <= js <= np.log(2)
        assert s08.js_divergence(p, p) == pytest.approx(0.0, abs=1e-15)


def test_s08_js_is_log_2_for_any_disjoint_pair():
    p = np.r_[0.3, 0.7, 0.0, 0.0, 0.0]
    q = np.r_[0.0, 0.0, 0.2, 0.5, 0.3]
    assert s08.js_divergence(p, q) == pytest.approx(np.log(2), abs=1e-15)
    # moving q further away changes nothing: no gradient to follow
    q_far = np.r_[0.0, 0.0, 0.0, 0.0, 1.0]
    assert s08.js_divergence(p, q_far) == pytest.approx(np.log(2),
                                                        abs=1e-15)


def test_s08_bins_are_8_2s():
    """s08 repeats 8-2's bin edges to stay NumPy-only; they must agree."""
    from snippets.ch08 import s02_optimal_discriminator as s02
    np.testing.assert_array_equal(s08.EDGES, s02.EDGES)
