"""Chapter 1: TensorFlow and Keras."""
