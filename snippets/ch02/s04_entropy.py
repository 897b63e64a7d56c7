"""Entropy, KL divergence and cross-entropy from scratch, checked.

Section: 2-4 Information entropy, KL divergence, cross-entropy
Figure: s04_entropy_coin.svg
"""
from dataclasses import dataclass

import keras
import matplotlib.pyplot as plt
import numpy as np
from scipy import stats

# --8<-- [start:defs]
def entropy(p, base=np.e):
    """H(p) = -Σ p log p (terms with p = 0 count as 0)."""
    p = np.asarray(p, dtype="float64")
    nz = p > 0
    return -np.sum(p[nz] * np.log(p[nz])) / np.log(base)


def cross_entropy(p, q, base=np.e):
    """H(p, q) = -Σ p log q: the average code length when events drawn
    from p are coded with a code built for q."""
    p, q = np.asarray(p, "float64"), np.asarray(q, "float64")
    nz = p > 0
    return -np.sum(p[nz] * np.log(q[nz])) / np.log(base)


def kl_divergence(p, q, base=np.e):
    """KL(p‖q) = Σ p log(p / q) = H(p, q) - H(p)."""
    p, q = np.asarray(p, "float64"), np.asarray(q, "float64")
    nz = p > 0
    return np.sum(p[nz] * np.log(p[nz] / q[nz])) / np.log(base)
# --8<-- [end:defs]


# The worked example: a die whose weights p are estimated as q.
P = np.array([0.5, 0.3, 0.1, 0.1])
Q = np.array([0.25, 0.25, 0.25, 0.25])


@dataclass
class EntropyResult:
    """The worked example's numbers, each also as scipy / Keras give it."""

    h_p_bits: float
    h_q_bits: float
    h_pq_bits: float
    h_qp_bits: float
    kl_pq_bits: float
    kl_qp_bits: float
    h_p_nats: float
    kl_pq_nats: float
    scipy_h_p_nats: float
    scipy_h_p_bits: float
    scipy_kl_pq_nats: float
    keras_kl_pq: float
    keras_cce_pq: float
    keras_kl_zero_q: float  # KL with a zero in q: Keras clips, finite
    scratch_kl_zero_q: float  # the definition: infinite
    worst_difference: float  # largest |scratch - library| above


def main() -> EntropyResult:
    """The worked example in bits and nats, checked against SciPy and
    Keras; the entropy of a coin drawn."""
    # --8<-- [start:check]
    kl = keras.losses.KLDivergence()
    cce = keras.losses.CategoricalCrossentropy()
    print(f"H(p)      = {entropy(P, 2):.4f} bits")
    print(f"H(p, q)   = {cross_entropy(P, Q, 2):.4f} bits")
    print(f"KL(p‖q)   = {kl_divergence(P, Q, 2):.4f} bits")
    print(f"KL(q‖p)   = {kl_divergence(Q, P, 2):.4f} bits")
    print(f"scipy H(p) = {stats.entropy(P):.6f} nats,"
          f" {stats.entropy(P, base=2):.6f} bits")
    print(f"scipy KL(p‖q) = {stats.entropy(P, Q):.6f} nats")
    print(f"Keras KLDivergence = {float(kl(P[None], Q[None])):.6f} nats")
    print(f"Keras CategoricalCrossentropy = "
          f"{float(cce(P[None], Q[None])):.6f} nats")
    # --8<-- [end:check]
    q_zero = np.array([0.5, 0.5, 0.0, 0.0])
    pairs = [(entropy(P), stats.entropy(P)),
             (entropy(P, 2), stats.entropy(P, base=2)),
             (kl_divergence(P, Q), stats.entropy(P, Q)),
             (kl_divergence(P, Q), float(kl(P[None], Q[None]))),
             (cross_entropy(P, Q), float(cce(P[None], Q[None])))]
    with np.errstate(divide="ignore"):
        scratch_zero = kl_divergence(P, q_zero)
    # --8<-- [start:coin]
    p_heads = np.linspace(0.001, 0.999, 999)
    h_coin = [entropy([p, 1 - p], base=2) for p in p_heads]
    fig, ax = plt.subplots(figsize=(6, 3.5))
    ax.plot(p_heads, h_coin)
    ax.set(xlabel="P(heads)", ylabel="H (bits)",
           title="entropy of a coin: largest when it is fair")
    ax.grid(alpha=0.3)
    fig.tight_layout()
    plt.show()
    # --8<-- [end:coin]
    return EntropyResult(
        h_p_bits=entropy(P, 2), h_q_bits=entropy(Q, 2),
        h_pq_bits=cross_entropy(P, Q, 2), h_qp_bits=cross_entropy(Q, P, 2),
        kl_pq_bits=kl_divergence(P, Q, 2), kl_qp_bits=kl_divergence(Q, P, 2),
        h_p_nats=entropy(P), kl_pq_nats=kl_divergence(P, Q),
        scipy_h_p_nats=float(stats.entropy(P)),
        scipy_h_p_bits=float(stats.entropy(P, base=2)),
        scipy_kl_pq_nats=float(stats.entropy(P, Q)),
        keras_kl_pq=float(kl(P[None], Q[None])),
        keras_cce_pq=float(cce(P[None], Q[None])),
        keras_kl_zero_q=float(kl(P[None], q_zero[None])),
        scratch_kl_zero_q=float(scratch_zero),
        worst_difference=float(max(abs(a - b) for a, b in pairs)))


if __name__ == "__main__":
    main()
