"""A diagram of a GAN: the generator, the discriminator and their game.

Section: 8-1 GAN overview
Figure: s01_gan_overview_diagram.svg
"""
import matplotlib.pyplot as plt

BOXES = {  # name: (x, y, label)
    "noise": (0.08, 0.25, "noise\n$z \\sim p_z$"),
    "G": (0.34, 0.25, "generator\n$G(z)$"),
    "data": (0.34, 0.78, "real data\n$x \\sim p_{data}$"),
    "D": (0.64, 0.5, "discriminator\n$D(\\cdot)$"),
    "out": (0.9, 0.5, "P(real)\nin (0, 1)"),
}
ARROWS = [("noise", "G"), ("G", "D"), ("data", "D"), ("D", "out")]


def main() -> dict:
    """Draw the boxes and arrows; return how many of each."""
    fig, ax = plt.subplots(figsize=(7, 3.2))
    for x, y, label in BOXES.values():
        ax.text(x, y, label, ha="center", va="center", fontsize=10,
                bbox={"boxstyle": "round,pad=0.5", "fc": "#fde7d9",
                      "ec": "#d84315"})
    for start, end in ARROWS:
        (x0, y0, _), (x1, y1, _) = BOXES[start], BOXES[end]
        ax.annotate("", xy=(x1 - 0.09, y1), xytext=(x0 + 0.09, y0),
                    arrowprops={"arrowstyle": "->", "lw": 1.5})
    ax.text(0.5, 0.03, "D learns to tell real from generated; "
            "G learns to make D say 'real'", ha="center", fontsize=9)
    ax.set(xlim=(0, 1), ylim=(0, 1))
    ax.axis("off")
    fig.tight_layout()
    plt.show()
    return {"num_boxes": len(BOXES), "num_arrows": len(ARROWS)}


if __name__ == "__main__":
    main()
