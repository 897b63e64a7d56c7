"""Sections 1-8 to 1-11: gradient descent, the optimizers and the
quadratic fits. The from-scratch update rules must be Keras's rules."""

import math

import keras
import numpy as np
import pytest

from snippets.ch01 import s09_optimizers_numpy as scratch
from snippets.ch01.s08_plot_learning_rate import (LEARNING_RATES,
                                                  gradient_descent)
from snippets.ch01.s10_plot_momentum import rmse_and_grad

TOL = 1e-6


# --- 1-8 ------------------------------------------------------------------

def test_s08_seed_worked_examples():
    one = gradient_descent(lambda t: np.array([-3.0]), np.array([0.5]),
                           0.25, 1)
    assert one[1] == pytest.approx([1.25])
    two = gradient_descent(lambda t: np.array([2.0, -2.0]),
                           np.array([3.0, 2.0]), 0.25, 1)
    assert two[1] == pytest.approx([2.5, 2.5])
    # Keras's SGD takes the same step.
    theta = keras.Variable(np.array([3.0, 2.0]), dtype="float64")
    keras.optimizers.SGD(learning_rate=0.25).apply_gradients(
        [(np.array([2.0, -2.0]), theta)])
    assert theta.numpy() == pytest.approx([2.5, 2.5])


def test_s08_learning_rate_regimes(snippet_result):
    result = snippet_result("ch01/s08_plot_learning_rate")
    n = result["num_steps"]
    for label, lr in LEARNING_RATES.items():
        # On f = θ², θ_t = (1 - 2α)^t θ_0 exactly.
        expected = 4.0 * (1 - 2 * lr) ** n
        assert result[label.replace(" ", "_")] == pytest.approx(expected)
    assert abs(result["about_right"]) < 1e-3 < abs(result["too_large"])
    assert abs(result["divergent"]) > 4.0 > abs(result["too_small"]) > 1


def test_s08_schedules_follow_their_formulas(snippet_result):
    result = snippet_result("ch01/s08_plot_schedules")
    expected = {
        "exponential_500": 0.1 * 0.5 ** (500 / 200),
        "exponential_staircase_500": 0.1 * 0.5 ** 2,
        "piecewise_500": 0.05,
        "cosine_500": 0.1 * 0.5 * (1 + math.cos(math.pi * 0.5)),
        "inverse_time_500": 0.1 / (1 + 500 / 100),
    }
    for key, value in expected.items():
        assert result[key] == pytest.approx(value, rel=1e-6), key


# --- 1-9: every from-scratch rule against keras.optimizers ------------------

def test_s09_every_rule_matches_keras_for_200_steps(snippet_result):
    result = snippet_result("ch01/s09_optimizers_numpy")
    assert result.num_steps == 200
    for name in ["sgd", "momentum", "nesterov", "adagrad", "rmsprop",
                 "rmsprop_centered", "adadelta", "adam"]:
        assert getattr(result, name) < TOL, name


F32 = scratch.float32
DEFAULTS = [  # Keras's default hyper-parameters (float32-rounded betas)
    ("Adagrad", scratch.Adagrad(lr=F32(1e-3)), keras.optimizers.Adagrad()),
    ("RMSprop", scratch.RMSprop(lr=F32(1e-3)), keras.optimizers.RMSprop()),
    ("Adadelta", scratch.Adadelta(lr=F32(1e-3)),
     keras.optimizers.Adadelta()),
    ("Nesterov", scratch.Nesterov(lr=F32(0.01), beta=F32(0.9)),
     keras.optimizers.SGD(momentum=0.9, nesterov=True)),
    ("Adam", scratch.Adam(lr=F32(1e-3), beta_1=F32(0.9), beta_2=F32(0.999)),
     keras.optimizers.Adam(beta_1=F32(0.9), beta_2=F32(0.999))),
]


@pytest.mark.parametrize("name, ours, theirs", DEFAULTS,
                         ids=[d[0] for d in DEFAULTS])
def test_s09_keras_defaults_on_the_bowl(name, ours, theirs):
    mine, _ = scratch.run_numpy(ours, scratch.bowl, (-4.0, 1.0), 200)
    keras_thetas = scratch.run_keras(theirs, scratch.bowl, (-4.0, 1.0), 200)
    assert np.max(np.abs(mine - keras_thetas)) < TOL
    moved = np.linalg.norm(mine[-1] - mine[0])
    assert moved > 1e-4, "it must move"
    if name == "Adadelta":  # default lr 0.001: the page says < 1e-3
        assert moved < 1e-3


def _run(optimizer, f=scratch.bowl, num_steps=200, theta0=(-4.0, 1.0)):
    return scratch.run_numpy(optimizer, f, theta0, num_steps)[0]


def test_s09_momentum_paper_and_keras_signs_are_the_same_rule():
    course = _run(scratch.Momentum(lr=0.05, beta=0.9, form="course"))
    keras_form = _run(scratch.Momentum(lr=0.05, beta=0.9, form="keras"))
    np.testing.assert_allclose(course, keras_form, rtol=0, atol=1e-12)


def test_s09_keras_nesterov_variable_is_the_look_ahead_point():
    beta, grad = 0.9, scratch.rosenbrock_grad
    paper = scratch.Nesterov(lr=1e-3, beta=beta, form="course")
    keras_form = scratch.Nesterov(lr=1e-3, beta=beta, form="keras")
    theta = phi = np.array([-1.2, 1.0])
    for _ in range(200):
        theta = paper.step(theta, grad)
        phi = keras_form.step(phi, grad)
        # phi_t = theta_t - beta * v_t, and Keras keeps m_t = -v_t
        np.testing.assert_allclose(phi, theta - beta * paper.v, atol=1e-12)
        np.testing.assert_allclose(keras_form.v, -paper.v, atol=1e-12)


def test_s09_conventions_that_change_the_numbers():
    # Adagrad: G_0 = 0.1 (Keras) vs 0 (Duchi et al.) is visible.
    duchi = _run(scratch.Adagrad(lr=0.5, form="paper"))
    keras_form = _run(scratch.Adagrad(lr=0.5, form="keras"))
    assert np.max(np.abs(duchi - keras_form)) > 1e-3
    # Adam: with epsilon = 0 both forms are the same rule ...
    paper = _run(scratch.Adam(lr=0.1, eps=0.0, form="paper"))
    folded = _run(scratch.Adam(lr=0.1, eps=0.0, form="keras"))
    np.testing.assert_allclose(paper, folded, rtol=1e-12, atol=1e-12)
    # ... and with tiny gradients epsilon's place matters a lot.
    tiny = lambda theta: 1e-7 * np.ones(2)  # noqa: E731
    step_paper = scratch.Adam(lr=1.0, form="paper").step(np.zeros(2), tiny)
    step_keras = scratch.Adam(lr=1.0, form="keras").step(np.zeros(2), tiny)
    assert step_paper == pytest.approx([-0.5, -0.5])
    assert abs(step_keras[0]) < 0.05
    # Adadelta: Keras's default lr = 0.001 scales the paper's step.
    unit = scratch.Adadelta(lr=1.0).step(np.array([-4.0, 1.0]),
                                         scratch.bowl_grad)
    keras_default = scratch.Adadelta(lr=1e-3).step(np.array([-4.0, 1.0]),
                                                   scratch.bowl_grad)
    np.testing.assert_allclose(keras_default - [-4.0, 1.0],
                               1e-3 * (unit - [-4.0, 1.0]), rtol=1e-9)


def test_s09_trajectories_figure_values(snippet_result):
    result = snippet_result("ch01/s09_plot_trajectories")
    assert result["bowl_sgd"] < 1e-6
    assert result["rosenbrock_momentum"] < 0.01 < result["rosenbrock_sgd"]
    assert result["bowl_adadelta"] > 1, "Adadelta starts with tiny steps"


# --- 1-10 and 1-11 ------------------------------------------------------------

def test_s10_momentum_fit(snippet_result):
    result = snippet_result("ch01/s10_quadratic_momentum")
    assert len(result.loss_history) == 300
    assert result.w1 == pytest.approx(2, abs=0.1)
    assert result.w2 == pytest.approx(3, abs=0.05)
    assert result.b == pytest.approx(5, abs=0.1)
    assert result.cycle_period > 0, "momentum ends in a cycle"
    assert result.cycle_min < result.final_loss <= result.cycle_max
    # Before the chaotic end, Keras's SGD(momentum=0.7) is the
    # from-scratch Momentum rule (float32 in Keras, float64 here).
    from snippets.common.data import quadratic_table
    x, y = quadratic_table()
    momentum = scratch.Momentum(lr=F32(0.01), beta=F32(0.7))
    theta, losses = np.ones(3), []
    for _ in range(100):
        losses.append(np.sqrt(np.mean((np.polyval(theta, x) - y) ** 2)))
        theta = momentum.step(theta, lambda t: rmse_and_grad(t, x, y)[1])
    np.testing.assert_allclose(result.loss_history[:100], losses, rtol=1e-4)


def test_s10_plot_plain_descent_is_section_1_7s_run(snippet_result):
    from snippets.ch01.s10_plot_momentum import plain_descent_losses
    from snippets.common.data import quadratic_table
    tape = snippet_result("ch01/s07_quadratic_tape")
    np.testing.assert_allclose(plain_descent_losses(*quadratic_table()),
                               tape.loss_history[:300], rtol=1e-4)
    plotted = snippet_result("ch01/s10_plot_momentum")
    assert plotted["period"] == snippet_result(
        "ch01/s10_quadratic_momentum").cycle_period


def test_s11_adam_fit(snippet_result):
    result = snippet_result("ch01/s11_quadratic_adam")
    assert len(result.loss_history) == 300
    assert (round(result.w1, 2), round(result.w2, 2),
            round(result.b, 2)) == (2.0, 3.0, 5.0)
    # The course printed 0.0388 at epoch 290; today's run is close.
    assert result.loss_290 == pytest.approx(0.0388, abs=0.005)
    assert result.final_loss < 0.05


def test_s11_minimize_is_gone_from_keras_3():
    assert not hasattr(keras.optimizers.Adam(), "minimize")
