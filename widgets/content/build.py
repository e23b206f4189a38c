"""Build typed, frozen objects from validated data: one generic builder for every file.

``build(Model, data)`` reads the dataclass's fields and type hints and converts each
value: nested dataclasses, ``tuple[X, ...]``, fixed ``tuple[X, Y]``, ``list[X]``,
``dict[str, X]``, ``X | None``, and ``int``/``float``/``str``/``bool`` (an ``int`` stays an
``int`` in a ``float`` field, so numbers print as they are written). A field's YAML
key is its name, or ``field(metadata={"key": "from"})`` where the name is a Python
keyword. A key missing from the data takes the field's default.

The data has been checked against its schema before this runs, so a mismatch here is a
programming error (the model and its schema disagree): it raises ``TypeError`` naming
the model, the field and the value.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from functools import cache
from typing import Any, TypeVar, Union

T = TypeVar("T")

KEY = "key"  # field metadata: the data's key when it differs from the field's name


def key(name: str) -> dict[str, str]:
    """Metadata for a data key that cannot be a field name: ``field(metadata=key("from"))``."""
    return {KEY: name}


@cache
def _fields(cls: type) -> tuple[tuple[str, str, Any, bool], ...]:
    """(field name, data key, type, has a default) for each init field of a dataclass."""
    hints = typing.get_type_hints(cls)
    return tuple(
        (
            f.name,
            f.metadata.get(KEY, f.name),
            hints[f.name],
            f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING,
        )
        for f in dataclasses.fields(cls)
        if f.init
    )


def build(cls: type[T], data: Any, where: str = "") -> T:
    """``data`` (plain dicts and lists, already validated) as an instance of ``cls``."""
    return _convert(cls, data, where or cls.__name__)


def _convert(hint: Any, value: Any, where: str) -> Any:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        options = [a for a in args if a is not type(None)]
        if len(options) != 1:
            raise TypeError(f"{where}: only 'X | None' unions are supported, not {hint}")
        return _convert(options[0], value, where)
    if dataclasses.is_dataclass(hint):
        return _dataclass(hint, value, where)
    if origin is tuple:
        _expect(value, list, hint, where)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_convert(args[0], v, f"{where}[{i}]") for i, v in enumerate(value))
        if len(args) != len(value):
            raise TypeError(f"{where}: expected {len(args)} items for {hint}, got {value!r}")
        return tuple(
            _convert(a, v, f"{where}[{i}]")
            for i, (a, v) in enumerate(zip(args, value, strict=True))
        )
    if origin is list:
        _expect(value, list, hint, where)
        return [_convert(args[0], v, f"{where}[{i}]") for i, v in enumerate(value)]
    if origin is dict:
        _expect(value, dict, hint, where)
        return {k: _convert(args[1], v, f"{where}.{k}") for k, v in value.items()}
    if hint is Any:
        return value
    if hint is float:  # an int is a float here (as in type checkers), and is kept as written
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise TypeError(f"{where}: expected a number, got {value!r}")
        return value
    if hint in (int, str, bool):
        if not isinstance(value, hint) or (hint is int and isinstance(value, bool)):
            raise TypeError(f"{where}: expected {hint.__name__}, got {value!r}")
        return value
    raise TypeError(f"{where}: the builder does not handle the type {hint!r}")


def _dataclass(cls: type, value: Any, where: str) -> Any:
    _expect(value, dict, cls, where)
    fields = _fields(cls)
    known = {data_key for _, data_key, _, _ in fields}
    extra = sorted(set(value) - known)
    if extra:
        raise TypeError(f"{where}: {cls.__name__} has no field for {', '.join(extra)}")
    kwargs = {}
    for name, data_key, hint, has_default in fields:
        if data_key in value:
            kwargs[name] = _convert(hint, value[data_key], f"{where}.{data_key}")
        elif not has_default:
            raise TypeError(f"{where}: {cls.__name__}.{name} has no value and no default")
    return cls(**kwargs)


def _expect(value: Any, kind: type, hint: Any, where: str) -> None:
    if not isinstance(value, kind):
        raise TypeError(f"{where}: expected {kind.__name__} for {hint}, got {value!r}")
