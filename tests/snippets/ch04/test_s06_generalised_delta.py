"""snippets/ch04/s06_generalised_delta.py: the hand deltas and gradients
are the tape's, on the XOR net and on a deeper one."""

import numpy as np

from snippets.ch04 import s03_forward_pass as fp
from snippets.ch04 import s04_xor_spreadsheet as sheet
from snippets.ch04 import s06_generalised_delta as gd


def test_s06_hand_equals_tape(run_snippet):
    r = run_snippet("ch04/s06_generalised_delta").result
    assert r["xor_diff"] < 1e-15
    assert r["deep_diff"] < 1e-15


def test_s06_deeper_nets_of_other_shapes():
    for sizes, seed in [([2, 5, 1], 3), ([4, 3, 3, 3, 2], 4)]:
        weights, biases = gd.random_network(sizes, seed)
        rng = np.random.default_rng(seed)
        x = rng.normal(size=(7, sizes[0]))
        t = rng.uniform(size=(7, sizes[-1]))
        hand = gd.hand_backprop(x, t, weights, biases)
        tape = gd.tape_backprop(x, t, weights, biases)
        assert gd.largest_difference(hand, tape) < 1e-14


def test_s06_batch_deltas_are_the_spreadsheet_first_row(run_snippet):
    r = run_snippet("ch04/s06_generalised_delta").result
    rows, _ = sheet.train_online(1)  # pattern (0, 0), starting weights
    np.testing.assert_allclose(r["out_delta_00"], rows[0]["delta_out"],
                               rtol=1e-14)
    np.testing.assert_allclose(
        [r["hidden_delta_00_1"], r["hidden_delta_00_2"]],
        rows[0]["delta_hidden"], rtol=1e-13)
    assert r["ratio"] < 0.1  # hidden deltas: under a tenth of the output's
    # the tape's gradient is the sum of the four rows' contributions
    _, grad_w, _ = gd.hand_backprop(fp.XOR_X, fp.XOR_T, [fp.W1, fp.W2],
                                    [fp.B1, fp.B2])
    assert grad_w[0].shape == (2, 2) and grad_w[1].shape == (2, 1)
