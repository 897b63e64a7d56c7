"""Draw TensorFlow's and Keras's history as a timeline from a dated table.

Section: 1-1 TensorFlow's history and features
Figure: s01_timeline.svg
"""
from dataclasses import dataclass

import matplotlib.pyplot as plt


@dataclass(frozen=True)
class Milestone:
    """One dated event; month 0 means only the year is known."""

    year: int
    month: int
    event: str
    source: str

    @property
    def when(self) -> float:
        """Position on the time axis, in years."""
        return self.year + (max(self.month, 1) - 0.5) / 12


# --8<-- [start:table]
MILESTONES = [
    Milestone(2011, 0, "Google Brain starts;\nDistBelief (1st gen.)",
              "https://arxiv.org/abs/1603.04467"),
    Milestone(2015, 3, "Keras first released\n(F. Chollet)",
              "https://en.wikipedia.org/wiki/Keras"),
    Milestone(2015, 11, "TensorFlow\nopen-sourced",
              "https://en.wikipedia.org/wiki/TensorFlow"),
    Milestone(2017, 2, "TensorFlow 1.0",
              "https://github.com/tensorflow/tensorflow/releases/"
              "tag/v1.0.0"),
    Milestone(2019, 9, "TensorFlow 2.0: eager by\ndefault, tf.keras",
              "https://blog.tensorflow.org/2019/09/"
              "tensorflow-20-is-now-available.html"),
    Milestone(2020, 1, "TensorFlow 2.1\n(the course's version)",
              "https://github.com/tensorflow/tensorflow/releases/"
              "tag/v2.1.0"),
    Milestone(2023, 11, "Keras 3.0:\nmulti-backend",
              "https://github.com/keras-team/keras/releases/tag/v3.0.0"),
    Milestone(2024, 3, "TensorFlow 2.16:\nKeras 3 by default",
              "https://github.com/tensorflow/tensorflow/releases/"
              "tag/v2.16.1"),
]
# --8<-- [end:table]


def plot_timeline(milestones):
    """A horizontal time axis with labels alternating above and below."""
    fig, ax = plt.subplots(figsize=(9, 3.4))
    first = min(m.year for m in milestones) - 1
    last = max(m.year for m in milestones) + 2
    ax.axhline(0, color="#444", lw=1.5, zorder=1)
    for i, m in enumerate(sorted(milestones, key=lambda m: m.when)):
        height = (1 if i % 2 == 0 else -1) * (0.55 + 0.35 * (i // 2 % 2))
        keras_event = "Keras" in m.event and "TensorFlow" not in m.event
        color = "#d62728" if keras_event else "#ff7f0e"
        ax.plot([m.when, m.when], [0, height], color=color, lw=1)
        ax.plot(m.when, 0, "o", color=color, ms=7, zorder=2)
        date = f"{m.year}" if m.month == 0 else f"{m.year}-{m.month:02d}"
        ax.annotate(f"{date}\n{m.event}", (m.when, height),
                    ha="center", va="bottom" if height > 0 else "top",
                    fontsize=8)
    ax.set_xlim(first, last)
    ax.set_ylim(-1.9, 1.9)
    ax.set_xticks(range(first, last + 1, 2))
    ax.set_yticks([])
    for side in ("left", "right", "top"):
        ax.spines[side].set_visible(False)
    ax.set_xlabel("year (orange: TensorFlow, red: Keras)")
    return fig


def main() -> dict:
    """Show the timeline; return how many milestones it shows."""
    plot_timeline(MILESTONES)
    plt.show()
    years = [m.year for m in MILESTONES]
    return {"num_milestones": len(MILESTONES), "first_year": min(years),
            "last_year": max(years)}


if __name__ == "__main__":
    main()
