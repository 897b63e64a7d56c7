"""Helpers shared by several snippets; each function names its section."""
