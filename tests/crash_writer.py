"""Child process for the crash-safety test: commits in a loop, printing each acknowledged count."""
import sys

from app import audit
from app.vault import Vault

vault = Vault(sys.argv[1])
vault.unlock(sys.argv[2])
n = int(sys.argv[3])
while True:
    n += 1
    with vault.session() as s:
        audit.record(s, "crash-test", str(n))
    # Printed only after the commit returned: this write is acknowledged.
    print(n, flush=True)
