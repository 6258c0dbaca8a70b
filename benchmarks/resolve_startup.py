"""Cold and warm start of the resolvers: time and peak memory, each in a fresh process.

    .venv/bin/python benchmarks/resolve_startup.py

Cold = the gazetteer index is built from the PyPI data and cached (an empty cache folder);
warm = the cached index is loaded. Prints one JSON object.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile

PROBE = """
import json, resource, time
started = time.perf_counter()
from newsdesk.resolve import {factory}
imported = time.perf_counter()
{factory}()
print(json.dumps({{"import_seconds": round(imported - started, 2),
                  "build_or_load_seconds": round(time.perf_counter() - imported, 2),
                  "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}}))
"""


def probe(factory: str, cache: str) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", PROBE.format(factory=factory)],
        capture_output=True,
        text=True,
        check=True,
        env={"NEWSDESK_CACHE_DIR": cache, "PATH": ""},
    )
    return json.loads(out.stdout)


def main() -> None:
    with tempfile.TemporaryDirectory() as cache:
        result = {
            "gazetteer_cold": probe("gazetteer", cache),
            "gazetteer_warm": probe("gazetteer", cache),
            "actor_resolver": probe("actor_resolver", cache),
        }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
