"""Plot peak throughput of NVIDIA's data-centre GPUs, one per generation.

Section: 1-3 NVIDIA GPU architecture
Figure: s03_gpu_generations.svg
"""
import math
from dataclasses import dataclass

import matplotlib.pyplot as plt

WIKI = "https://en.wikipedia.org/wiki/"


@dataclass(frozen=True)
class Generation:
    """An architecture, a representative card and its peak TFLOP/s.

    fp32: peak single precision on the ordinary CUDA cores.
    tensor_fp16: peak dense FP16 matrix math on Tensor Cores (no
    sparsity); None where the card has no Tensor Cores or where we
    quote no number.
    """

    architecture: str
    year: int
    card: str
    fp32: float | None
    tensor_fp16: float | None
    source: str


# --8<-- [start:table]
GENERATIONS = [
    Generation("Tesla", 2006, "GeForce 8800 GTX (G80)", 0.35, None,
               WIKI + "Tesla_(microarchitecture)"),
    Generation("Fermi", 2010, "Tesla C2050", 1.03, None,
               WIKI + "Fermi_(microarchitecture)"),
    Generation("Kepler", 2012, "Tesla K20X", 3.95, None,
               WIKI + "Kepler_(microarchitecture)"),
    Generation("Maxwell", 2014, "Tesla M40", 7.0, None,
               WIKI + "Maxwell_(microarchitecture)"),
    Generation("Pascal", 2016, "Tesla P100 (SXM2)", 10.6, None,
               WIKI + "Pascal_(microarchitecture)"),
    Generation("Volta", 2017, "Tesla V100 (SXM2)", 15.7, 125.0,
               WIKI + "Volta_(microarchitecture)"),
    Generation("Turing", 2018, "Tesla T4", 8.1, 65.0,
               WIKI + "Turing_(microarchitecture)"),
    Generation("Ampere", 2020, "A100 (SXM)", 19.5, 312.0,
               WIKI + "Ampere_(microarchitecture)"),
    Generation("Hopper", 2022, "H100 (SXM)", 67.0, 989.0,
               WIKI + "Hopper_(microarchitecture)"),
    Generation("Blackwell", 2024, "B200", None, None,
               WIKI + "Blackwell_(microarchitecture)"),
]
# --8<-- [end:table]


def plot_generations(generations):
    """Peak TFLOP/s per generation on a log scale, FP32 and Tensor FP16."""
    fig, ax = plt.subplots(figsize=(8, 4.2))
    index = {g.architecture: i for i, g in enumerate(generations)}
    for field, style, color, label in [
            ("fp32", "o-", "#1f77b4", "FP32 on CUDA cores"),
            ("tensor_fp16", "s-", "#d62728",
             "FP16 on Tensor Cores (dense)")]:
        known = [g for g in generations if getattr(g, field)]
        values = [getattr(g, field) for g in known]
        ax.semilogy([index[g.architecture] for g in known], values, style,
                    color=color, label=label)
        for g, value in zip(known, values):
            ax.annotate(f"{value:g}", (index[g.architecture], value),
                        textcoords="offset points", xytext=(0, 6),
                        ha="center", va="bottom", fontsize=7, color=color)
    ax.set_xticks(range(len(generations)),
                  [f"{g.architecture}\n{g.year}" for g in generations],
                  fontsize=8)
    ax.set(ylabel="peak TFLOP/s (log scale)", ylim=(0.1, 3000))
    ax.grid(alpha=0.3, which="both")
    ax.legend(loc="upper left")
    return fig


def main() -> dict:
    """Draw the figure; return the growth factors the page quotes."""
    plot_generations(GENERATIONS)
    plt.show()
    by_name = {g.architecture: g for g in GENERATIONS}
    fermi, hopper = by_name["Fermi"], by_name["Hopper"]
    fp32_growth = hopper.fp32 / fermi.fp32
    years = hopper.year - fermi.year
    return {
        "num_generations": len(GENERATIONS),
        "fp32_growth_fermi_to_hopper": fp32_growth,
        "fp32_doubling_years": years * math.log(2) / math.log(fp32_growth),
        "tensor_over_fp32_hopper": hopper.tensor_fp16 / hopper.fp32,
    }


if __name__ == "__main__":
    main()
