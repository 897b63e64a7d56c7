"""The course's vector pictures of one momentum step and one Nesterov step.

Section: 1-9 Optimizers
Figure: s09_momentum_vectors.svg
"""
import matplotlib.pyplot as plt
import numpy as np

LR, BETA = 0.05, 0.9


def bowl(x, y):
    return 0.5 * (x * x + 10 * y * y)


def bowl_grad(theta):
    return np.array([theta[0], 10 * theta[1]])


# --8<-- [start:vectors]
def one_step(theta, v, nesterov):
    """The pieces of one step in the course's form, v = βv + αg,
    θ ← θ - v: the momentum step -βv, the point where the gradient is
    taken, the gradient step -αg there, and the new θ."""
    momentum_step = -BETA * v
    at = theta + momentum_step if nesterov else theta
    gradient_step = -LR * bowl_grad(at)
    return momentum_step, at, gradient_step, theta + momentum_step + \
        gradient_step
# --8<-- [end:vectors]


def state_after(num_steps, theta=(-4.0, 1.0)):
    """θ and v after a few momentum steps, so that v is not zero."""
    theta, v = np.array(theta), np.zeros(2)
    for _ in range(num_steps):
        v = BETA * v + LR * bowl_grad(theta)
        theta = theta - v
    return theta, v


def arrow(ax, start, delta, color, label):
    ax.annotate("", xy=start + delta, xytext=start,
                arrowprops={"arrowstyle": "-|>", "color": color,
                            "lw": 2, "shrinkA": 0, "shrinkB": 0})
    ax.plot([], [], color=color, lw=2, label=label)


def main() -> dict:
    """Draw both pictures from the same θ and v; return their steps."""
    theta, v = state_after(3)
    fig, axes = plt.subplots(1, 2, figsize=(10, 5.4), sharey=True)
    xlim = (theta[0] - 0.6, theta[0] + 0.9)
    ylim = (theta[1] - 0.65, theta[1] + 0.55)
    xs, ys = np.linspace(*xlim, 200), np.linspace(*ylim, 200)
    X, Y = np.meshgrid(xs, ys)
    result = {}
    for ax, nesterov in zip(axes, [False, True]):
        ax.contour(X, Y, bowl(X, Y), levels=np.linspace(2, 16, 15),
                   colors="#cccccc", linewidths=0.7)
        momentum_step, at, gradient_step, new = one_step(theta, v,
                                                         nesterov)
        arrow(ax, theta, momentum_step, "#1f77b4", "momentum step −βv")
        arrow(ax, theta + momentum_step, gradient_step, "#d62728",
              "gradient step −α∇f(" + ("look-ahead" if nesterov else "θ")
              + ")")
        arrow(ax, theta, new - theta, "#2ca02c", "the step taken")
        if not nesterov:  # the gradient is taken at θ: draw it there
            ax.annotate("", xy=theta + gradient_step, xytext=theta,
                        arrowprops={"arrowstyle": "-|>", "lw": 1.2,
                                    "color": "#d62728", "ls": "--"})
        ax.plot(*theta, "ko", ms=6)
        ax.annotate("θ", theta, xytext=(-14, 6),
                    textcoords="offset points", fontsize=13)
        ax.plot(*at, "o", color="#d62728", ms=5)
        name = "Nesterov" if nesterov else "momentum"
        ax.set(title=f"{name}: the gradient at "
               + ("the look-ahead θ − βv" if nesterov else "θ"),
               xlabel="x", aspect="equal", xlim=xlim, ylim=ylim)
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.13),
                  fontsize=10, frameon=False)
        key = name.lower()
        result[f"{key}_step_x"], result[f"{key}_step_y"] = map(
            float, new - theta)
    axes[0].set_ylabel("y")
    fig.tight_layout()
    fig.subplots_adjust(bottom=0.27)
    plt.show()
    result["theta_x"], result["theta_y"] = map(float, theta)
    return result


if __name__ == "__main__":
    main()
