"""Hostile and broken CSV files against every import: never a crash, every refusal named.

Each file is a good export of the demonstration desk, damaged by a seeded mutation (a cell
emptied, garbled, made huge, negative, NaN, a formula, invisible characters, bytes that are
not UTF-8, a row cut short or lengthened, the header changed, columns swapped ...). An
import must either take the file (exit 0) or refuse it (exit 2) naming the row, and the
field where there is one. An exit 1 (an internal error, a bug) fails the test.

``DESK_BAD_INPUT_FILES`` sets how many files (default 300; the campaign ran 2,100).
"""

from __future__ import annotations

import csv
import io
import os
import random
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from app.cli import main
from tests.clock import clock_on

KINDS = (
    "parties",
    "products",
    "orders",
    "certifications",
    "licenses",
    "footprints",
    "countries",
    "shipments",
)
FILES = int(os.environ.get("DESK_BAD_INPUT_FILES", "300"))

_GARBAGE = [
    "",
    " ",
    '=HYPERLINK("http://x","click")',
    "+SUM(1)",
    "-1+2",
    "@SUM(A1)",
    "-5",
    "NaN",
    "inf",
    "1e400",
    "99999999999999999999999",
    "0",
    "2026-02-30",
    "31/12/2026",
    "SG-LION\u200bCITY",
    "\u202eLTR",
    "\x00",
    "x" * 5000,
    "中华人民共和国",
    "true",
    "maybe",
    "ZZ",
    "a;b;c",
    '"',
    "\n",
]


def _mutate(rows: list[list[str]], rng: random.Random) -> bytes:
    """One damaged copy of a file's rows, as bytes."""
    rows = [list(row) for row in rows]
    kind = rng.randrange(12)
    body = rows[1:] or [[""] * len(rows[0])]
    row = rng.choice(body)
    column = rng.randrange(len(row)) if row else 0
    if kind <= 4 and row:
        row[column] = rng.choice(_GARBAGE)
    elif kind == 5 and row:
        del row[column]
    elif kind == 6:
        row.append(rng.choice(_GARBAGE))
    elif kind == 7 and len(rows[0]) > 1:
        header = rows[0]
        first, second = rng.sample(range(len(header)), 2)
        header[first], header[second] = header[second], header[first]
    elif kind == 8:
        rows[0][rng.randrange(len(rows[0]))] = rng.choice(["", "Ref", "unknown_column", "tpp"])
    elif kind == 9:
        rows = rows[: rng.randrange(1, len(rows) + 1)]
        rows.append(list(rng.choice(body)))  # a row twice
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    data = out.getvalue().encode("utf-8")
    if kind == 10:
        cut = rng.randrange(len(data))
        data = data[:cut] + bytes([rng.randrange(256)]) + data[cut + 1 :]
    elif kind == 11:
        data = data[: rng.randrange(len(data))]
    return data


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, list[list[str]]]]:
    folder = tmp_path_factory.mktemp("bad-input")
    path = folder / "desk.sqlite3"
    assert main(["--db", str(path), "demo"], clock=clock_on()) == 0
    files: dict[str, list[list[str]]] = {}
    for kind in KINDS:
        out = folder / f"{kind}.csv"
        assert main(["--db", str(path), "export", kind, "--out", str(out)], clock=clock_on()) == 0
        rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))
        if len(rows) > 1:
            files[kind] = rows[:40]
    return path, files


def _run(path: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["--db", str(path), *args], clock=clock_on())
    return code, capsys.readouterr().err


_NAMED = re.compile(r"row \d+")
_FILE_LEVEL = ("empty", "header", "column", "UTF-8", "UTF-16", "encoding", "no rows", "not a CSV")


def test_damaged_files_are_taken_or_refused_by_row_and_field_never_a_crash(
    desk: tuple[Path, dict[str, list[list[str]]]],
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    database, files = desk
    rng = random.Random(20261205)
    outcomes = {0: 0, 2: 0}
    unnamed: list[str] = []
    kinds = sorted(files)
    for number in range(FILES):
        kind = kinds[number % len(kinds)]
        data = _mutate(files[kind], rng)
        source = tmp_path / f"{kind}-{number}.csv"
        source.write_bytes(data)
        # Every tenth file is imported for real (all or nothing), on a copy of the desk.
        target = database
        args = ["import", kind, str(source)]
        if number % 10:
            args.append("--dry-run")
        else:
            target = tmp_path / "copy.sqlite3"
            shutil.copyfile(database, target)
        code, err = _run(target, *args, capsys=capsys)
        assert code in (0, 2), f"{source.name}: exit {code}\n{err}\n{data[:400]!r}"
        outcomes[code] += 1
        if code == 2 and not (_NAMED.search(err) or any(word in err for word in _FILE_LEVEL)):
            unnamed.append(f"{source.name}: {err.strip()}")
    assert not unnamed, "\n".join(unnamed[:10])
    assert outcomes[2] > FILES // 4  # the mutations do damage: most files are refused


def test_a_refused_real_import_writes_nothing(
    desk: tuple[Path, dict[str, list[list[str]]]],
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    database, files = desk
    target = tmp_path / "copy.sqlite3"
    shutil.copyfile(database, target)
    rows = [list(row) for row in files["products"]]
    rows.append(["NEW-CHIP", "New chip", "ic", "1000", "", "true", "1", "", "false"])
    rows.append(["BROKEN", "Broken", "ic", "-5", "", "true", "1", "", "false"])
    source = tmp_path / "products.csv"
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    source.write_text(out.getvalue(), encoding="utf-8")
    code, err = _run(target, "import", "products", str(source), capsys=capsys)
    assert code == 2
    assert re.search(r"row \d+, field 'tpp'", err) or "tpp" in err
    export: Callable[[], int] = lambda: main(  # noqa: E731
        ["--db", str(target), "export", "products", "--out", str(tmp_path / "after.csv")],
        clock=clock_on(),
    )
    assert export() == 0
    assert "NEW-CHIP" not in (tmp_path / "after.csv").read_text(encoding="utf-8")
