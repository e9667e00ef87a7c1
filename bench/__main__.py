"""Run every benchmark and print its figures as a table: ``python -m bench``."""

from __future__ import annotations

import sys

from bench import engine


def main() -> int:
    sections = [("Rules engine (pure, no storage)", engine.run)]
    for title, run in sections:
        rows = run()
        width = max(len(label) for label, _ in rows)
        print(title)
        print("-" * len(title))
        for label, value in rows:
            print(f"  {label.ljust(width)}  {value}")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
