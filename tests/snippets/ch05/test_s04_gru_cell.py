"""5-4: both GRU forms match keras.layers.GRU, and differ from each
other."""
import numpy as np

from snippets.ch05 import s04_gru_cell as s04


def test_both_forms_match_keras(run_snippet):
    result = run_snippet("ch05/s04_gru_cell").result
    assert result["paper_diff"] < 1e-6
    assert result["reset_after_diff"] < 1e-6
    assert result["forms_differ_by"] > 1e-2


def test_swapping_the_forms_fails():
    rng = np.random.default_rng(2)
    W = rng.normal(0, 0.5, (3, 9))
    U = rng.normal(0, 0.5, (3, 9))
    b = rng.normal(0, 0.3, 9)
    xs = rng.normal(size=(1, 8, 3))
    paper = s04.gru(s04.gru_step_paper, xs, W, U, b)
    np.testing.assert_allclose(paper, s04.keras_gru(xs, W, U, b, False),
                               atol=1e-6)
    two = np.stack([b, np.zeros(9)])
    assert np.abs(paper - s04.keras_gru(xs, W, U, two, True)).max() > 1e-2
