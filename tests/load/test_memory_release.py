"""components/serving/settings.py: memory is released once sessions have closed, not while they open."""

from __future__ import annotations

import gc

from components.serving.settings import ClosedSessionSweeper, release_memory


class FakeServer:
    def __init__(self) -> None:
        self.sessions: list[object] = []

    def get_sessions(self) -> list[object]:
        return self.sessions


def test_release_runs_when_sessions_have_closed_and_only_then():
    server, released = FakeServer(), []
    sweeper = ClosedSessionSweeper(server, release=lambda: released.append(len(server.sessions)))
    for count in (0, 3, 10, 10, 4, 4, 0, 0, 2):
        server.sessions = [object()] * count
        sweeper.check()
    assert released == [4, 0]


def test_release_memory_collects_reference_cycles():
    class Node:
        pass

    node = Node()
    node.self = node
    count = len([o for o in gc.get_objects() if isinstance(o, Node)])
    del node
    release_memory()
    assert len([o for o in gc.get_objects() if isinstance(o, Node)]) == count - 1
