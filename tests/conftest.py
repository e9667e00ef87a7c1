"""Shared test set-up."""

import os

# Before anything imports Qt: tests never need a display. An explicit setting (e.g. xcb under
# Xvfb, to watch a test) wins.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
