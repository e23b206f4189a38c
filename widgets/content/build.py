"""Build typed, frozen objects from validated data: one generic builder for every file.

``build(Model, data)`` reads the dataclass's fields and type hints and converts each
value: nested dataclasses, ``tuple[X, ...]``, fixed ``tuple[X, Y]``, ``list[X]``,
``dict[str, X]``, ``X | None``, and ``int``/``float``/``str``/``bool`` (an ``int`` stays an
``int`` in a ``float`` field, so numbers print as they are written). A field's YAML
key is its name, or ``field(metadata=key("from"))`` where the name is a Python
keyword. A key missing from the data takes the field's default.

The data has been checked against its schema before this runs, so a mismatch here is a
programming error (the model and its schema disagree): it raises ``TypeError`` naming
the model, the field and the value.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable
from functools import cache
from typing import Any, TypeVar, Union

T = TypeVar("T")

KEY = "key"  # field metadata: the data's key when it differs from the field's name


def key(name: str) -> dict[str, str]:
    """Metadata for a data key that cannot be a field name: ``field(metadata=key("from"))``."""
    return {KEY: name}


class _Mismatch(Exception):
    """The data does not fit the model; the path is filled in on the way out."""

    def __init__(self, problem: str):
        super().__init__(problem)
        self.problem = problem
        self.path: list[int | str] = []  # list positions and keys, innermost first


def build(cls: type[T], data: Any, where: str = "") -> T:
    """``data`` (plain dicts and lists, already validated) as an instance of ``cls``."""
    try:
        return _converter(cls)(data)
    except _Mismatch as error:
        steps = "".join(f"[{s}]" if isinstance(s, int) else f".{s}" for s in reversed(error.path))
        raise TypeError(f"{where or cls.__name__}{steps}: {error.problem}") from None


def _at(step: int | str, convert: Callable[[Any], Any], value: Any) -> Any:
    try:
        return convert(value)
    except _Mismatch as error:
        error.path.append(step)
        raise


@cache
def _converter(hint: Any) -> Callable[[Any], Any]:
    """A function that converts one value to ``hint``, made once per type."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (Union, types.UnionType):
        options = [a for a in args if a is not type(None)]
        if len(options) != 1 or len(args) != 2:
            raise TypeError(f"only 'X | None' unions are supported, not {hint}")
        inner = _converter(options[0])
        return lambda value: None if value is None else inner(value)
    if dataclasses.is_dataclass(hint):
        return _dataclass(hint)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        item = _converter(args[0])
        return lambda value: tuple(
            _at(i, item, v) for i, v in enumerate(_expect(value, list, hint))
        )
    if origin is tuple:
        items = [_converter(a) for a in args]

        def fixed(value: Any) -> tuple:
            if len(_expect(value, list, hint)) != len(items):
                raise _Mismatch(f"expected {len(items)} items for {hint}, got {value!r}")
            return tuple(_at(i, c, v) for i, (c, v) in enumerate(zip(items, value, strict=True)))

        return fixed
    if origin is list:
        item = _converter(args[0])
        return lambda value: [_at(i, item, v) for i, v in enumerate(_expect(value, list, hint))]
    if origin is dict:
        item = _converter(args[1])
        return lambda value: {k: _at(k, item, v) for k, v in _expect(value, dict, hint).items()}
    if hint is Any:
        return lambda value: value
    if hint is float:  # an int is a float here (as in type checkers), and is kept as written
        return lambda value: value if _is_number(value) else _fail("a number", value)
    if hint in (int, str, bool):
        return lambda value: (
            value
            if isinstance(value, hint) and not (hint is int and isinstance(value, bool))
            else _fail(hint.__name__, value)
        )
    raise TypeError(f"the builder does not handle the type {hint!r}")


def _dataclass(cls: type) -> Callable[[Any], Any]:
    hints = typing.get_type_hints(cls)
    fields = [
        (
            f.name,
            f.metadata.get(KEY, f.name),
            f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING,
        )
        for f in dataclasses.fields(cls)
        if f.init
    ]
    known = {data_key for _, data_key, _ in fields}
    converters = {name: _converter(hints[name]) for name, _, _ in fields}

    def convert(value: Any) -> Any:
        _expect(value, dict, cls)
        extra = sorted(set(value) - known)
        if extra:
            raise _Mismatch(f"{cls.__name__} has no field for {', '.join(extra)}")
        kwargs = {}
        for name, data_key, has_default in fields:
            if data_key in value:
                kwargs[name] = _at(data_key, converters[name], value[data_key])
            elif not has_default:
                raise _Mismatch(f"{cls.__name__}.{name} has no value and no default")
        return cls(**kwargs)

    return convert


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _fail(expected: str, value: Any) -> Any:
    raise _Mismatch(f"expected {expected}, got {value!r}")


def _expect(value: Any, kind: type, hint: Any) -> Any:
    if not isinstance(value, kind):
        raise _Mismatch(f"expected {kind.__name__} for {hint}, got {value!r}")
    return value
