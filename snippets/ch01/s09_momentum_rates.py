"""Why momentum's rate depends on √κ: the heavy ball on one eigenvector.

Section: 1-9 Optimizers
Figure: s09_momentum_rates_region.svg, s09_momentum_rates_steps.svg
"""
import matplotlib.pyplot as plt
import numpy as np


# --8<-- [start:matrix]
def heavy_ball_matrix(h, beta):
    """One eigen-direction of the heavy ball, h = α·λ: the pair
    (z_t, z_{t-1}) maps to (z_{t+1}, z_t) by this 2 × 2 matrix."""
    return np.array([[1 + beta - h, -beta], [1.0, 0.0]])


def spectral_radius(h, beta):
    """The largest |eigenvalue|: the factor by which the error of this
    direction shrinks per step in the long run (< 1: it converges)."""
    return float(np.max(np.abs(np.linalg.eigvals(
        heavy_ball_matrix(h, beta)))))


def spectral_radius_grid(h, beta):
    """The same for arrays: the matrix's eigenvalues are the roots of
    r² - (1 + β - h) r + β = 0."""
    trace = 1 + beta - h
    root = np.sqrt(trace * trace - 4 * beta + 0j)
    return np.maximum(np.abs(trace + root), np.abs(trace - root)) / 2
# --8<-- [end:matrix]


# --8<-- [start:rates]
def rates(kappa):
    """Best worst-case rate per step on curvatures in [1, kappa]."""
    root = np.sqrt(kappa)
    return {"sgd": (kappa - 1) / (kappa + 1),                # α = 2/(μ+L)
            "momentum": (root - 1) / (root + 1),             # Polyak
            "nesterov": 1 - 2 / np.sqrt(3 * kappa + 1)}      # Lessard


def steps_to_shrink(rate, factor=1e-6):
    """Steps until rate**t falls below factor."""
    return int(np.ceil(np.log(factor) / np.log(rate)))
# --8<-- [end:rates]


def polyak(mu, big_l):
    """Polyak's α and β for curvatures in [mu, big_l]."""
    kappa = big_l / mu
    return (4 / (np.sqrt(big_l) + np.sqrt(mu)) ** 2,
            ((np.sqrt(kappa) - 1) / (np.sqrt(kappa) + 1)) ** 2)


def draw_region(mu=1.0, big_l=10.0):
    """ρ over (αλ, β): where the heavy ball converges, and how fast."""
    hs = np.linspace(0.005, 4.0, 241)
    betas = np.linspace(0.0, 0.99, 199)
    rho = spectral_radius_grid(*np.meshgrid(hs, betas))
    fig, ax = plt.subplots(figsize=(6.4, 4.4))
    shown = np.where(rho < 1, rho, np.nan)
    # rasterized: the 48 000 cells become one embedded image (the
    # figure's SVG shrinks from 4.7 MB to 45 KB); axes, text and
    # lines stay vector.
    mesh = ax.pcolormesh(hs, betas, shown, cmap="viridis", vmin=0,
                         vmax=1, shading="auto", rasterized=True)
    fig.colorbar(mesh, ax=ax, label="ρ, the error's factor per step")
    ax.contour(hs, betas, rho, levels=[0.2, 0.4, 0.6, 0.8],
               colors="white", linewidths=0.6)
    ax.plot(2 * (1 + betas), betas, "k--", lw=1.2,
            label="edge: αλ = 2(1 + β)")
    lr, beta = polyak(mu, big_l)
    ax.plot([lr * mu, lr * big_l], [beta, beta], "o", color="#d62728",
            ms=7, label=f"Polyak's α, β: λ = {mu:g} and {big_l:g}")
    lr_sgd = 2 / (mu + big_l)
    ax.plot([lr_sgd * mu, lr_sgd * big_l], [0, 0], "s", color="#ff7f0e",
            ms=7, clip_on=False, label="plain descent, α = 2/(μ + L)")
    ax.set(xlabel="αλ (step size × curvature)", ylabel="β",
           xlim=(0, 4), ylim=(0, 0.99))
    ax.legend(loc="upper left", fontsize=9)
    fig.tight_layout()
    return lr, beta


def draw_steps():
    """Steps to shrink the error a millionfold, against κ."""
    kappas = np.geomspace(2, 1e4, 60)
    fig, ax = plt.subplots(figsize=(6.4, 4.0))
    for name, color in [("sgd", "#ff7f0e"), ("nesterov", "#17becf"),
                        ("momentum", "#1f77b4")]:
        steps = [steps_to_shrink(rates(k)[name]) for k in kappas]
        ax.loglog(kappas, steps, color=color, lw=2, label={
            "sgd": "plain descent: ≈ 6.9 κ",
            "momentum": "heavy ball (Polyak): ≈ 6.9 √κ",
            "nesterov": "Nesterov (quadratic optimum): ≈ 12 √κ",
        }[name])
    ax.set(xlabel="condition number κ = L / μ",
           ylabel="steps to shrink the error 10⁶-fold")
    ax.grid(alpha=0.3, which="both")
    ax.legend()
    fig.tight_layout()


def main() -> dict:
    """The two figures, and the numbers the page quotes."""
    lr, beta = draw_region(1.0, 10.0)
    draw_steps()
    plt.show()
    result = {"polyak_lr": lr, "polyak_beta": beta,
              "rho_polyak_small": spectral_radius(lr * 1.0, beta),
              "rho_polyak_large": spectral_radius(lr * 10.0, beta)}
    for kappa in [10, 100]:
        for name, rate in rates(kappa).items():
            result[f"rate_{name}_{kappa}"] = float(rate)
            result[f"steps_{name}_{kappa}"] = steps_to_shrink(rate)
    for key, value in result.items():
        print(f"{key:22s} {value:.4g}")
    return result


if __name__ == "__main__":
    main()
