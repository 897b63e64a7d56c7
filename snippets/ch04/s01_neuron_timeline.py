"""Draw the history of the artificial neuron as a dated timeline.

Section: 4-1 Artificial neurons and their history
Figure: s01_neuron_timeline.svg
"""
import matplotlib.pyplot as plt

# --8<-- [start:table]
# (year, what happened, where it was published)
HISTORY = [
    (1943, "McCulloch & Pitts: the threshold neuron",
     "Bull. Math. Biophysics 5, 115-133"),
    (1949, "Hebb: cells that fire together wire together",
     "The Organization of Behavior"),
    (1958, "Rosenblatt: the perceptron learns its weights",
     "Psychological Review 65, 386-408"),
    (1960, "Widrow & Hoff: ADALINE and the delta rule",
     "IRE WESCON Convention Record 4, 96-104"),
    (1969, "Minsky & Papert: one layer cannot do XOR",
     "Perceptrons, MIT Press"),
    (1982, "Kohonen: self-organising feature maps",
     "Biological Cybernetics 43, 59-69"),
    (1986, "Rumelhart, Hinton & Williams: backpropagation",
     "Nature 323, 533-536"),
    (1989, "LeCun et al.: backprop reads zip codes",
     "Neural Computation 1, 541-551"),
    (2006, "Hinton, Osindero & Teh: deep belief nets",
     "Neural Computation 18, 1527-1554"),
    (2012, "Krizhevsky, Sutskever & Hinton: AlexNet",
     "NeurIPS 25, 1097-1105"),
]
# Periods the field spent out of favour, as usually dated.
WINTERS = [(1969, 1982), (1995, 2006)]
# --8<-- [end:table]


def plot_history(history, winters):
    """Years run down a vertical axis, one labelled dot per event, so the
    figure stays readable on a narrow screen."""
    fig, ax = plt.subplots(figsize=(4.6, 7.6))
    years = [year for year, _, _ in history]
    for start, end in winters:
        ax.axhspan(start, end, color="#9ecae1", alpha=0.35, lw=0)
        ax.text(-0.04, (start + end) / 2, "out of favour", fontsize=10,
                va="center", ha="right", rotation=90, color="#31688e")
    ax.plot([0, 0], [min(years) - 3, max(years) + 3], color="#444", lw=1.5)
    label_at = min(years) - 5.0
    for year, event, _ in history:
        label_at = max(year, label_at + 5.0)  # two-line labels never meet
        ax.plot(0, year, "o", color="#ff7f0e", ms=7, zorder=3)
        ax.plot([0, 0.04, 0.07], [year, label_at, label_at], color="#999",
                lw=0.8)
        who, what = event.split(": ")
        ax.text(0.08, label_at, f"{year} {who}:\n{what}", va="center",
                fontsize=11, linespacing=1.1)
    ax.set_xlim(-0.12, 1.0)
    ax.set_ylim(max(label_at, max(years)) + 3, min(years) - 3)  # top: 1943
    ax.axis("off")
    fig.tight_layout()
    return fig


def main() -> dict:
    """Show the timeline; return its span and size."""
    plot_history(HISTORY, WINTERS)
    plt.show()
    years = [year for year, _, _ in HISTORY]
    return {"num_events": len(HISTORY), "first_year": min(years),
            "last_year": max(years)}


if __name__ == "__main__":
    main()
