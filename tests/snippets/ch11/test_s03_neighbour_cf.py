"""snippets/ch11/s03_neighbour_cf.py: Pearson and cosine agree with
NumPy and scikit-learn, and the predictions follow the formulas."""

import numpy as np
from sklearn.metrics.pairwise import cosine_similarity

from snippets.ch11 import s03_neighbour_cf as nn


def test_s03_similarities_match_libraries():
    R, rated = nn.R, nn.RATED
    np.testing.assert_allclose(cosine_similarity(R)[0, 2],
                               nn.cosine(R[0], R[2]), rtol=1e-12)
    for u, v in [(0, 1), (0, 2), (2, 3), (1, 4)]:
        both = rated[u] & rated[v]
        expected = np.corrcoef(R[u, both], R[v, both])[0, 1]
        np.testing.assert_allclose(nn.pearson(u, v), expected, rtol=1e-12)


def test_s03_predictions(run_snippet):
    r = run_snippet("ch11/s03_neighbour_cf").result
    # user 0 agrees with users 1 and 4, who liked movie 2: a high rating
    assert r["user_pred_0_2"] > 4 and r["item_pred_0_2"] > 4
    # user 3 is like user 2, who rated movie 0 low
    assert r["user_pred_3_0"] < 1.5 and r["item_pred_3_0"] < 1.5
    assert r["pearson_0_1"] > 0.8 > -0.9 > r["pearson_0_2"]
