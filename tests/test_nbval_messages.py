"""nbval's kernel messages are pretty-printed only when debug logging would write them."""

from __future__ import annotations

import logging
import pprint
from types import SimpleNamespace

from nbval import kernel as nbval_kernel

from tests.lessons_plugin import LazyFormat


class CountedRepr:
    """A message part that counts how often it is formatted."""

    calls = 0

    def __repr__(self) -> str:
        CountedRepr.calls += 1
        return "<part>"


def _get_message(message):
    fake = SimpleNamespace(kc=SimpleNamespace(get_iopub_msg=lambda timeout=None: message))
    return nbval_kernel.RunningKernel.get_message(fake, "iopub")


def test_lazy_format_reads_as_pformat():
    message = {"header": {"msg_type": "comm_open"}, "content": {"data": list(range(40))}}
    assert str(LazyFormat(message)) == pprint.pformat(message)


def test_a_message_is_not_formatted_while_debug_logging_is_off(caplog):
    CountedRepr.calls = 0
    message = {"content": {"part": CountedRepr()}}
    with caplog.at_level(logging.INFO, logger=nbval_kernel.logger.name):
        assert _get_message(message) is message
    assert CountedRepr.calls == 0  # nbval's own pformat(msg) formatted it every time


def test_debug_logging_still_writes_the_whole_message(caplog):
    CountedRepr.calls = 0
    message = {"content": {"part": CountedRepr()}}
    with caplog.at_level(logging.DEBUG, logger=nbval_kernel.logger.name):
        _get_message(message)
    assert CountedRepr.calls >= 1
    assert "'part': <part>" in caplog.text
