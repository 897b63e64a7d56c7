"""Part II: training networks with Keras."""
