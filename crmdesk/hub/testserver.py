"""A throw-away PostgreSQL cluster for tests and benchmarks: initdb as a non-root user
(initdb refuses root), listening on 127.0.0.1 only on a free port, stopped on exit — also
when the process that started it is killed (a watchdog process waits on a pipe from it and
stops the server once the pipe closes, which the kernel does however its writer ends)."""

from __future__ import annotations

import atexit
import glob
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

SERVICE_USER = "crmdesk-pg"
ADMIN_PASSWORD = "hub-admin-secret"


def binaries() -> Path | None:
    """The folder of initdb and pg_ctl, or None when PostgreSQL is not installed."""
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(os.path.realpath(found)).parent
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if os.path.exists(os.path.join(folder, "initdb")):
            return Path(folder)
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_user() -> list[str]:
    if os.geteuid() != 0:
        return []
    try:
        pwd.getpwnam(SERVICE_USER)
    except KeyError:
        subprocess.run(["useradd", "--system", "--no-create-home", "--shell",
                        "/usr/sbin/nologin", SERVICE_USER], check=True,
                       capture_output=True)
    return ["runuser", "-u", SERVICE_USER, "--"]


# Run by the watchdog: wait until the pipe from the test process closes, then stop the
# server and remove its folder. argv: pg_ctl, data folder, server folder, runuser prefix...
_WATCHDOG = """
import shutil, subprocess, sys
sys.stdin.buffer.read()
pg_ctl, data, folder, prefix = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
subprocess.run([*prefix, pg_ctl, "-D", data, "-m", "immediate", "-w", "stop"],
               capture_output=True, check=False)
shutil.rmtree(folder, ignore_errors=True)
"""


@dataclass
class Server:
    folder: Path
    port: int
    bindir: Path
    prefix: list[str]
    watchdog: subprocess.Popen[bytes] | None = None

    @property
    def host(self) -> str:
        return "127.0.0.1"

    def url(self, dbname: str = "postgres", user: str = "postgres") -> str:
        return f"postgresql://{user}@127.0.0.1:{self.port}/{dbname}"

    def stop(self) -> None:
        if (self.folder / "data" / "postmaster.pid").exists():
            subprocess.run([*self.prefix, str(self.bindir / "pg_ctl"), "-D",
                            str(self.folder / "data"), "-m", "immediate", "-w", "stop"],
                           capture_output=True, check=False)
        shutil.rmtree(self.folder, ignore_errors=True)
        if self.watchdog is not None and self.watchdog.stdin is not None:
            self.watchdog.stdin.close()  # nothing left for it to do: it ends
            self.watchdog.wait(timeout=30)
            self.watchdog = None

    def restart(self) -> None:
        """Restart the server (clients are cut off). Its output goes to the log file: a
        server holding our pipes open would make this call wait for ever."""
        data = str(self.folder / "data")
        subprocess.run([*self.prefix, str(self.bindir / "pg_ctl"), "-D", data, "-m", "fast",
                        "-l", str(self.folder / "log"), "-w", "restart"],
                       stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, check=True, timeout=120)


def start() -> Server:
    bindir = binaries()
    if bindir is None:
        raise RuntimeError("PostgreSQL is not installed (no initdb / pg_ctl)")
    prefix = _as_user()
    folder = Path(tempfile.mkdtemp(prefix="crmdesk-pg-"))
    os.chmod(folder, 0o755)
    pwfile = folder / "pw"
    pwfile.write_text(ADMIN_PASSWORD + "\n")
    if prefix:
        shutil.chown(folder, SERVICE_USER)
        shutil.chown(pwfile, SERVICE_USER)
    data = folder / "data"
    subprocess.run([*prefix, str(bindir / "initdb"), "-D", str(data), "-U", "postgres",
                    "--pwfile", str(pwfile), "--auth-local=trust",
                    "--auth-host=scram-sha-256", "-E", "UTF8", "--no-sync"],
                   check=True, capture_output=True)
    port = _free_port()
    opts = (f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=60")
    server = Server(folder, port, bindir, prefix)
    atexit.register(server.stop)
    # Its own session: a signal to the test's process group (Ctrl+C, a timeout) leaves it
    # alive to clean up. The pipe's write end stays in this process only (close_fds).
    server.watchdog = subprocess.Popen(
        [sys.executable, "-c", _WATCHDOG, str(bindir / "pg_ctl"), str(data), str(folder),
         *prefix], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL, start_new_session=True)
    subprocess.run([*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-o", opts, "-l",
                    str(folder / "log"), "-w", "start"], check=True, stdin=subprocess.DEVNULL,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
    return server
