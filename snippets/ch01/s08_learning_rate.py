"""Draw gradient descent on f(θ) = θ² with four learning rates.

Section: 1-8 (Stochastic) gradient descent
Figure: s08_learning_rate.svg
"""
import matplotlib.pyplot as plt
import numpy as np

LEARNING_RATES = {"too small": 0.05, "about right": 0.3,
                  "too large": 0.9, "divergent": 1.05}


# --8<-- [start:descend]
def gradient_descent(grad, theta0, lr, num_steps):
    """theta_{t+1} = theta_t - lr * grad(theta_t); all iterates."""
    thetas = [theta0]
    for _ in range(num_steps):
        thetas.append(thetas[-1] - lr * grad(thetas[-1]))
    return np.array(thetas)
# --8<-- [end:descend]


def main() -> dict:
    """Four panels, one per learning rate; returns the final θ of each."""
    num_steps, theta0 = 12, 4.0
    fig, axes = plt.subplots(1, 4, figsize=(13, 3.4), sharey=False)
    results = {}
    for ax, (label, lr) in zip(axes, LEARNING_RATES.items()):
        thetas = gradient_descent(lambda t: 2 * t, theta0, lr, num_steps)
        reach = max(4.5, 1.1 * np.max(np.abs(thetas)))
        grid = np.linspace(-reach, reach, 200)
        ax.plot(grid, grid ** 2, color="#bbbbbb", lw=1.5)
        ax.plot(thetas, thetas ** 2, "-o", color="#d62728", ms=3.5, lw=1)
        ax.plot(thetas[0], thetas[0] ** 2, "ko", ms=5)
        ax.set(title=f"{label}: α = {lr}", xlabel="θ")
        ax.grid(alpha=0.3)
        results[label.replace(" ", "_")] = float(thetas[-1])
        print(f"lr = {lr:4}: theta_{num_steps} = {thetas[-1]: .4f}")
    axes[0].set_ylabel("f(θ) = θ²")
    fig.tight_layout()
    plt.show()
    results["num_steps"] = num_steps
    return results


if __name__ == "__main__":
    main()
