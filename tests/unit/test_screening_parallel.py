"""Screening many parties on every core: the same results, in the same order, as one by one."""

from __future__ import annotations

import os
from collections.abc import Sequence

from domain.screening.index import BULK_CHUNK, ScreeningIndex
from domain.screening.matching import ListedParty, ScreeningQuery
from domain.screening.parallel import available_workers, map_chunks

ENTRIES = [
    ListedParty(entry_id="cetc", names=("China Electronics Technology Group Corporation",)),
    ListedParty(
        entry_id="zp", names=("Zenthora Photonics Co. Ltd.", "Zenthora"), countries=("SG",)
    ),
    ListedParty(entry_id="hw", names=("Huawei Technologies Co., Ltd.",), countries=("CN",)),
]


def _square_with_pid(state: int, numbers: Sequence[int]) -> list[tuple[int, int]]:
    return [(number * number + state, os.getpid()) for number in numbers]


def test_chunks_come_back_in_order_from_forked_workers() -> None:
    results = [
        item
        for part in map_chunks(_square_with_pid, 1, range(50), chunk=7, workers=2)
        for item in part
    ]
    assert [value for value, _ in results] == [n * n + 1 for n in range(50)]
    if available_workers() > 1:
        assert {pid for _, pid in results} != {os.getpid()}  # computed in the workers


def test_one_worker_or_one_chunk_runs_here() -> None:
    for workers, chunk in ((1, 3), (2, 100)):
        results = [
            i
            for p in map_chunks(_square_with_pid, 0, range(10), chunk=chunk, workers=workers)
            for i in p
        ]
        assert {pid for _, pid in results} == {os.getpid()}
        assert [value for value, _ in results] == [n * n for n in range(10)]


def test_an_abandoned_run_ends_its_workers() -> None:
    runs = map_chunks(_square_with_pid, 0, range(100), chunk=5, workers=2)
    first = next(runs)
    assert [value for value, _ in first] == [0, 1, 4, 9, 16]
    runs.close()  # a Stop: the pool is terminated, nothing is left running
    assert next(iter(map_chunks(_square_with_pid, 0, range(4), chunk=2, workers=2)))


def test_many_parties_screened_on_two_cores_match_one_by_one() -> None:
    index = ScreeningIndex.build(ENTRIES)
    names = ["Zenthora Photonics", "Maple Compute", "CETC Group", "Huawei Technologies", "Acme"]
    queries = [
        ScreeningQuery(names=(names[n % len(names)], f"Alias {n}"), countries=("SG",))
        for n in range(2 * BULK_CHUNK + 3)
    ]
    serial = index.screen_many(queries, workers=1)
    shared = index.screen_many(queries, workers=2)
    assert shared == serial
    assert sum(1 for found in serial if found) >= 2 * BULK_CHUNK // len(names)
