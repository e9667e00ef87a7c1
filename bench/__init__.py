"""Benchmarks for Diffusion Desk, with their own runner: ``python -m bench``.

Tests never assert on wall time; these print figures (and ratios against a baseline measured
in the same run) for the closing notes of each change to a hot path.
"""
