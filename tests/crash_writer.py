"""Child process for the crash-safety test.

Imports the app once, then for each JSON line [root, passphrase, start, counts_file] on stdin forks a
writer (a separate process: its own key unwrap and SQLCipher connections) that commits in a loop,
appending each acknowledged count to COUNTS_FILE. Prints the writer's pid, then "done" once the
test has killed it. Forking saves the interpreter start and imports of every round.
"""
import json
import os
import sys

from app import audit
from app.vault import Vault


def write_forever(root: str, passphrase: str, n: int, counts_file: str) -> None:
    vault = Vault(root)
    vault.unlock(passphrase)
    with open(counts_file, "a", buffering=1) as out:
        while True:
            n += 1
            with vault.session() as s:
                audit.record(s, "crash-test", str(n))
            # Written only after the commit returned: this write is acknowledged.
            out.write(f"{n}\n")


for line in sys.stdin:
    root, passphrase, start, counts_file = json.loads(line)
    pid = os.fork()
    if pid == 0:
        try:
            write_forever(root, passphrase, int(start), counts_file)
        finally:
            os._exit(1)
    print(pid, flush=True)
    os.waitpid(pid, 0)
    print("done", flush=True)
