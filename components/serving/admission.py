"""Arriving visitors' pages are built one at a time, so the visitors already working are answered
in between.

A page request is one synchronous piece of work of ~10-20 ms (the visitor's session created, its
HTML rendered: Panel's DocHandler.get). When a class opens the link at once, a hundred of them
are ready in the same turn of the event loop, and asyncio runs every callback that is ready
before it looks at the sockets again: a slider change of a visitor already working, read in that
turn's select, waited behind all of them (benchmarks/class_arrival.py: lag p95 ~1 s while 100
arrived). Behind this gate one arrival is built per turn: the next is woken by the release, with
``call_soon``, and so runs in the next turn, after the messages read by that turn's select. The
arrivals take as long in all (the same CPU, in a row), and the working visitors wait for one
page build at most.
"""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager


class ArrivalGate:
    """Admits ``at_once`` page builds at a time, first come first served, per event loop
    (a process may run several servers, e.g. tests; an asyncio.Semaphore belongs to one loop)."""

    def __init__(self, at_once: int = 1, turns_between: int = 4) -> None:
        self.at_once = at_once
        self.turns_between = turns_between
        self._semaphores: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Semaphore] = (
            weakref.WeakKeyDictionary())
        self.waiting = 0  # requests queued at the gate now (for tests and monitoring)

    def _semaphore(self) -> asyncio.Semaphore:
        loop = asyncio.get_running_loop()
        semaphore = self._semaphores.get(loop)
        if semaphore is None:
            semaphore = self._semaphores[loop] = asyncio.Semaphore(self.at_once)
        return semaphore

    @asynccontextmanager
    async def admitted(self) -> AsyncIterator[None]:
        """Inside: this request's turn (it may have waited for the ones before it)."""
        semaphore = self._semaphore()
        self.waiting += 1
        try:
            await semaphore.acquire()
        finally:
            self.waiting -= 1
        try:
            # A request's whole page build is synchronous, so without a wait the semaphore would
            # never be contended: the next turn of the loop, its select first, then this build.
            for _ in range(self.turns_between):
                await asyncio.sleep(0)
            yield
        finally:
            semaphore.release()
