"""Why GANs work: at the optimal discriminator, V is 2·JS - log 4.

On two histograms made as in section 8-2, V(D*, G) is computed directly
and compared with 2·JS(p_data || p_g) - log 4, and the from-scratch JS
with scipy.spatial.distance.jensenshannon (which returns its square
root). Then two narrow densities are pulled apart: JS climbs to log 2
and stays there once their supports no longer overlap.

Section: 8-8 Why GANs work
Figure: s08_js_divergence_shift.svg
"""
from dataclasses import dataclass

import matplotlib.pyplot as plt
import numpy as np
from scipy.spatial.distance import jensenshannon

SEED = 88
NUM_SAMPLES = 20_000
# 8-2's 20 bins, repeated rather than imported: importing that snippet
# would load TensorFlow, which this NumPy-only check does not need
EDGES = np.linspace(-1.5, 5.0, 21)
SHIFTS = np.linspace(0.0, 6.0, 61)  # how far p_g sits from p_data
NARROW_STD = 0.5


@dataclass
class JSResult:
    """What the page quotes from the JS check."""

    js: float                 # from scratch, natural log
    js_scipy: float           # jensenshannon(p, q) ** 2
    js_error: float           # |js - js_scipy|
    value_d_star: float       # V(D*, G) computed directly
    two_js_minus_log4: float  # 2·JS - log 4
    value_error: float        # |V(D*, G) - (2·JS - log 4)|
    sqrt_js_scipy: float      # what jensenshannon returns
    js_disjoint: float        # two histograms with no common bin
    value_disjoint: float     # V(D*, G) for them: 0 = 2 log 2 - log 4
    js_max_shift: float       # JS at the largest shift of the figure
    shift_at_saturation: float  # smallest shift with JS > 0.999 log 2


# --8<-- [start:js]
def kl(p, q):
    """KL(p || q) in nats; bins with p = 0 add nothing."""
    p, q = np.asarray(p, float), np.asarray(q, float)
    mask = p > 0
    return float(np.sum(p[mask] * np.log(p[mask] / q[mask])))


def js_divergence(p, q):
    """JS(p || q) = KL(p || m)/2 + KL(q || m)/2 with m = (p + q)/2,
    for two histograms (normalised here)."""
    p, q = np.asarray(p, float), np.asarray(q, float)
    p, q = p / p.sum(), q / q.sum()
    m = (p + q) / 2
    return 0.5 * kl(p, m) + 0.5 * kl(q, m)
# --8<-- [end:js]


# --8<-- [start:value]
def value_at_d_star(p, q):
    """V(D*, G) = E_p[log D*] + E_q[log(1 - D*)] computed directly, with
    D* = p / (p + q) on the normalised histograms. A bin where p = 0
    adds nothing to the first sum (0 log 0 = 0), one where q = 0
    nothing to the second."""
    p, q = np.asarray(p, float), np.asarray(q, float)
    p, q = p / p.sum(), q / q.sum()
    keep = (p + q) > 0
    p, q = p[keep], q[keep]
    d_star = p / (p + q)
    real_term = np.sum(p[p > 0] * np.log(d_star[p > 0]))
    fake_term = np.sum(q[q > 0] * np.log(1 - d_star[q > 0]))
    return float(real_term + fake_term)
# --8<-- [end:value]


def discretised_normal(centres, mean, std):
    """A normal density on a grid of bins, normalised to sum to 1."""
    p = np.exp(-0.5 * ((centres - mean) / std) ** 2)
    return p / p.sum()


def main() -> JSResult:
    """Check V(D*, G) = 2·JS - log 4 and JS against SciPy; draw JS as
    two densities are pulled apart."""
    rng = np.random.default_rng(SEED)
    # --8<-- [start:check]
    real = rng.normal(2.0, 1.0, NUM_SAMPLES)        # 8-2's p_data
    fake = rng.normal(0.5, 1.5, NUM_SAMPLES)        # 8-2's p_g
    n_real, _ = np.histogram(real, EDGES)           # samples outside
    n_fake, _ = np.histogram(fake, EDGES)           # the bins are dropped
    js = js_divergence(n_real, n_fake)
    sqrt_js = jensenshannon(n_real, n_fake)         # base e, a sqrt
    v_star = value_at_d_star(n_real, n_fake)
    print(f"JS = {js:.10f}, SciPy's squared: {sqrt_js ** 2:.10f}")
    print(f"V(D*, G) = {v_star:.10f}, "
          f"2 JS - log 4 = {2 * js - np.log(4):.10f}")
    # --8<-- [end:check]

    # --8<-- [start:disjoint]
    disjoint_real = np.r_[np.ones(10), np.zeros(10)]   # bins 0-9
    disjoint_fake = np.r_[np.zeros(10), np.ones(10)]   # bins 10-19
    js_disjoint = js_divergence(disjoint_real, disjoint_fake)
    v_disjoint = value_at_d_star(disjoint_real, disjoint_fake)
    print(f"disjoint: JS = {js_disjoint:.6f}, log 2 = {np.log(2):.6f}, "
          f"V(D*, G) = {v_disjoint:.6f}")
    # --8<-- [end:disjoint]

    edges = np.linspace(-4.0, 10.0, 701)
    centres = (edges[:-1] + edges[1:]) / 2
    p = discretised_normal(centres, 0.0, NARROW_STD)
    js_curve = np.array([
        js_divergence(p, discretised_normal(centres, s, NARROW_STD))
        for s in SHIFTS])
    saturated = SHIFTS[js_curve > 0.999 * np.log(2)]
    fig, ax = plt.subplots(figsize=(7, 3.6))
    ax.plot(SHIFTS, js_curve, label=r"JS($p_{data}$ ‖ $p_g$)")
    ax.axhline(np.log(2), color="k", ls=":", lw=1, label="log 2")
    ax.set(xlabel=f"distance between the means (both std {NARROW_STD})",
           ylabel="JS in nats")
    ax.legend()
    ax.grid(alpha=0.3)
    fig.tight_layout()
    plt.show()
    return JSResult(
        js=js, js_scipy=float(sqrt_js ** 2),
        js_error=float(abs(js - sqrt_js ** 2)),
        value_d_star=v_star, two_js_minus_log4=float(2 * js - np.log(4)),
        value_error=float(abs(v_star - (2 * js - np.log(4)))),
        sqrt_js_scipy=float(sqrt_js), js_disjoint=js_disjoint,
        value_disjoint=v_disjoint, js_max_shift=float(js_curve[-1]),
        shift_at_saturation=float(saturated.min()))


if __name__ == "__main__":
    main()
