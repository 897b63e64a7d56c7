"""snippets/ch04/s12_hebb_instar.py: no library to compare with, so the
rules' invariants: Instar moves only the winner, by exactly alpha(x - w);
Hebb's norm grows along the first principal component."""

import numpy as np

from snippets.ch04 import s12_hebb_instar as hi


def test_s12_instar_moves_only_the_winner_by_alpha_x_minus_w():
    rng = np.random.default_rng(0)
    for _ in range(50):
        w = rng.normal(size=(4, 3))
        x = rng.normal(size=3)
        alpha = rng.uniform(0.01, 1)
        new, winner = hi.instar_step(w, x, alpha)
        assert winner == np.argmin(np.linalg.norm(w - x, axis=1))
        np.testing.assert_allclose(new[winner] - w[winner],
                                   alpha * (x - w[winner]), rtol=1e-12,
                                   atol=1e-15)
        others = np.arange(4) != winner
        np.testing.assert_array_equal(new[others], w[others])
        # the winner is closer to x by exactly the factor (1 - alpha)
        np.testing.assert_allclose(np.linalg.norm(x - new[winner]),
                                   (1 - alpha) * np.linalg.norm(x - w[winner]),
                                   rtol=1e-12)
        assert not np.shares_memory(new, w)


def test_s12_hebb_step_and_growth():
    w = np.array([0.5, -1.0])
    x = np.array([2.0, 1.0])
    step = hi.hebb(w, [x], rate=0.1)
    np.testing.assert_allclose(step[1], w + 0.1 * (w @ x) * x)
    # |w + r y x|^2 = |w|^2 + (2r + r^2 |x|^2) y^2 with y = w.x: the norm
    # can never fall, whatever the inputs
    rng = np.random.default_rng(1)
    xs = rng.normal(size=(200, 2)) * [3, 0.5]
    norms = np.linalg.norm(hi.hebb(np.array([0.3, 0.3]), xs), axis=1)
    assert np.all(np.diff(norms) >= -1e-12)


def test_s12_result(run_snippet):
    run = run_snippet("ch04/s12_hebb_instar")
    r = run.result
    assert [p.name for p in run.figures] == ["s12_hebb_instar_rules.svg"]
    assert r.hebb_norm_end > 100 * r.hebb_norm_start
    assert r.hebb_cosine_pc1 > 0.999
    assert r.wta_max_error < 0.2
