"""Runnable programs behind the book's pages, one module per example."""
