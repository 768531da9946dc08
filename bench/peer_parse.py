"""Times openapi-python-client's parse of a ``list_jobs`` body; run by the peers' Python.

    bench/.peers/bin/python bench/peer_parse.py PACKAGE_DIR BODY_FILE ROUNDS

Prints JSON: seconds per round for ``json.loads`` alone and for the peer's own
``list_jobs._parse_response`` (``ListJobs...Response.from_dict(response.json())``),
interleaved in this process; or ``{"unparsed": why}`` when the peer's client does
not read the body into a model (it leaves out a response it could not generate,
and its ``_parse_response`` then returns None).
"""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from timing import interleaved  # type: ignore[import-not-found]  # a sibling: this runs as a script

__all__: list[str] = []


def main(argv: list[str]) -> int:
    package_dir, body_file, rounds = Path(argv[0]), Path(argv[1]), int(argv[2])
    sys.path.insert(0, str(package_dir.parent))
    package = package_dir.name
    import httpx

    client = importlib.import_module(f"{package}.client").Client(base_url="http://127.0.0.1")
    list_jobs = importlib.import_module(f"{package}.api.jobs.list_jobs")
    body = body_file.read_bytes()
    response = httpx.Response(200, content=body, headers={"content-type": "application/json"})
    parsed = list_jobs._parse_response(client=client, response=response)
    if parsed is None or not isinstance(getattr(parsed, "jobs", None), list):
        why = f"its list_jobs client reads a 200 answer as {type(parsed).__name__}, not a page"
        json.dump({"unparsed": why}, sys.stdout)
        return 0
    jobs = len(parsed.jobs)
    samples = interleaved(
        {
            "json.loads": lambda: json.loads(body),
            "peer": lambda: list_jobs._parse_response(client=client, response=response),
        },
        rounds,
    )
    json.dump({"jobs": jobs, "model": type(parsed).__name__, "samples": samples}, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
