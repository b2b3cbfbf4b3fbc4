"""Renderers: pure functions from a Result to a string; they never detect anything."""
