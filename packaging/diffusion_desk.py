"""The bundle's entry point: the same as the ``diffusion-desk`` console script (app.cli:main).

No arguments open the window; with arguments it is the command line.
"""

import multiprocessing
import sys

from app.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # a no-op on Linux, needed where processes are spawned
    sys.exit(main())
