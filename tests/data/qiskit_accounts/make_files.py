"""Writes the saved-accounts files of this folder with qiskit-ibm-runtime's own code.

Run with the wheel's ``qiskit_ibm_runtime/accounts/storage.py`` extracted
(``pip download --no-deps qiskit-ibm-runtime==0.51.0``, unzip) as STORAGE:

    python make_files.py /tmp/qir/qiskit_ibm_runtime/accounts/storage.py

``storage.save_config`` is what ``AccountManager.save`` calls; its only import
(``.exceptions``) is stubbed, because the package's ``__init__`` pulls in qiskit.
Each config is what ``Account.to_saved_format()`` gives for
``Account.create_account(channel, token, url=None, instance)``: the attributes
that are not None (``url`` defaults to https://cloud.ibm.com, ``verify`` to True,
``private_endpoint`` to False).
"""

from __future__ import annotations

import importlib.util
import sys
import types
from pathlib import Path

HERE = Path(__file__).parent
US_EAST = "crn:v1:bluemix:public:quantum-computing:us-east:a/0123::"
EU_DE = "crn:v1:bluemix:public:quantum-computing:eu-de:a/4567::"


def saved_format(channel: str, token: str, instance: str) -> dict[str, object]:
    return {
        "token": token,
        "instance": instance,
        "verify": True,
        "channel": channel,
        "url": "https://cloud.ibm.com",
        "private_endpoint": False,
    }


def main(storage: str) -> None:
    package = types.ModuleType("accounts")
    package.__path__ = []  # type: ignore[attr-defined]
    exceptions = types.ModuleType("accounts.exceptions")
    exceptions.AccountAlreadyExistsError = type("AccountAlreadyExistsError", (Exception,), {})  # type: ignore[attr-defined]
    sys.modules.update({"accounts": package, "accounts.exceptions": exceptions})
    spec = importlib.util.spec_from_file_location("accounts.storage", storage)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    plain = HERE / "qiskit-ibm.json"
    marked = HERE / "qiskit-ibm-default-marked.json"
    for path in (plain, marked):
        path.unlink(missing_ok=True)
    # AccountManager.save(token=..., instance=...) with the default name and channel
    module.save_config(
        str(plain),
        "default-ibm-quantum-platform",
        saved_format("ibm_quantum_platform", "saved-key-us", US_EAST),
        overwrite=False,
    )
    module.save_config(
        str(plain), "eu", saved_format("ibm_cloud", "saved-key-eu", EU_DE), overwrite=False
    )
    module.save_config(
        str(marked),
        "default-ibm-quantum-platform",
        saved_format("ibm_quantum_platform", "saved-key-us", US_EAST),
        overwrite=False,
    )
    # AccountManager.save(name="eu", channel="ibm_cloud", set_as_default=True)
    module.save_config(
        str(marked),
        "eu",
        saved_format("ibm_cloud", "saved-key-eu", EU_DE),
        overwrite=False,
        set_as_default=True,
    )


if __name__ == "__main__":
    main(sys.argv[1])
