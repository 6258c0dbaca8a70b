"""Scorers for the public gold sets in ../shared/gold; each module scores one set.

The CLI's `newsdesk eval …` commands are thin wrappers over these; evaluation is never part of
the test suite (figures go to docs/evaluation.md).
"""
