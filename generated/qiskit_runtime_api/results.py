"""Primitive results as the service sends them, decoded into plain Python.

``jobs.get_results(job_id)`` returns the text the service sends: JSON in which
qiskit-ibm-runtime's ``RuntimeEncoder`` wrote each value Python's JSON can't
hold as ``{"__type__": TAG, "__value__": ...}``. ``decode`` reads that text::

    result = decode(client.jobs.get_results(job_id))
    result[0].data.meas.get_counts()        # {"00": 2043, "11": 2053}
    counts(result)                          # the same, for the first PUB's only register

What the tags become:

- ``PrimitiveResult`` → ``PrimitiveResult`` (a sequence of PUB results, with ``metadata``)
- ``SamplerPubResult``, ``EstimatorPubResult``, ``PubResult`` → ``PubResult`` (``data``, ``metadata``)
- ``DataBin`` → ``DataBin`` (a mapping of its fields, also readable as attributes, with ``shape``)
- ``BitArray`` → ``BitArray`` (``get_counts``, ``get_int_counts``, ``get_bitstrings``)
- ``ndarray`` → a numpy array when numpy is installed (``pip install 'PACKAGE[numpy]'``),
  else nested lists; the compressed ``.npy`` form is read without pickle either way
- ``complex``, ``datetime``, ``set`` → ``complex``, ``datetime.datetime``, ``set``
- any other tag (circuits, ``settings``, ``_json``, spans, ...) → ``Tagged(type, value)``:
  nothing is imported or run on the service's word.

With qiskit-ibm-runtime installed, ``to_qiskit(text)`` gives its own
``PrimitiveResult`` (its ``RuntimeDecoder``; it imports the classes the
document names, so use it on answers from the service you trust).
"""

from __future__ import annotations

import ast
import base64
import binascii
import datetime
import importlib
import json
import struct
import zlib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "MAX_ARRAY_BYTES",
    "BitArray",
    "DataBin",
    "PrimitiveResult",
    "PubResult",
    "ResultDecodeError",
    "Tagged",
    "counts",
    "decode",
    "to_qiskit",
]

MAX_ARRAY_BYTES = 256 * 1024 * 1024
"""The most one compressed array may expand to; a larger one is refused, not inflated."""


class ResultDecodeError(ValueError):
    """The text is not a result this module can read; the message says where."""


@dataclass(frozen=True)
class Tagged:
    """A value under a tag this module does not decode, exactly as it was sent."""

    type: str
    value: Any


@dataclass(frozen=True)
class BitArray:
    """Measured bits: ``array`` has the shape ``shape + (num_shots, bytes per shot)``,
    each shot's bits big-endian in its bytes, as qiskit's ``BitArray`` keeps them."""

    array: Any
    num_bits: int

    @property
    def shape(self) -> tuple[int, ...]:
        return tuple(_shape(_as_lists(self.array))[:-2])

    @property
    def num_shots(self) -> int:
        return _shape(_as_lists(self.array))[-2]

    def get_int_counts(self, loc: int | tuple[int, ...] | None = None) -> dict[int, int]:
        """How often each outcome was measured, as integers (over all of ``shape``
        unless ``loc`` picks one parameter set)."""
        tally: dict[int, int] = {}
        for value in self._outcomes(loc):
            tally[value] = tally.get(value, 0) + 1
        return tally

    def get_counts(self, loc: int | tuple[int, ...] | None = None) -> dict[str, int]:
        """How often each outcome was measured, as bitstrings (``"011"``: bit 0 last)."""
        return {self._bitstring(v): n for v, n in self.get_int_counts(loc).items()}

    def get_bitstrings(self, loc: int | tuple[int, ...] | None = None) -> list[str]:
        """Every shot's outcome, in order."""
        return [self._bitstring(v) for v in self._outcomes(loc)]

    def _bitstring(self, value: int) -> str:
        return format(value, f"0{self.num_bits}b") if self.num_bits else ""

    def _outcomes(self, loc: int | tuple[int, ...] | None) -> Iterator[int]:
        rows: Any = _as_lists(self.array)
        for index in (loc,) if isinstance(loc, int) else loc or ():
            rows = rows[index]
        mask = (1 << self.num_bits) - 1
        for shot in _shots(rows):
            yield int.from_bytes(bytes(shot), "big") & mask


class DataBin(Mapping[str, Any]):
    """A PUB's data: its fields by name (``data["meas"]`` or ``data.meas``) and ``shape``."""

    def __init__(self, fields: Mapping[str, Any], shape: tuple[int, ...]) -> None:
        self._fields = dict(fields)
        self.shape = shape

    def __getitem__(self, name: str) -> Any:
        return self._fields[name]

    def __getattr__(self, name: str) -> Any:
        try:
            return self.__dict__["_fields"][name]
        except KeyError:
            raise AttributeError(name) from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._fields)

    def __len__(self) -> int:
        return len(self._fields)

    def __repr__(self) -> str:
        return f"DataBin({', '.join(self._fields)}, shape={self.shape})"


@dataclass(frozen=True)
class PubResult:
    """One PUB's result; ``kind`` is the tag it came under (``SamplerPubResult``, ...)."""

    data: DataBin
    metadata: dict[str, Any] = field(default_factory=dict)
    kind: str = "PubResult"


@dataclass(frozen=True)
class PrimitiveResult(Sequence[PubResult]):
    """A Sampler's or Estimator's result: one ``PubResult`` per PUB, and ``metadata``."""

    pub_results: list[PubResult]
    metadata: dict[str, Any] = field(default_factory=dict)

    def __getitem__(self, index: Any) -> Any:
        return self.pub_results[index]

    def __len__(self) -> int:
        return len(self.pub_results)


def decode(text: str | bytes) -> Any:
    """The result text (or bytes) as plain Python; see the module's docstring."""
    try:
        return json.loads(text, object_hook=_object_hook)
    except RecursionError:
        raise ResultDecodeError("the result nests too deeply to decode") from None
    except json.JSONDecodeError as exc:
        raise ResultDecodeError(f"the result is not JSON: {exc}") from None


def counts(result: Any, pub: int = 0, register: str | None = None) -> dict[str, int]:
    """The counts of one PUB of a Sampler result (``decode``'s or the text itself):
    of ``register``, or of its only register."""
    if isinstance(result, (str, bytes)):
        result = decode(result)
    if not isinstance(result, PrimitiveResult):
        raise ResultDecodeError(f"not a primitive result: {type(result).__name__}")
    data = result[pub].data
    registers = [name for name in data if isinstance(data[name], BitArray)]
    if register is None:
        if len(registers) != 1:
            raise ResultDecodeError(f"name the register: this PUB measured {registers}")
        register = registers[0]
    bits = data.get(register)
    if not isinstance(bits, BitArray):
        raise ResultDecodeError(f"no register {register!r} in PUB {pub}; it has {registers}")
    return bits.get_counts()


def to_qiskit(text: str | bytes) -> Any:
    """qiskit-ibm-runtime's own reading of the result (its ``RuntimeDecoder``)."""
    try:
        decoder = importlib.import_module("qiskit_ibm_runtime").RuntimeDecoder
    except ImportError:
        raise ImportError(
            "to_qiskit needs qiskit-ibm-runtime: pip install qiskit-ibm-runtime"
        ) from None
    return json.loads(text, cls=decoder)


def _object_hook(value: dict[str, Any]) -> Any:
    tag = value.get("__type__")
    if not isinstance(tag, str) or "__value__" not in value:
        return value
    try:
        return _decode_tag(tag, value["__value__"])
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        if isinstance(exc, ResultDecodeError):
            raise
        raise ResultDecodeError(f"a {tag!r} value could not be read: {exc}") from None


def _decode_tag(tag: str, value: Any) -> Any:
    if tag == "complex":
        return complex(value[0], value[1])
    if tag == "datetime":
        return datetime.datetime.fromisoformat(value)
    if tag == "set":
        return set(value)
    if tag == "ndarray":
        return _ndarray(value)
    if tag == "BitArray":
        return BitArray(value["array"], int(value["num_bits"]))
    if tag == "DataBin":
        return DataBin(value["fields"], tuple(value.get("shape") or ()))
    if tag in ("SamplerPubResult", "EstimatorPubResult", "PubResult"):
        return PubResult(value["data"], dict(value.get("metadata") or {}), tag)
    if tag == "PrimitiveResult":
        return PrimitiveResult(list(value["pub_results"]), dict(value.get("metadata") or {}))
    return Tagged(tag, value)


def _numpy() -> Any:
    try:
        return importlib.import_module("numpy")
    except ImportError:
        return None


def _ndarray(value: Any) -> Any:
    numpy = _numpy()
    if isinstance(value, (list, int, float)):
        return value if numpy is None else numpy.array(value)
    if not isinstance(value, str):
        raise ResultDecodeError(f"an ndarray of {type(value).__name__}")
    try:
        compressed = base64.standard_b64decode(value)
    except (binascii.Error, ValueError):
        return value  # a named value (an extrapolator such as "linear"), as qiskit keeps it
    inflater = zlib.decompressobj()
    try:
        data = inflater.decompress(compressed, MAX_ARRAY_BYTES)
    except zlib.error as exc:
        raise ResultDecodeError(f"an ndarray is not zlib data: {exc}") from None
    if inflater.unconsumed_tail:
        raise ResultDecodeError(f"an ndarray expands past {MAX_ARRAY_BYTES} bytes")
    if numpy is not None:
        import io

        return numpy.load(io.BytesIO(data), allow_pickle=False)
    return _read_npy(data)


# .npy dtypes (without byte order) and their struct codes.
_STRUCT = {
    "b1": "?",
    "i1": "b",
    "u1": "B",
    "i2": "h",
    "u2": "H",
    "i4": "i",
    "u4": "I",
    "i8": "q",
    "u8": "Q",
    "f2": "e",
    "f4": "f",
    "f8": "d",
    "c8": "f",
    "c16": "d",
}


def _read_npy(data: bytes) -> Any:
    """A ``.npy`` file (format 1.0 to 3.0) as nested lists, without numpy or pickle."""
    if data[:6] != b"\x93NUMPY":
        raise ResultDecodeError("an ndarray is not in .npy format")
    major = data[6]
    size, start = (
        (struct.unpack("<H", data[8:10])[0], 10)
        if major == 1
        else (
            struct.unpack("<I", data[8:12])[0],
            12,
        )
    )
    try:
        header = ast.literal_eval(data[start : start + size].decode("latin-1"))
        descr, fortran, shape = header["descr"], header["fortran_order"], tuple(header["shape"])
    except (ValueError, SyntaxError, KeyError, TypeError):
        raise ResultDecodeError("an ndarray's .npy header is unreadable") from None
    order, kind = ("<", descr) if descr[0] not in "<>|=" else (descr[0], descr[1:])
    if kind not in _STRUCT:
        raise ResultDecodeError(f"an ndarray of dtype {descr!r} (not a number)")
    count = 1
    for length in shape:
        count *= length
    code = _STRUCT[kind]
    parts = count * (2 if kind.startswith("c") else 1)
    body = data[start + size :]
    flat: list[Any] = list(
        struct.unpack(
            f"{'>' if order == '>' else '<'}{parts}{code}", body[: parts * struct.calcsize(code)]
        )
    )
    if kind.startswith("c"):
        flat = [complex(flat[i], flat[i + 1]) for i in range(0, len(flat), 2)]
    if fortran:
        flat = _fortran_to_c(flat, shape)
    return _nest(flat, shape)


def _fortran_to_c(flat: list[Any], shape: tuple[int, ...]) -> list[Any]:
    out: list[Any] = [None] * len(flat)
    for position, item in enumerate(flat):
        index, rest = 0, position
        coordinates = []
        for length in shape:
            coordinates.append(rest % length)
            rest //= length
        for coordinate, length in zip(coordinates, shape, strict=True):
            index = index * length + coordinate
        out[index] = item
    return out


def _nest(flat: list[Any], shape: tuple[int, ...]) -> Any:
    if not shape:
        return flat[0]
    if len(shape) == 1:
        return flat
    step = len(flat) // shape[0] if shape[0] else 0
    return [_nest(flat[i * step : (i + 1) * step], shape[1:]) for i in range(shape[0])]


def _as_lists(array: Any) -> Any:
    return array.tolist() if hasattr(array, "tolist") else array


def _shape(rows: Any) -> list[int]:
    shape = []
    while isinstance(rows, list):
        shape.append(len(rows))
        rows = rows[0] if rows else None
    return shape


def _shots(rows: Any) -> Iterator[list[int]]:
    """Every shot (a list of byte values) below ``rows``, in order."""
    if not rows:
        return
    if isinstance(rows[0], list):
        for row in rows:
            yield from _shots(row)
    else:
        yield rows
