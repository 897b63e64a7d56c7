"""snippets/ch04/s04_xor_spreadsheet.py: every row of the spreadsheet is
one gradient step, as tf.GradientTape computes it."""

import numpy as np
import tensorflow as tf

from snippets.ch04 import s03_forward_pass as fp
from snippets.ch04 import s04_xor_spreadsheet as sheet


def tape_step(x, t, weights, lr=sheet.LR):
    """w - lr * dE/dw with E = (t - y)**2 / 2, differentiated by the tape."""
    variables = [tf.Variable(w) for w in weights]
    with tf.GradientTape() as tape:
        w1, b1, w2, b2 = variables
        h = tf.sigmoid(x[None, :] @ w1 + b1)
        y = tf.sigmoid(h @ w2 + b2)
        error = 0.5 * tf.reduce_sum((t - y) ** 2)
    grads = tape.gradient(error, variables)
    return [w - lr * g.numpy() for w, g in zip(weights, grads)]


def test_s04_each_row_is_the_tape_gradient_step():
    rows, history = sheet.train_online(sheet.NUM_ROWS)
    weights = [fp.W1, fp.B1, fp.W2, fp.B2]
    for i, after in enumerate(history):
        k = i % 4
        expected = tape_step(fp.XOR_X[k], fp.XOR_T[k, 0], weights)
        for mine, tapes in zip(after, expected):
            np.testing.assert_allclose(mine, tapes, rtol=0, atol=1e-15)
        weights = list(after)


def test_s04_first_row_by_calculator():
    rows, history = sheet.train_online(1)
    r = rows[0]  # x = (0, 0), t = 0
    h = 1 / (1 + np.exp(-fp.B1))
    y = 1 / (1 + np.exp(-(h @ fp.W2[:, 0] + fp.B2[0])))
    np.testing.assert_allclose(r["h"], h, rtol=1e-15)
    np.testing.assert_allclose(r["y"], y, rtol=1e-15)
    np.testing.assert_allclose(r["error"], y * y / 2, rtol=1e-14)
    w1, b1, w2, b2 = history[0]
    np.testing.assert_array_equal(w1, fp.W1)  # a zero input moves nothing
    assert not np.allclose(b1, fp.B1)


def test_s04_tables_and_the_long_run(run_snippet):
    r = run_snippet("ch04/s04_xor_spreadsheet").result
    assert len(r["forward_table"].splitlines()) == 2 + sheet.NUM_ROWS
    assert len(r["weights_table"].splitlines()) == 3 + sheet.NUM_ROWS
    assert "| 0 | +0.2000 | +0.4000 | -0.4000 |" in r["weights_table"]
    errors = np.array(r["epoch_errors"])
    assert errors[-1] < errors[0] / 10
    assert r["solved"] and r["solved_word"] == "solves"
    assert r["final_00"] < 0.5 < r["final_01"]
    assert r["final_11"] < 0.5 < r["final_10"]


def test_s04_the_error_sits_on_a_plateau_first(run_snippet):
    # The page: the error stays near its first value for hundreds of
    # epochs, then falls.
    r = run_snippet("ch04/s04_xor_spreadsheet").result
    errors = np.array(r["epoch_errors"])
    n = r["half_error_epoch"]
    assert n > 300 and errors[n - 1] < errors[0] / 2 <= errors[n - 2]
    assert errors[:300].min() > 0.9 * errors[0]
