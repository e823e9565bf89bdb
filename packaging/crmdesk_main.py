"""The bundle's entry point (PyInstaller runs a script, not a console-script entry)."""

import multiprocessing
import sys

from crmdesk.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # a frozen Windows app re-runs itself for child processes
    if sys.argv[1:2] == ["--office-job"]:  # Join / Make Office Book's job (no -m when frozen)
        from crmdesk.hub import office_job

        raise SystemExit(office_job.main())
    raise SystemExit(main())
