"""Chapter 4: artificial neural networks."""
