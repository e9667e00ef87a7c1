"""Restricted-party screening: list snapshots and name matching."""
