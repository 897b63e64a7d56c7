"""Build two small models in both Keras styles and draw them with Graphviz.

Section: 1-12 Keras: the Sequential and Functional APIs
Figure: s12_model_diagrams_classifier.svg, s12_model_diagrams_quadratic.svg
"""
import keras
import numpy as np
from keras import layers

from snippets.common.model_diagram import write_model_diagram

SEED = 12


# --8<-- [start:classifier]
def build_classifier():
    """Four features -> two hidden layers -> three class probabilities."""
    keras.backend.clear_session()  # fresh layer names, free memory
    model = keras.Sequential(name="classifier")
    model.add(keras.Input(shape=(4,), name="features"))
    model.add(layers.Dense(16, activation="relu", name="hidden_1"))
    model.add(layers.Dense(8, activation="relu", name="hidden_2"))
    model.add(layers.Dense(3, activation="softmax", name="class_probs"))
    return model
# --8<-- [end:classifier]


# --8<-- [start:quadratic_graph]
def build_quadratic_graph():
    """y = w1·x² + w2·x + b from raw x: x² is computed inside the model."""
    x = keras.Input(shape=(1,), name="x")
    x_squared = layers.Multiply(name="x_squared")([x, x])
    features = layers.Concatenate(name="features")([x_squared, x])
    y = layers.Dense(1, name="w1_w2_b")(features)
    return keras.Model(inputs=x, outputs=y, name="quadratic")
# --8<-- [end:quadratic_graph]


def main() -> dict:
    """Build both models, draw them and check the graph model's maths."""
    keras.utils.set_random_seed(SEED)
    classifier = build_classifier()
    quadratic = build_quadratic_graph()
    for model, name in [(classifier, "s12_model_diagrams_classifier.svg"),
                        (quadratic, "s12_model_diagrams_quadratic.svg")]:
        write_model_diagram(model, name, show_shapes=True,
                            show_layer_names=True,
                            show_layer_activations=True, splines="spline")
    # With w1 = 2, w2 = 3, b = 5 the graph computes 2x² + 3x + 5.
    quadratic.get_layer("w1_w2_b").set_weights(
        [np.array([[2.0], [3.0]]), np.array([5.0])])
    y_at_2 = float(quadratic.predict(np.array([[2.0]]), verbose=0)[0, 0])
    result = {
        "classifier_params": classifier.count_params(),
        "classifier_layers": len(classifier.layers),
        "quadratic_params": quadratic.count_params(),
        "quadratic_layers": len(quadratic.layers),
        "quadratic_y_at_2": y_at_2,
    }
    print(result)
    return result


if __name__ == "__main__":
    main()
