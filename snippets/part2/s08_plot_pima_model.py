"""Draw the Pima network as a layer diagram (plot_model's picture).

Section: II-8 Pima diabetes binary classifier
Figure: s08_plot_pima_model.svg
"""
from pathlib import Path

import keras

from snippets.part2.s08_pima_diabetes import SEED, build_pima_model
from snippets.common.model_diagram import save_model_diagram


def main(out_dir: Path | None = None):
    """No training needed: the diagram shows structure and shapes."""
    keras.utils.set_random_seed(SEED)
    model = build_pima_model()
    # --8<-- [start:diagram]
    save_model_diagram(model, out_dir, "s08_plot_pima_model.svg",
                       show_shapes=True, show_layer_names=True,
                       show_layer_activations=True)
    # --8<-- [end:diagram]
    return {"num_layers": len(model.layers)}


if __name__ == "__main__":
    main()
