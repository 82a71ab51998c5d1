"""`make run`: the web server (gunicorn) and the background worker together.

Prints the address and the demo logins, and stops both cleanly on Ctrl-C (SIGINT) or SIGTERM.
Usage: python -m mizan.serve [--port 8000] [--host 127.0.0.1] [--web-workers 3]
"""

import argparse
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
    parser.add_argument("--port", default=os.environ.get("PORT", "8000"))
    parser.add_argument("--web-workers", default=os.environ.get("WEB_WORKERS", "3"))
    args = parser.parse_args()

    python = sys.executable
    web = subprocess.Popen([
        python, "-m", "gunicorn", "mizan.wsgi:application",
        "--bind", f"{args.host}:{args.port}", "--workers", str(args.web_workers),
        "--access-logfile", "-", "--graceful-timeout", "10", "--timeout", "120",
    ], cwd=BASE_DIR)
    # The worker yields the processor to the web processes (MIZAN_WORKER_NICE, default 10): in a
    # surge of complaints people's requests are answered first, and suggestions and e-mails,
    # queued durably, follow a few seconds later.
    niceness = int(os.environ.get("MIZAN_WORKER_NICE", "10"))
    worker = subprocess.Popen([python, "manage.py", "db_worker", "--interval", "1"], cwd=BASE_DIR,
                              preexec_fn=(lambda: os.nice(niceness)) if niceness else None)  # noqa: PLW1509 (no threads yet)
    children = [web, worker]

    stopping = False

    def stop(signum, frame):
        nonlocal stopping
        if stopping:
            return
        stopping = True
        print("\nStopping Mizan (web server and worker)...", flush=True)
        for child in children:
            if child.poll() is None:
                child.send_signal(signal.SIGTERM)

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)

    time.sleep(1.5)
    logins = Path(os.environ.get("MIZAN_VAR_DIR", BASE_DIR / "var")) / "demo-logins.txt"
    print("\n" + "=" * 72)
    print(f"  Mizan is running at http://{args.host}:{args.port}/")
    print(f"  Public portal: http://{args.host}:{args.port}/")
    print(f"  Staff desk:    http://{args.host}:{args.port}/desk/")
    print(f"  API docs:      http://{args.host}:{args.port}/api/v1/docs")
    if logins.exists():
        print("  Demo logins (username  password  role):")
        for line in logins.read_text(encoding="utf-8").splitlines():
            print("    " + line)
    print("  Press Ctrl-C to stop.")
    print("=" * 72 + "\n", flush=True)

    exit_code = 0
    while True:
        for child in children:
            code = child.poll()
            if code is not None and not stopping:
                print(f"A Mizan process exited with code {code}; stopping the others.", flush=True)
                exit_code = code or 1
                stop(None, None)
        if all(child.poll() is not None for child in children):
            break
        time.sleep(0.3)
    deadline = time.time() + 15
    for child in children:
        try:
            child.wait(timeout=max(0.1, deadline - time.time()))
        except subprocess.TimeoutExpired:
            child.kill()
    return exit_code


if __name__ == "__main__":
    sys.exit(main())
