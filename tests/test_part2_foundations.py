"""Part II, pages 1-5: the numbers the pages quote are what the code
computes, and hand-derived results equal TensorFlow's and Keras's."""

import pytest


def test_s01_tape_gradients_equal_the_formula(snippet_result):
    result = snippet_result("part2/s01_autodiff")
    # dE/da = 2 mean(e x), dE/db = 2 mean(e), at every one of 200 epochs.
    assert result.max_grad_error < 1e-5
    assert len(result.mse_history) == 200
    assert result.a == pytest.approx(3.0, abs=1e-3)
    assert result.b == pytest.approx(2.0, abs=1e-3)
    assert result.final_mse < 1e-8 < result.first_mse


def test_s01_plot_uses_the_same_fit(snippet_result):
    fit = snippet_result("part2/s01_autodiff")
    plotted = snippet_result("part2/s01_plot_autodiff")
    assert plotted.mse_history == fit.mse_history


def test_s02_hand_backprop_equals_the_tape(snippet_result):
    result = snippet_result("part2/s02_backprop")
    for name in ["W1", "b1", "W2", "b2"]:
        assert getattr(result, f"max_diff_{name}") < 1e-12, name
    assert result.sgd_steps_per_epoch == 7  # ceil(100 / 16)
    assert result.sgd_final_loss < result.sgd_first_loss / 5


def test_s02_memoryless_update_is_plain_descent_with_a_larger_step():
    import numpy as np

    from snippets.part2.s02_momentum import (LR, W0, gradient_descent,
                                            memoryless_descent)

    for m in [0.1, 0.9]:
        ours = memoryless_descent(W0, LR, m)
        plain = gradient_descent(W0, (1 + m) * LR)
        assert ours.shape == plain.shape
        assert np.allclose(ours, plain, rtol=0, atol=1e-12)


def test_s02_momentum_loops_match_keras_and_beat_no_memory(snippet_result):
    race = snippet_result("part2/s02_momentum")
    assert race.keras_max_diff < 1e-12
    # Memory matters at m = 0.9, and Nesterov is fastest on this valley.
    assert (race.steps_nesterov_09 < race.steps_momentum_09
            < race.steps_memoryless_09 / 2 < race.steps_gd)
    # At the notes' m = 0.1 every variant is within 10 % of the others.
    small = [race.steps_memoryless_01, race.steps_momentum_01,
             race.steps_nesterov_01]
    assert max(small) < 1.1 * min(small) < race.steps_gd


def test_s02_plot_uses_the_same_race(snippet_result):
    race = snippet_result("part2/s02_momentum")
    plotted = snippet_result("part2/s02_plot_momentum")
    assert plotted.steps_momentum_09 == race.steps_momentum_09


def test_s03_run_shows_under_and_over_fitting_and_dropout(snippet_result):
    run = snippet_result("part2/s03_plot_fitting")
    assert (run.n_train, run.n_val) == (30, 20)
    noise = run.noise_mse
    # The line under-fits: both losses stay well above the noise level.
    assert min(run.linear_train, run.linear_val) > 1.5 * noise
    # The big network over-fits: training loss below the noise, validation
    # loss best early and clearly worse at the end.
    assert run.big_train < noise
    assert run.big_best_epoch < 100
    assert run.big_val > 1.3 * run.big_best_val
    # Dropout: a lower final validation loss, and a training loss (taken
    # on the thinned network) above the validation loss, as the page says.
    assert run.dropout_val < run.big_val
    assert run.dropout_train > run.dropout_val
    assert len(run.histories["big"]["val_loss"]) == 300


def test_s04_tape_derivatives_match_the_textbook_formulas():
    import numpy as np

    from snippets.part2.s04_plot_activations import (ACTIVATIONS,
                                                    value_and_derivative)

    x = np.linspace(-4, 4, 81).astype("float32")
    x = x[np.abs(x) > 1e-3]  # away from the kinks at 0
    s, ds = value_and_derivative(ACTIVATIONS["sigmoid"], x)
    assert np.allclose(ds, s * (1 - s), atol=1e-6)
    t, dt = value_and_derivative(ACTIVATIONS["tanh"], x)
    assert np.allclose(dt, 1 - t * t, atol=1e-6)
    _, dsp = value_and_derivative(ACTIVATIONS["softplus"], x)
    assert np.allclose(dsp, s, atol=1e-6)  # softplus' = sigmoid
    _, dss = value_and_derivative(ACTIVATIONS["softsign"], x)
    assert np.allclose(dss, 1 / (1 + np.abs(x)) ** 2, atol=1e-6)
    _, dl = value_and_derivative(ACTIVATIONS["leaky ReLU (0.2)"], x)
    assert np.allclose(dl, np.where(x > 0, 1.0, 0.2))


def test_s04_hard_sigmoid_is_the_keras3_formula(snippet_result):
    import numpy as np

    from snippets.part2.s04_plot_activations import (ACTIVATIONS,
                                                    value_and_derivative)

    x = np.linspace(-4, 4, 161).astype("float32")
    y, dy = value_and_derivative(ACTIVATIONS["hard sigmoid"], x)
    assert np.allclose(y, np.clip(x + 3, 0, 6) / 6, atol=1e-6)
    assert not np.allclose(y, np.clip(0.2 * x + 0.5, 0, 1), atol=1e-3)
    inside = np.abs(x) < 2.9
    assert np.allclose(dy[inside], 1 / 6)
    values = snippet_result("part2/s04_plot_activations")
    assert values["hard_sigmoid_d0"] == pytest.approx(1 / 6)
    assert values["sigmoid_d0"] == pytest.approx(0.25)
    assert values["relu_d0"] == 0.0


def test_s05_hand_losses_equal_keras(snippet_result):
    values = snippet_result("part2/s05_losses")
    assert values["max_diff"] < 1e-5
    for name in ["binary", "categorical", "sparse"]:
        # from probabilities and from logits: the same loss
        assert values[f"{name}_hand"] == pytest.approx(
            values[f"{name}_logits_hand"], rel=1e-9)
        assert values[f"{name}_keras"] == pytest.approx(
            values[f"{name}_logits_keras"], abs=1e-5)
    # one-hot and integer labels describe the same targets
    assert values["categorical_hand"] == pytest.approx(
        values["sparse_hand"], rel=1e-12)


def test_s05_keras_clips_probabilities_at_epsilon():
    import keras
    import numpy as np

    assert keras.config.epsilon() == 1e-7
    bce = keras.losses.BinaryCrossentropy()
    y = np.zeros((1, 1), dtype="float32")
    p = np.ones((1, 1), dtype="float32")
    cap = -np.log(1 - np.float32(1 - 1e-7))
    assert float(bce(y, p)) == pytest.approx(cap, rel=1e-6)
    z = np.full((1, 1), 30.0, dtype="float32")
    logits = keras.losses.BinaryCrossentropy(from_logits=True)(y, z)
    assert float(logits) == pytest.approx(30.0)
