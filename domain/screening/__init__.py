"""Restricted-party screening (rules.md section 9).

``model``, ``entries``, ``lists`` and ``diff`` read list files into snapshots; ``names``
makes names comparable, ``vocabulary`` holds the words that are not names, ``matching``
scores one party name against one list name with an explanation, and ``index`` screens
parties against many list entries at once; ``results`` holds what screening found and what
the officer decided. Import from the modules: this package imports nothing itself, so reading
a list does not load the matching libraries.
"""
