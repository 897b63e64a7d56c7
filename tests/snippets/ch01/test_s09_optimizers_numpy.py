"""snippets/ch01/s09_optimizers_numpy.py: the from-scratch update rules
are Keras's rules, and the paths it draws end where the page says."""

import keras
import numpy as np
import pytest

from snippets.ch01 import s09_optimizers_numpy as scratch

TOL = 1e-6


RULES = ["sgd", "momentum", "nesterov", "adagrad", "rmsprop",
         "rmsprop_centered", "adadelta", "adam", "adamw"]


def test_s09_every_rule_matches_keras_for_200_steps(run_snippet):
    result = run_snippet("ch01/s09_optimizers_numpy").result
    assert result["num_steps"] == 200
    for name in RULES:
        assert result[name] < TOL, name
    assert result["worst"] == max(result[name] for name in RULES)


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
    ("AdamW", scratch.AdamW(lr=F32(1e-3), weight_decay=0.004,
                            beta_1=F32(0.9), beta_2=F32(0.999)),
     keras.optimizers.AdamW(beta_1=F32(0.9), beta_2=F32(0.999))),
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
    # AdamW: Keras's decay is lr * weight_decay per step, the paper's is
    # weight_decay alone, so Keras's wd equals the paper's divided by lr.
    # (epsilon = 0 takes Adam's own difference out of the comparison.)
    paper = _run(scratch.AdamW(lr=0.1, weight_decay=0.02, eps=0.0,
                               form="paper"))
    keras_form = _run(scratch.AdamW(lr=0.1, weight_decay=0.2, eps=0.0))
    np.testing.assert_allclose(paper, keras_form, rtol=1e-12, atol=1e-12)
    # ... and the decay is decoupled: it is not Adam on f + wd·|θ|²/2.
    coupled = scratch.Adam(lr=0.1, eps=0.0)
    l2_grad = lambda theta: scratch.bowl_grad(theta) + 0.2 * theta  # noqa
    theta, l2 = np.array([-4.0, 1.0]), []
    for _ in range(200):
        theta = coupled.step(theta, l2_grad)
        l2.append(theta)
    assert np.max(np.abs(np.array(l2) - keras_form[1:])) > 1e-3


def test_s09_adadelta_first_step_is_sqrt_eps_over_one_minus_rho(
        run_snippet):
    result = run_snippet("ch01/s09_optimizers_numpy").result
    # With E[Δθ²]_0 = 0 the first step is √ε / √((1-ρ)g² + ε) · |g|.
    assert result["adadelta_first_step"] == pytest.approx(
        np.sqrt(1e-6 / 0.05), rel=1e-4)
    assert result["adadelta_first_step"] > 4 * np.sqrt(1e-6)


def test_s09_stated_optima_for_curvatures_1_and_10():
    optima = scratch.stated_optima(1.0, 10.0)
    assert optima["sgd"] == pytest.approx(2 / 11)
    lr, beta = optima["momentum"]
    assert lr == pytest.approx(4 / (np.sqrt(10) + 1) ** 2)
    assert np.sqrt(beta) == pytest.approx((np.sqrt(10) - 1)
                                          / (np.sqrt(10) + 1))


def test_s09_fair_race_on_the_bowl(run_snippet):
    result = run_snippet("ch01/s09_optimizers_numpy").result
    # At α = 2/11 both coordinates shrink by 9/11 a step, so f shrinks by
    # (9/11)² from f(-4, 1) = 13: the ≈ 5e-10 the page quotes.
    assert result["bowl_sgd"] == pytest.approx(13 * (9 / 11) ** 120,
                                               rel=1e-6)
    assert 1e-10 < result["bowl_sgd"] < 1e-9
    # Polyak's heavy ball: ≈ 4e-30 in the same 60 steps.
    assert 1e-30 < result["bowl_momentum"] < 1e-29
    assert (result["bowl_momentum"] < result["bowl_nesterov"]
            < result["bowl_sgd"])
    # Momentum with the common α 0.05, β 0.9 loses to tuned descent.
    assert result["bowl_momentum_untuned"] > 1e6 * result["bowl_sgd"]


def test_s09_tune_picks_the_grid_rate_with_the_lowest_final_loss():
    grid = scratch.LR_GRID[::5]
    best = scratch.tune(scratch.RMSprop, scratch.bowl, (-4.0, 1.0), 60,
                        grid)
    finals = [scratch.run_numpy(scratch.RMSprop(lr), scratch.bowl,
                                (-4.0, 1.0), 60)[1][-1] for lr in grid]
    assert best == grid[int(np.nanargmin(finals))]


def test_s09_trajectories_figure_values(run_snippet):
    run = run_snippet("ch01/s09_optimizers_numpy")
    result = run.result
    assert result["rosenbrock_momentum"] < 0.01 < result["rosenbrock_sgd"]
    assert result["bowl_adadelta"] > 1, "Adadelta starts with tiny steps"
    for surface, settings in [("bowl", scratch.bowl_optimizers()),
                              ("rosenbrock",
                               scratch.rosenbrock_optimizers())]:
        names = {f"{surface}_{name.split(' (')[0].lower()}"
                 for name in settings}
        assert len(names) == 7 and names <= set(result), surface
    assert [p.name for p in run.figures] == [
        "s09_optimizers_numpy_bowl.svg",
        "s09_optimizers_numpy_rosenbrock.svg"]
