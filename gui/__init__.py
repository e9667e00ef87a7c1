"""The desktop window: PySide6 widgets, models, dialogs and workers. No rules, no SQL."""
