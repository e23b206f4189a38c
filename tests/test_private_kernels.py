"""Test kernels talk over Unix sockets of their own, so two workers never race for a port."""

from __future__ import annotations

import pytest
from nbval import kernel as nbval_kernel

from scripts.refresh_outputs import PrivateKernelManager


def test_each_kernel_gets_sockets_of_its_own_in_the_folder_given(tmp_path):
    first = PrivateKernelManager(kernel_name="python3", socket_dir=str(tmp_path))
    second = PrivateKernelManager(kernel_name="python3", socket_dir=str(tmp_path))
    assert first.transport == second.transport == "ipc"
    assert first.ip.startswith(f"{tmp_path}/msals-kernel-")
    assert first.ip != second.ip


def test_a_kernel_starts_and_answers_over_its_sockets(tmp_path):
    manager = PrivateKernelManager(kernel_name="python3", socket_dir=str(tmp_path))
    manager.start_kernel()
    try:
        client = manager.client()
        client.start_channels()
        client.wait_for_ready(timeout=60)
        reply = client.execute_interactive("21 * 2", store_history=False, timeout=30)
        assert reply["content"]["status"] == "ok"
        assert client.get_connection_info()["transport"] == "ipc"
        assert any(path.is_socket() for path in tmp_path.iterdir())
        client.stop_channels()
    finally:
        manager.shutdown_kernel(now=True)


def test_nbval_kernels_of_the_lessons_tier_use_it(pytestconfig):
    from tests.lessons_plugin import nbval_enabled

    if not nbval_enabled(pytestconfig):
        pytest.skip("the plugin sets nbval up only when --nbval is given (make test)")
    made = nbval_kernel.KernelManager(kernel_name="python3")
    assert isinstance(made, PrivateKernelManager) and made.transport == "ipc"
