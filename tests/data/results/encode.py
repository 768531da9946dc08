"""Writes the result files of this folder with qiskit-ibm-runtime's own RuntimeEncoder.

Not run by the tests (qiskit is no dependency of the project): run it by hand in a venv with
``pip install qiskit-ibm-runtime==0.51.0`` (which brings qiskit 2.x and numpy), from this folder:
``python encode.py``. The values are results a Sampler and an Estimator return, built with
qiskit's own result classes, so that the files are what the service's result endpoint sends.
"""

from __future__ import annotations

import datetime
import json

import numpy as np
from qiskit.primitives import (
    BitArray,
    DataBin,
    PrimitiveResult,
    PubResult,
    SamplerPubResult,
)
from qiskit.primitives.containers.sampler_pub_result import SamplerPubResult as _S  # noqa: F401
from qiskit_ibm_runtime import RuntimeEncoder

# 2 qubits measured into register "meas", 8 shots of a Bell circuit (00 and 11 only).
bell = BitArray.from_samples(["00", "11", "11", "00", "11", "00", "00", "11"], num_bits=2)
# 3 classical bits in register "c", shape (2,) of parameter sets, 4 shots each.
grid = BitArray(
    np.array([[[0b101], [0b101], [0b000], [0b111]], [[0b001], [0b001], [0b001], [0b110]]], dtype=np.uint8),
    num_bits=3,
)
sampler = PrimitiveResult(
    [
        SamplerPubResult(DataBin(meas=bell), metadata={"circuit_metadata": {}}),
        SamplerPubResult(DataBin(c=grid, shape=(2,)), metadata={"circuit_metadata": {"name": "grid"}}),
    ],
    metadata={
        "execution": {"execution_spans": []},
        "version": 2,
        "timestamp": datetime.datetime(2026, 3, 1, 12, 30, tzinfo=datetime.timezone.utc),
    },
)
estimator = PrimitiveResult(
    [
        PubResult(
            DataBin(
                evs=np.array([0.98, -0.02, 1.0 + 0.0j * 0]).real,
                stds=np.array([0.01, 0.02, 0.0]),
                ensemble_standard_error=np.array([0.011, 0.021, 0.001]),
                shape=(3,),
            ),
            metadata={"target_precision": 0.015625, "shots": 4096, "circuit_metadata": {}},
        )
    ],
    metadata={"dynamical_decoupling": {"enable": True, "sequence_type": "XX"}, "twirling": {"enable_gates": False}, "resilience": {}, "version": 2},
)
values = {
    "sampler-result.json": sampler,
    "estimator-result.json": estimator,
    "scalars.json": {"z": 1 - 2j, "when": datetime.datetime(2026, 1, 2, 3, 4, 5), "tags": {"a"}, "m": np.arange(6, dtype=np.int64).reshape(2, 3), "f": np.array([[0.5, 1.5]], dtype=np.float32), "c": np.array([1 + 1j, 2 - 1j]), "b": np.array([True, False])},
}
for name, value in values.items():
    with open(name, "w", encoding="utf-8") as handle:
        json.dump(value, handle, cls=RuntimeEncoder)
        handle.write("\n")

# What qiskit itself reads back (RuntimeDecoder), as plain JSON: the oracle for the tests.
from qiskit_ibm_runtime import RuntimeDecoder  # noqa: E402

expected: dict[str, object] = {}
with open("sampler-result.json", encoding="utf-8") as handle:
    decoded = json.load(handle, cls=RuntimeDecoder)
expected["sampler"] = [
    {name: {"counts": pub.data[name].get_counts(), "num_bits": pub.data[name].num_bits,
            "shape": list(pub.data[name].shape), "num_shots": pub.data[name].num_shots}
     for name in pub.data}
    for pub in decoded
]
expected["sampler_per_set"] = [decoded[1].data.c.get_counts(loc=i) for i in range(2)]
with open("estimator-result.json", encoding="utf-8") as handle:
    decoded = json.load(handle, cls=RuntimeDecoder)
expected["estimator"] = [{name: pub.data[name].tolist() for name in pub.data} for pub in decoded]
expected["estimator_metadata"] = decoded.metadata
with open("scalars.json", encoding="utf-8") as handle:
    decoded = json.load(handle, cls=RuntimeDecoder)
expected["scalars"] = {
    "z": [decoded["z"].real, decoded["z"].imag],
    "when": decoded["when"].isoformat(),
    "tags": sorted(decoded["tags"]),
    "m": decoded["m"].tolist(), "m_dtype": str(decoded["m"].dtype),
    "f": decoded["f"].tolist(), "f_dtype": str(decoded["f"].dtype),
    "c": [[v.real, v.imag] for v in decoded["c"].tolist()], "b": decoded["b"].tolist(),
}
with open("expected.json", "w", encoding="utf-8") as handle:
    json.dump(expected, handle, indent=1, sort_keys=True)
    handle.write("\n")
