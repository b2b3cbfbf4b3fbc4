"""Detectors: each finds one sort of reference and reports raw hits; none decides conflicts."""
