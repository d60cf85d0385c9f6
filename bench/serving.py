"""Helpers shared by the load benchmark (bench/run.py) and the soak test (bench/soak.py).

Paths to the project and its virtualenv, a port probe on the loopback interface, running `manage.py`
in a subprocess with a given environment, and starting and stopping gunicorn for `config.wsgi`.
The scripts import this module as `serving`: Python puts the folder of the script it runs on sys.path.
"""

import os
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")


def port_open(port):
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
        return True
    except OSError:
        return False


def manage(env, *args, capture=False):
    """Run `manage.py` with `args` in ROOT; with capture, its output is hidden and its stdout returned."""
    command = [PYTHON, "manage.py", *args]
    if capture:
        return subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True, text=True).stdout
    subprocess.run(command, cwd=ROOT, env=env, check=True)
    return ""


def start_gunicorn(env, port, options, *, ready_path=None, attempts=100):
    """Start gunicorn on 127.0.0.1:`port` with the extra `options` and wait until it answers.

    With `ready_path` it answers once a GET of that path succeeds, otherwise once the port accepts
    connections. The server gets its own process group so that stop_gunicorn() also ends its workers.
    """
    process = subprocess.Popen(
        [GUNICORN, "config.wsgi:application", *options, "-b", f"127.0.0.1:{port}", "--log-level", "warning"],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    for _ in range(attempts):
        if ready_path is None:
            if port_open(port):
                return process
        else:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}{ready_path}", timeout=1)
                return process
            except OSError:
                pass
        time.sleep(0.2)
    stop_gunicorn(process)
    raise SystemExit("gunicorn ist nicht gestartet.")


def stop_gunicorn(process, timeout=20):
    """SIGTERM to the server's process group; SIGKILL if it has not ended after `timeout` seconds."""
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
