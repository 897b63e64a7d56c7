"""Eight update rules from scratch in NumPy, checked against Keras, drawn.

Section: 1-9 Optimizers
Figure: s09_optimizers_numpy_bowl.svg, s09_optimizers_numpy_rosenbrock.svg
"""
from dataclasses import asdict, dataclass

import keras
import matplotlib.pyplot as plt
import numpy as np
import tensorflow as tf

SEED = 9


# --8<-- [start:surfaces]
def bowl(theta):
    """Ill-conditioned quadratic bowl f(x, y) = (x² + 10y²) / 2."""
    return 0.5 * (theta[0] ** 2 + 10 * theta[1] ** 2)


def bowl_grad(theta):
    return np.array([theta[0], 10 * theta[1]])


def rosenbrock(theta):
    """Rosenbrock's banana valley f(x, y) = (1 - x)² + 100(y - x²)²."""
    return (1 - theta[0]) ** 2 + 100 * (theta[1] - theta[0] ** 2) ** 2


def rosenbrock_grad(theta):
    x, y = theta
    return np.array([-2 * (1 - x) - 400 * x * (y - x * x),
                     200 * (y - x * x)])


GRADIENTS = {bowl: bowl_grad, rosenbrock: rosenbrock_grad}
# --8<-- [end:surfaces]


# --8<-- [start:sgd]
class SGD:
    """theta <- theta - lr * grad (the same in the paper and in Keras)."""

    def __init__(self, lr=0.01):
        self.lr = lr

    def step(self, theta, grad_fn):
        return theta - self.lr * grad_fn(theta)
# --8<-- [end:sgd]


# --8<-- [start:momentum]
class Momentum:
    """Heavy-ball momentum. form="course" (the course, Ruder 2016):
    v = beta*v + lr*g, theta -= v. form="keras" (Sutskever et al. 2013,
    Keras): the velocity has the other sign, m = beta*m - lr*g,
    theta += m. Same iterates, m = -v."""

    def __init__(self, lr=0.01, beta=0.9, form="keras"):
        self.lr, self.beta, self.form = lr, beta, form
        self.v = 0.0

    def step(self, theta, grad_fn):
        g = grad_fn(theta)
        if self.form == "course":
            self.v = self.beta * self.v + self.lr * g   # v_t
            return theta - self.v                       # theta - v_t
        self.v = self.beta * self.v - self.lr * g       # m_t = -v_t
        return theta + self.v
# --8<-- [end:momentum]


# --8<-- [start:nesterov]
class Nesterov:
    """Nesterov momentum. form="course": the gradient is taken at the
    look-ahead point theta - beta*v. form="keras": the variable *is* the
    look-ahead point phi = theta - beta*v, so the gradient is taken where
    the variable is (the rewrite of Bengio et al. 2012)."""

    def __init__(self, lr=0.01, beta=0.9, form="keras"):
        self.lr, self.beta, self.form = lr, beta, form
        self.v = 0.0

    def step(self, theta, grad_fn):
        if self.form == "course":
            g = grad_fn(theta - self.beta * self.v)     # look ahead
            self.v = self.beta * self.v + self.lr * g
            return theta - self.v
        g = grad_fn(theta)                              # theta holds phi
        self.v = self.beta * self.v - self.lr * g       # m_t = -v_t
        return theta + self.beta * self.v - self.lr * g
# --8<-- [end:nesterov]


# --8<-- [start:adagrad]
class Adagrad:
    """Adagrad. form="paper" (Duchi et al. 2011): G starts at 0 and
    delta is added outside the root. form="keras": G starts at
    initial_accumulator_value (0.1) and epsilon sits inside the root."""

    def __init__(self, lr=0.001, eps=1e-7, initial_accumulator_value=0.1,
                 form="keras"):
        self.lr, self.eps, self.form = lr, eps, form
        self.G = 0.0 if form == "paper" else initial_accumulator_value

    def step(self, theta, grad_fn):
        g = grad_fn(theta)
        self.G = self.G + g * g                          # G_t
        if self.form == "paper":
            return theta - self.lr * g / (np.sqrt(self.G) + self.eps)
        return theta - self.lr * g / np.sqrt(self.G + self.eps)
# --8<-- [end:adagrad]


# --8<-- [start:rmsprop]
class RMSprop:
    """RMSprop (Hinton, lecture 6e) as Keras has it: epsilon inside the
    root; centered=True subtracts the squared mean gradient (Graves
    2013); momentum > 0 adds a velocity on top of the scaled step."""

    def __init__(self, lr=0.001, rho=0.9, eps=1e-7, momentum=0.0,
                 centered=False):
        self.lr, self.rho, self.eps = lr, rho, eps
        self.momentum, self.centered = momentum, centered
        self.G, self.g_mean, self.m = 0.0, 0.0, 0.0

    def step(self, theta, grad_fn):
        g = grad_fn(theta)
        rho = self.rho
        self.G = rho * self.G + (1 - rho) * g * g        # E[g²]_t
        if self.centered:
            self.g_mean = rho * self.g_mean + (1 - rho) * g   # E[g]_t
            denominator = self.G - self.g_mean ** 2 + self.eps
        else:
            denominator = self.G + self.eps
        increment = self.lr * g / np.sqrt(denominator)
        if self.momentum > 0:
            self.m = self.momentum * self.m + increment
            return theta - self.m
        return theta - increment
# --8<-- [end:rmsprop]


# --8<-- [start:adadelta]
class Adadelta:
    """Adadelta, Zeiler (2012) Algorithm 1. The paper has no learning
    rate (lr=1.0, its rho=0.95, eps=1e-6); Keras multiplies the update
    by lr (default 0.001) *after* accumulating the unscaled delta."""

    def __init__(self, lr=0.001, rho=0.95, eps=1e-7):
        self.lr, self.rho, self.eps = lr, rho, eps
        self.G, self.s = 0.0, 0.0

    def step(self, theta, grad_fn):
        g = grad_fn(theta)
        rho, eps = self.rho, self.eps
        self.G = rho * self.G + (1 - rho) * g * g        # E[g²]_t
        delta = np.sqrt(self.s + eps) / np.sqrt(self.G + eps) * g
        self.s = rho * self.s + (1 - rho) * delta ** 2   # E[Δ²]_t
        return theta - self.lr * delta                   # lr=1: paper
# --8<-- [end:adadelta]


# --8<-- [start:adam]
class Adam:
    """Adam. form="paper": Kingma & Ba's Algorithm 1 with bias-corrected
    m_hat, v_hat. form="keras": the correction folded into the step
    size, alpha_t = lr*sqrt(1 - beta2^t)/(1 - beta1^t), and epsilon
    added to the uncorrected sqrt(v_t) (the paper's section 2 form)."""

    def __init__(self, lr=0.001, beta_1=0.9, beta_2=0.999, eps=1e-7,
                 form="keras"):
        self.lr, self.b1, self.b2, self.eps = lr, beta_1, beta_2, eps
        self.form = form
        self.m, self.v, self.t = 0.0, 0.0, 0

    def step(self, theta, grad_fn):
        g = grad_fn(theta)
        self.t += 1
        b1, b2, t = self.b1, self.b2, self.t
        self.m = b1 * self.m + (1 - b1) * g              # m_t
        self.v = b2 * self.v + (1 - b2) * g * g          # v_t
        if self.form == "paper":
            m_hat = self.m / (1 - b1 ** t)
            v_hat = self.v / (1 - b2 ** t)
            return theta - self.lr * m_hat / (np.sqrt(v_hat) + self.eps)
        alpha_t = self.lr * np.sqrt(1 - b2 ** t) / (1 - b1 ** t)
        return theta - alpha_t * self.m / (np.sqrt(self.v) + self.eps)
# --8<-- [end:adam]


# --8<-- [start:adamw]
class AdamW(Adam):
    """Adam with decoupled weight decay (Loshchilov and Hutter 2019).
    Keras shrinks the variable by lr*weight_decay*theta *before* the
    Adam step, which uses the gradient taken at the undecayed theta.
    form="paper": the shrink is weight_decay*theta, not scaled by lr
    (their Algorithm 2 with schedule multiplier 1)."""

    def __init__(self, lr=0.001, weight_decay=0.004, beta_1=0.9,
                 beta_2=0.999, eps=1e-7, form="keras"):
        super().__init__(lr, beta_1, beta_2, eps, form)
        self.weight_decay = weight_decay

    def step(self, theta, grad_fn):
        g = grad_fn(theta)                        # gradient of f alone
        shrink = self.weight_decay
        if self.form == "keras":
            shrink = self.lr * self.weight_decay
        decayed = theta - shrink * theta          # decoupled decay
        return super().step(decayed, lambda _: g)
# --8<-- [end:adamw]


# --8<-- [start:run]
def run_numpy(optimizer, f, theta0, num_steps):
    """Iterate optimizer.step on f; return (thetas, losses), step 0 first."""
    grad_fn = GRADIENTS[f]
    theta = np.array(theta0, dtype=np.float64)
    thetas = [theta]
    for _ in range(num_steps):
        theta = optimizer.step(theta, grad_fn)
        thetas.append(theta)
    thetas = np.array(thetas)
    return thetas, f(thetas.T)


def run_keras(optimizer, f, theta0, num_steps):
    """The same descent with a keras.optimizers instance: a float64
    variable, GradientTape for the gradient, all steps in one graph."""
    theta = keras.Variable(np.array(theta0, dtype=np.float64),
                           dtype="float64")
    optimizer.build([theta])

    @tf.function
    def descend():
        thetas = tf.TensorArray(tf.float64, size=num_steps + 1)
        thetas = thetas.write(0, theta.value)
        for step in tf.range(num_steps):
            with tf.GradientTape() as tape:
                loss = f(theta)
            grad = tape.gradient(loss, theta)
            optimizer.apply_gradients([(grad, theta)])
            thetas = thetas.write(step + 1, theta.value)
        return thetas.stack()

    return descend().numpy()
# --8<-- [end:run]


# --8<-- [start:pairs]
def float32(value):
    """Keras keeps the learning rate in a float32 variable and passes the
    momentum and Adam's betas through a float32 tensor (0.9 becomes
    0.8999999762); the same rounded numbers go to both sides."""
    return float(np.float32(value))


def keras_pairs():
    """(name, from-scratch optimizer, matching Keras optimizer) with the
    same hyper-parameters; Keras's defaults unless a value is given."""
    opt = keras.optimizers
    lr, beta = float32(1e-3), float32(0.9)
    b1, b2 = float32(0.9), float32(0.999)
    return [
        ("SGD", SGD(lr=lr), opt.SGD(learning_rate=lr)),
        ("Momentum", Momentum(lr=lr, beta=beta),
         opt.SGD(learning_rate=lr, momentum=beta)),
        ("Nesterov", Nesterov(lr=lr, beta=beta),
         opt.SGD(learning_rate=lr, momentum=beta, nesterov=True)),
        ("Adagrad", Adagrad(lr=float32(0.1)),
         opt.Adagrad(learning_rate=float32(0.1))),
        ("RMSprop", RMSprop(lr=float32(0.01)),
         opt.RMSprop(learning_rate=float32(0.01))),
        ("RMSprop centered, momentum",
         RMSprop(lr=lr, momentum=0.9, centered=True),
         opt.RMSprop(learning_rate=lr, momentum=0.9, centered=True)),
        ("Adadelta", Adadelta(lr=1.0), opt.Adadelta(learning_rate=1.0)),
        ("Adam", Adam(lr=float32(0.01), beta_1=b1, beta_2=b2),
         opt.Adam(learning_rate=float32(0.01), beta_1=b1, beta_2=b2)),
        ("AdamW", AdamW(lr=float32(0.01), weight_decay=0.1, beta_1=b1,
                        beta_2=b2),
         opt.AdamW(learning_rate=float32(0.01), weight_decay=0.1,
                   beta_1=b1, beta_2=b2)),
    ]
# --8<-- [end:pairs]


@dataclass
class Agreement:
    """Largest |theta_numpy - theta_keras| over all steps and both
    surfaces, per rule."""

    num_steps: int
    sgd: float
    momentum: float
    nesterov: float
    adagrad: float
    rmsprop: float
    rmsprop_centered: float
    adadelta: float
    adam: float
    adamw: float
    worst: float


def compare_with_keras(num_steps=200):
    """Run every pair of keras_pairs() side by side on the bowl (from
    (-4, 1)) and on Rosenbrock (from (-1.2, 1)); max deviations."""
    tf.get_logger().setLevel("ERROR")  # one tf.function per run is meant
    starts = {bowl: (-4.0, 1.0), rosenbrock: (-1.2, 1.0)}
    deviations = {}
    for f, theta0 in starts.items():
        for name, ours, theirs in keras_pairs():
            mine, _ = run_numpy(ours, f, theta0, num_steps)
            keras_thetas = run_keras(theirs, f, theta0, num_steps)
            deviation = float(np.max(np.abs(mine - keras_thetas)))
            deviations[name] = max(deviations.get(name, 0.0), deviation)
    for name, deviation in deviations.items():
        print(f"{name:27s} max |numpy - keras| = {deviation:.1e}")
    return Agreement(num_steps, *deviations.values(),
                     worst=max(deviations.values()))


COLORS = ["#7f7f7f", "#1f77b4", "#17becf", "#2ca02c", "#ff7f0e",
          "#9467bd", "#d62728"]


# --8<-- [start:optima]
def stated_optima(mu=1.0, big_l=10.0):
    """The step sizes with the best worst-case rate on a quadratic whose
    curvatures (Hessian eigenvalues) lie in [mu, big_l]."""
    kappa = big_l / mu
    q = np.sqrt(3 * kappa + 1)
    return {
        "sgd": 2 / (big_l + mu),                          # rate (κ-1)/(κ+1)
        "momentum": (4 / (np.sqrt(big_l) + np.sqrt(mu)) ** 2,   # Polyak
                     ((np.sqrt(kappa) - 1) / (np.sqrt(kappa) + 1)) ** 2),
        "nesterov": (4 / (3 * big_l + mu), (q - 2) / (q + 2)),  # Lessard
    }
# --8<-- [end:optima]


# --8<-- [start:settings]
LR_GRID = np.logspace(-3, 0.5, 36)  # 0.001 to 3.16, ten per decade


def tune(make, f, theta0, num_steps, grid=LR_GRID):
    """The learning rate of the grid whose run ends lowest on f. Every
    rule here acts per component, so one run does the whole grid: column
    j of theta is the run with learning rate grid[j]."""
    grad_fn = GRADIENTS[f]
    optimizer = make(np.asarray(grid))
    theta = np.repeat(np.array(theta0, float)[:, None], len(grid), axis=1)
    with np.errstate(over="ignore", invalid="ignore"):
        for _ in range(num_steps):
            theta = optimizer.step(theta, grad_fn)
        losses = f(theta)
    losses = np.where(np.isfinite(losses), losses, np.inf)
    return float(grid[np.argmin(losses)])


def bowl_optimizers(num_steps=60, theta0=(-4.0, 1.0)):
    """A fair race on the bowl: SGD, momentum and Nesterov at their
    stated optima for curvatures 1 and 10; Adagrad, RMSprop and Adam
    at the best learning rate of LR_GRID; Adadelta as the paper has it
    (it has no learning rate)."""
    optima = stated_optima(1.0, 10.0)
    lr_sgd = optima["sgd"]
    (lr_m, beta_m), (lr_n, beta_n) = optima["momentum"], optima["nesterov"]
    lr = {name: tune(make, bowl, theta0, num_steps)
          for name, make in [("adagrad", Adagrad), ("rmsprop", RMSprop),
                             ("adam", Adam)]}
    return {
        f"SGD (α {lr_sgd:.3f}, optimal)": SGD(lr=lr_sgd),
        f"Momentum (α {lr_m:.3f}, β {beta_m:.3f}, Polyak)":
            Momentum(lr=lr_m, beta=beta_m),
        f"Nesterov (α {lr_n:.3f}, β {beta_n:.3f}, optimal)":
            Nesterov(lr=lr_n, beta=beta_n, form="course"),
        f"Adagrad (α {lr['adagrad']:.3g}, tuned)":
            Adagrad(lr=lr["adagrad"]),
        f"RMSprop (α {lr['rmsprop']:.3g}, tuned)":
            RMSprop(lr=lr["rmsprop"]),
        "Adadelta (paper: ρ 0.95, ε 1e-6)": Adadelta(lr=1.0, eps=1e-6),
        f"Adam (α {lr['adam']:.3g}, tuned)": Adam(lr=lr["adam"]),
    }


def rosenbrock_optimizers():
    """Hand-picked rates; SGD and both momentum methods share one α, so
    the plot shows what momentum adds at a fixed step size."""
    return {
        "SGD (α 0.001)": SGD(lr=1e-3),
        "Momentum (α 0.001, β 0.9)": Momentum(lr=1e-3, beta=0.9),
        "Nesterov (α 0.001, β 0.9)": Nesterov(lr=1e-3, beta=0.9),
        "Adagrad (α 0.5)": Adagrad(lr=0.5),
        "RMSprop (α 0.01)": RMSprop(lr=0.01),
        "Adadelta (paper: ρ 0.95, ε 1e-6)": Adadelta(lr=1.0, eps=1e-6),
        "Adam (α 0.05)": Adam(lr=0.05),
    }
# --8<-- [end:settings]
# --8<-- [end:settings]


def plot_paths(f, optimizers, theta0, num_steps, extent, levels, title,
               minimum):
    """Contours with each path (left) and loss per step (right)."""
    fig, (ax, ax_loss) = plt.subplots(
        1, 2, figsize=(11, 5.2), gridspec_kw={"width_ratios": [1.2, 1]})
    xs = np.linspace(extent[0], extent[1], 300)
    ys = np.linspace(extent[2], extent[3], 300)
    X, Y = np.meshgrid(xs, ys)
    ax.contour(X, Y, f(np.array([X, Y])), levels=levels, colors="#bbbbbb",
               linewidths=0.7)
    ax.plot(*minimum, "k*", ms=12, zorder=5)
    ax.plot(*theta0, "ko", ms=5, zorder=5)
    final_losses = {}
    for color, (name, optimizer) in zip(COLORS, optimizers.items()):
        thetas, losses = run_numpy(optimizer, f, theta0, num_steps)
        ax.plot(thetas[:, 0], thetas[:, 1], "-", color=color, lw=1.2,
                marker="." if num_steps <= 100 else None, ms=3,
                label=name)
        ax_loss.semilogy(np.maximum(losses, 1e-32), color=color, lw=1.4,
                         label=name)
        final_losses[name] = float(losses[-1])
    ax.set(xlim=extent[:2], ylim=extent[2:], xlabel="x", ylabel="y",
           title=title)
    ax_loss.set(xlabel="step", ylabel="f (log scale, floor 1e-32)",
                title=f"loss over {num_steps} steps")
    ax_loss.grid(alpha=0.3, which="both")
    fig.legend(*ax_loss.get_legend_handles_labels(), loc="lower center",
               ncol=3, frameon=False)
    fig.tight_layout(rect=(0, 0.17, 1, 1))
    return fig, final_losses


def draw_trajectories():
    """Both figures; each optimizer's final loss on each surface."""
    with plt.rc_context({"font.size": 12, "legend.fontsize": 11}):
        bowl_settings = bowl_optimizers()
        _, bowl_losses = plot_paths(
            bowl, bowl_settings, (-4.0, 1.0), 60,
            (-4.5, 1.5, -1.5, 1.5), np.geomspace(0.01, 20, 12),
            "f = (x² + 10y²)/2 from (−4, 1)", (0, 0))
        _, rosen_losses = plot_paths(
            rosenbrock, rosenbrock_optimizers(), (-1.2, 1.0), 600,
            (-1.6, 1.4, -0.4, 1.6), np.geomspace(0.05, 300, 12),
            "Rosenbrock from (−1.2, 1)", (1, 1))
    results = {}
    for prefix, losses in [("bowl", bowl_losses),
                           ("rosenbrock", rosen_losses)]:
        for name, loss in losses.items():
            key = name.split(" (")[0].lower()
            results[f"{prefix}_{key}"] = loss
            print(f"{prefix:10s} {name:26s} final f = {loss:.3g}")
    for name, optimizer in bowl_settings.items():
        results[f"bowl_{name.split(' (')[0].lower()}_lr"] = optimizer.lr
    return results


def side_facts(theta0=(-4.0, 1.0), num_steps=60):
    """Two numbers the page quotes: momentum with the common α 0.05 and
    β 0.9 on the bowl (not tuned for it), and the length of Adadelta's
    first step with the paper's settings."""
    untuned = run_numpy(Momentum(lr=0.05, beta=0.9), bowl, theta0,
                        num_steps)[1][-1]
    theta0 = np.array(theta0)
    first = Adadelta(lr=1.0, rho=0.95, eps=1e-6).step(theta0, bowl_grad)
    return {"bowl_momentum_untuned": float(untuned),
            "adadelta_first_step": float(np.max(np.abs(first - theta0)))}


def main() -> dict:
    """Check all rules against Keras for 200 steps on two surfaces, then
    draw every rule's path; the deviations and the final losses."""
    keras.utils.set_random_seed(SEED)
    agreement = compare_with_keras()
    final_losses = draw_trajectories()
    plt.show()
    return {**asdict(agreement), **final_losses, **side_facts()}


if __name__ == "__main__":
    main()
