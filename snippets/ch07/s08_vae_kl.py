"""The KL term of the VAE: closed form checked against Monte Carlo.

KL(N(mu, diag sigma²) || N(0, I)) in closed form, against a Monte-Carlo
estimate with the reparameterisation z = mu + sigma * eps, and (one
dimension) against numerical integration with SciPy.

Section: 7-8 Variational autoencoder
Figure: s08_vae_kl_monte_carlo.svg
"""
from dataclasses import dataclass

import matplotlib.pyplot as plt
import numpy as np
from scipy import integrate, stats

SEED = 8
MU = np.array([0.8, -1.5])
LOG_VAR = np.array([-1.0, 0.6])  # log sigma²
NUM_SAMPLES = 1_000_000


@dataclass
class KLResult:
    """What the page quotes from the KL check."""

    closed_form: float  # the 2-D example
    monte_carlo: float
    standard_error: float
    num_samples: int
    closed_form_1d: float  # the first coordinate alone
    quadrature_1d: float  # scipy.integrate.quad of q log(q/p)


# --8<-- [start:kl]
def kl_closed_form(mu, log_var):
    """KL(N(mu, diag exp(log_var)) || N(0, I)), summed over dimensions."""
    return 0.5 * np.sum(mu ** 2 + np.exp(log_var) - log_var - 1.0)


def kl_monte_carlo(mu, log_var, num_samples, rng):
    """Average of log q(z) - log p(z) over z = mu + sigma * eps; returns
    the estimate and its standard error."""
    sigma = np.exp(0.5 * log_var)
    eps = rng.standard_normal((num_samples, len(mu)))
    z = mu + sigma * eps                      # the reparameterisation
    log_q = stats.norm.logpdf(z, mu, sigma).sum(axis=1)
    log_p = stats.norm.logpdf(z).sum(axis=1)
    terms = log_q - log_p
    return terms.mean(), terms.std(ddof=1) / np.sqrt(num_samples)
# --8<-- [end:kl]


def kl_quadrature_1d(mu, log_var):
    """The same KL in one dimension by numerical integration."""
    sigma = np.exp(0.5 * log_var)
    q = stats.norm(mu, sigma)

    def integrand(z):
        return q.pdf(z) * (q.logpdf(z) - stats.norm.logpdf(z))

    value, _ = integrate.quad(integrand, mu - 40 * sigma, mu + 40 * sigma,
                              epsabs=1e-13, epsrel=1e-13, limit=200)
    return value


def main() -> KLResult:
    """Compare the three, and draw the Monte-Carlo estimate converging."""
    rng = np.random.default_rng(SEED)
    # --8<-- [start:check]
    closed = kl_closed_form(MU, LOG_VAR)
    estimate, se = kl_monte_carlo(MU, LOG_VAR, NUM_SAMPLES, rng)
    print(f"closed form {closed:.5f}, Monte Carlo {estimate:.5f} "
          f"± {se:.5f} ({NUM_SAMPLES:,d} samples)")
    # --8<-- [end:check]
    sizes = np.unique(np.logspace(1, 5, 25).astype(int))
    runs = [kl_monte_carlo(MU, LOG_VAR, n, rng) for n in sizes]
    means = np.array([m for m, _ in runs])
    errors = np.array([e for _, e in runs])
    fig, ax = plt.subplots(figsize=(7, 3.6))
    ax.fill_between(sizes, means - 2 * errors, means + 2 * errors,
                    alpha=0.3, label="± 2 standard errors")
    ax.plot(sizes, means, "o-", ms=3, label="Monte-Carlo estimate")
    ax.axhline(closed, color="k", ls="--", label="closed form")
    ax.set(xscale="log", xlabel="number of samples z",
           ylabel="KL(q ‖ p)")
    ax.legend()
    ax.grid(alpha=0.3)
    fig.tight_layout()
    plt.show()
    return KLResult(
        closed_form=float(closed), monte_carlo=float(estimate),
        standard_error=float(se), num_samples=NUM_SAMPLES,
        closed_form_1d=float(kl_closed_form(MU[:1], LOG_VAR[:1])),
        quadrature_1d=float(kl_quadrature_1d(MU[0], LOG_VAR[0])))


if __name__ == "__main__":
    main()
