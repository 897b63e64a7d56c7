"""Chapter 7: autoencoders."""
