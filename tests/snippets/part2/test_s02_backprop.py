"""II-2: backpropagation by hand equals the tape; mini-batch SGD
learns."""


def test_hand_backprop_equals_the_tape(run_snippet):
    result = run_snippet("part2/s02_backprop").result
    for name in ["W1", "b1", "W2", "b2"]:
        assert getattr(result, f"max_diff_{name}") < 1e-12, name
    assert result.max_diff == max(result.max_diff_W1, result.max_diff_b1,
                                  result.max_diff_W2, result.max_diff_b2)
    assert result.sgd_steps_per_epoch == 7  # ceil(100 / 16)
    assert result.sgd_final_loss < result.sgd_first_loss / 5
