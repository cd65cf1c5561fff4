"""Time the test servers: start until they answer, push the shipped plan, ask every question.

The CI run must stay well under 10 minutes, and the server tests start Oxigraph and
Virtuoso once per session (tests/servers.py). This prints, per server, the seconds from
start until it answers, to push the shipped plan and ontology (one PUT per graph), to run
every catalogue question once over the protocol, and to stop.

    python benchmarks/servers.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from servers import load_shipped, start_oxigraph, start_virtuoso  # noqa: E402
from test_remote import DATASET, QUESTIONS, _question_bindings  # noqa: E402

from theory.queries import query_text  # noqa: E402
from theory.remote import Endpoint  # noqa: E402


def main() -> None:
    print(f"{'server':10} {'start s':>8} {'load s':>8} {'questions s':>12} {'stop s':>8}")
    for name, start in (("oxigraph", start_oxigraph), ("virtuoso", start_virtuoso)):
        with tempfile.TemporaryDirectory(prefix=f"bench-{name}-") as folder:
            server = start(Path(folder))
            try:
                load_shipped(server)
                endpoint = Endpoint(server.query_url)
                began = time.monotonic()
                for question in QUESTIONS:
                    endpoint.select(query_text(question), default_graphs=DATASET,
                                    bindings=_question_bindings(question, "da"))
                asked = time.monotonic() - began
            finally:
                began = time.monotonic()
                server.stop()
                stopped = time.monotonic() - began
            print(f"{name:10} {server.timings['start']:8.2f} {server.timings['load']:8.2f} {asked:12.2f} {stopped:8.2f}")


if __name__ == "__main__":
    main()
