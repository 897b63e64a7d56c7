"""6-4: pooling by hand equals Keras's pooling layers."""
import numpy as np

from snippets.ch06 import s04_pooling as s04


def test_pooling_matches_keras(run_snippet):
    r = run_snippet("ch06/s04_pooling").result
    for key in ("max_diff", "avg_diff", "overlap_diff", "global_diff"):
        assert r[key] < 1e-6, key
    assert r["num_params"] == 0
    assert r["max_tex"] == r"\begin{bmatrix}6 & 2 \\ 2 & 8\end{bmatrix}"


def test_pool_reduces_each_window():
    x = np.arange(16.0).reshape(4, 4)
    assert s04.pool(x).tolist() == [[5, 7], [13, 15]]
    assert s04.pool(x, reduce=np.min).tolist() == [[0, 2], [8, 10]]
