"""The bundle's entry point (PyInstaller runs a script, not a console-script entry)."""

import multiprocessing

from crmdesk.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # a frozen Windows app re-runs itself for child processes
    raise SystemExit(main())
