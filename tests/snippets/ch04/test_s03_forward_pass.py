"""snippets/ch04/s03_forward_pass.py: the hand forward pass is Keras's."""

import numpy as np

from snippets.ch04 import s03_forward_pass as fp


def test_s03_hand_values_follow_the_formulas(run_snippet):
    r = run_snippet("ch04/s03_forward_pass").result
    # x = (1, 0): z1 = first row of W1 plus b1
    np.testing.assert_allclose([r["z1_1"], r["z1_2"]], [-0.2, -0.1],
                               atol=1e-15)
    h = 1 / (1 + np.exp(np.array([0.2, 0.1])))
    np.testing.assert_allclose([r["h1"], r["h2"]], h, rtol=1e-15)
    np.testing.assert_allclose(r["z2"], 0.3 * h[0] - 0.2 * h[1] + 0.1,
                               rtol=1e-14)
    np.testing.assert_allclose(r["y"], 1 / (1 + np.exp(-r["z2"])),
                               rtol=1e-15)


def test_s03_keras_gives_the_same_outputs(run_snippet):
    r = run_snippet("ch04/s03_forward_pass").result
    assert r["max_diff"] < 1e-15
    keras_y = fp.keras_network()(fp.XOR_X).numpy()[:, 0]
    np.testing.assert_allclose(r["outputs"], keras_y, rtol=0, atol=1e-15)
    # all four outputs are near 0.5: the untrained net knows nothing
    assert all(0.5 < y < 0.55 for y in r["outputs"])
