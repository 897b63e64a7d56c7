"""docs/ch04-neural-networks/03-forward-pass.md: what the page reads off
the spreadsheet holds for the rows this build prints."""

import numpy as np

from snippets.ch04 import s03_forward_pass as fp
from snippets.ch04 import s04_xor_spreadsheet as sheet


def _weights():
    rows, history = sheet.train_online(sheet.NUM_ROWS)
    start = np.array(sheet.weights_row((fp.W1, fp.B1, fp.W2, fp.B2)))
    table = np.array([start] + [sheet.weights_row(w) for w in history])
    return rows, table


def test_zero_input_moves_only_biases_and_output_weights():
    rows, table = _weights()
    for step in (1, 5):  # x = (0, 0)
        assert not rows[step - 1]["x"].any()
        # w11, w21, w12, w22 are columns 0, 1, 3, 4
        np.testing.assert_array_equal(table[step, [0, 1, 3, 4]],
                                      table[step - 1, [0, 1, 3, 4]])


def test_hidden_weights_move_an_order_of_magnitude_less():
    _, table = _weights()
    moves = np.abs(np.diff(table, axis=0))
    hidden, output = moves[:, :6].max(), moves[:, 6:].max()
    assert hidden < output / 5


def test_an_epoch_nearly_cancels():
    _, table = _weights()
    within = table[:5].max(axis=0) - table[:5].min(axis=0)
    net = np.abs(table[4] - table[0])
    assert net.max() < 0.5 * within.max()
    net = np.abs(table[8] - table[4])
    assert net.max() < 0.5 * within.max()


def test_untrained_outputs_are_all_near_one_half():
    y = fp.forward(fp.XOR_X)["y"]
    assert np.all(np.abs(y - 0.5) < 0.05)
