"""``qiskit_runtime_api.results`` reads what qiskit-ibm-runtime's RuntimeEncoder wrote.

The result files and the expected readings were made by qiskit-ibm-runtime itself
(``tests/data/results/README.md``); every reading is checked with numpy and without it.
"""

from __future__ import annotations

import base64
import datetime
import io
import json
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from qiskit_runtime_api import results

DATA = Path(__file__).parent / "data" / "results"
EXPECTED = json.loads((DATA / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(params=["numpy", "no-numpy"])
def numpy_or_not(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    if request.param == "no-numpy":
        monkeypatch.setattr(results, "_numpy", lambda: None)
    yield str(request.param)


def as_lists(value: Any) -> Any:
    return value.tolist() if hasattr(value, "tolist") else value


def read(name: str) -> Any:
    return results.decode((DATA / name).read_text(encoding="utf-8"))


@pytest.mark.usefixtures("numpy_or_not")
def test_sampler_counts_are_those_qiskit_reads() -> None:
    result = read("sampler-result.json")
    assert isinstance(result, results.PrimitiveResult) and len(result) == 2
    for pub, expected in zip(result, EXPECTED["sampler"], strict=True):
        assert pub.kind == "SamplerPubResult"
        for register, facts in expected.items():
            bits = pub.data[register]
            assert getattr(pub.data, register) is bits
            assert bits.get_counts() == facts["counts"]
            assert bits.num_bits == facts["num_bits"]
            assert list(bits.shape) == facts["shape"] == list(pub.data.shape)
            assert bits.num_shots == facts["num_shots"]


@pytest.mark.usefixtures("numpy_or_not")
def test_counts_per_parameter_set_are_those_qiskit_reads() -> None:
    grid = read("sampler-result.json")[1].data.c
    assert [grid.get_counts(loc=i) for i in range(2)] == EXPECTED["sampler_per_set"]
    assert grid.get_bitstrings(loc=0) == ["101", "101", "000", "111"]


@pytest.mark.usefixtures("numpy_or_not")
def test_the_counts_helper_takes_the_text_and_names_the_register() -> None:
    text = (DATA / "sampler-result.json").read_text(encoding="utf-8")
    assert results.counts(text) == {"00": 4, "11": 4}
    assert results.counts(text, pub=1, register="c") == EXPECTED["sampler"][1]["c"]["counts"]
    with pytest.raises(results.ResultDecodeError, match="no register 'meas' in PUB 1"):
        results.counts(text, pub=1, register="meas")


def test_estimator_arrays_are_those_qiskit_reads(numpy_or_not: str) -> None:
    result = read("estimator-result.json")
    (pub,) = result
    assert pub.kind == "PubResult"
    for name, values in EXPECTED["estimator"][0].items():
        assert as_lists(pub.data[name]) == values
        assert isinstance(pub.data[name], np.ndarray) is (numpy_or_not == "numpy")
    assert result.metadata == EXPECTED["estimator_metadata"]


@pytest.mark.usefixtures("numpy_or_not")
def test_tagged_scalars_and_arrays_of_every_dtype_are_read() -> None:
    value = read("scalars.json")
    expected = EXPECTED["scalars"]
    assert value["z"] == complex(*expected["z"])
    assert value["when"] == datetime.datetime.fromisoformat(expected["when"])
    assert value["tags"] == set(expected["tags"])
    assert as_lists(value["m"]) == expected["m"]
    assert as_lists(value["f"]) == expected["f"]
    assert as_lists(value["c"]) == [complex(*c) for c in expected["c"]]
    assert as_lists(value["b"]) == expected["b"]


def test_a_fortran_ordered_array_reads_in_c_order_without_numpy(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    buffer = io.BytesIO()
    np.save(buffer, np.asfortranarray(np.arange(6, dtype=">i4").reshape(2, 3)), allow_pickle=False)
    tag = {
        "__type__": "ndarray",
        "__value__": base64.b64encode(zlib.compress(buffer.getvalue())).decode(),
    }
    monkeypatch.setattr(results, "_numpy", lambda: None)
    assert results.decode(json.dumps(tag)) == [[0, 1, 2], [3, 4, 5]]


def test_tags_it_does_not_know_are_kept_and_nothing_is_imported() -> None:
    name = "qiskit_runtime_api_tests_never_imported"
    text = json.dumps(
        {"__type__": "settings", "__module__": name, "__class__": "Boom", "__value__": {"a": 1}}
    )
    value = results.decode(text)
    assert value == results.Tagged("settings", {"a": 1})
    assert name not in sys.modules


def test_an_array_that_would_expand_past_the_limit_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    buffer = io.BytesIO()
    np.save(buffer, np.zeros(10_000, dtype=np.uint8), allow_pickle=False)
    tag = {
        "__type__": "ndarray",
        "__value__": base64.b64encode(zlib.compress(buffer.getvalue())).decode(),
    }
    monkeypatch.setattr(results, "MAX_ARRAY_BYTES", 4096)
    with pytest.raises(results.ResultDecodeError, match="expands past 4096 bytes"):
        results.decode(json.dumps(tag))


def test_a_pickled_array_is_refused() -> None:
    buffer = io.BytesIO()
    np.save(buffer, np.array([{"a": 1}], dtype=object), allow_pickle=True)
    tag = {
        "__type__": "ndarray",
        "__value__": base64.b64encode(zlib.compress(buffer.getvalue())).decode(),
    }
    with pytest.raises(ValueError, match="pickle"):
        results.decode(json.dumps(tag))


def test_a_deeply_nested_result_is_the_packages_error() -> None:
    with pytest.raises(results.ResultDecodeError, match="nests too deeply"):
        results.decode("[" * 100_000 + "]" * 100_000)


def test_to_qiskit_without_qiskit_ibm_runtime_says_what_to_install() -> None:
    with pytest.raises(ImportError, match="pip install qiskit-ibm-runtime"):
        results.to_qiskit("{}")
