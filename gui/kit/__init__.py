"""The pieces several screens share: tables, pickers and fields, forms, the write path.

A screen's own dialogs live with it (``gui/pages/<screen>/``); what a second screen needs too
lives here.
"""
