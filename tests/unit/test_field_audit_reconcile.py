"""Reconciling expected against found serials on site (rules.md section 10), and reading
the serials an auditor brings back in a file."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.fieldaudit.reconcile import Expected, Reconciler, SerialClass, reconcile
from domain.fieldaudit.scans import ScanFileError, read_serials

EXPECTED = [
    Expected("1654922012345", "H100", "SO-1", "Singapore DC-1"),
    Expected("1654922012346", "H100", "SO-1", "Singapore DC-1"),
    Expected("1654922012347", "H100", "SO-1", "Singapore DC-1"),
    Expected("hgx4278418984", "HGX8", "SO-2", "Johor DC-2"),
]
ELSEWHERE = {"1654922099999": "MY-ACE"}


def test_every_class_of_the_rules_is_given_and_named() -> None:
    scanned = [
        "1654922012345",
        " 1654922012346 ",
        "1654922012345",  # the same label read twice
        "HGX4278418984",  # shipped to this party for its other site
        "1654922099999",  # shipped to another party
        "ZZZ1",  # never shipped by the desk
    ]
    found = reconcile("Singapore DC-1", EXPECTED, ELSEWHERE, scanned)
    assert found.to_json() == {
        "expected": 3,
        "found": 2,
        "missing": ["1654922012347"],
        "unexpected": [
            {"serial": "1654922099999", "shipped_to": "MY-ACE"},
            {"serial": "ZZZ1", "shipped_to": None},
        ],
        "duplicate": ["1654922012345"],
        "relocated": ["hgx4278418984"],
    }
    assert found.discrepancies == 4


def test_a_scan_is_classified_as_it_is_read() -> None:
    reconciler = Reconciler("Singapore DC-1", EXPECTED, ELSEWHERE)
    assert reconciler.classify("1654922012345").kind is SerialClass.FOUND
    assert reconciler.scan("1654922012345").kind is SerialClass.FOUND
    assert reconciler.scan("1654922012345").kind is SerialClass.DUPLICATE
    assert reconciler.scan("1654922099999").shipped_to == "MY-ACE"
    assert reconciler.result().found == ("1654922012345",)


@given(
    st.lists(st.sampled_from(["A1", "A2", "A3", "B1", "C1", "C2", "Z9"]), max_size=30),
)
def test_every_expected_serial_is_found_or_missing_and_every_scan_is_counted_once(
    scanned: list[str],
) -> None:
    expected = [Expected(s, "P", "SO-1", "here") for s in ("A1", "A2", "A3")]
    expected += [Expected("B1", "P", "SO-2", "there")]
    result = reconcile("here", expected, {"C1": "X"}, scanned)
    assert len(result.found) + len(result.missing) == 3
    seen = len(result.found) + len(result.unexpected) + len(result.relocated)
    assert seen + len(result.duplicate) == len(scanned)
    assert len(set(scanned)) == seen


def test_a_plain_list_a_csv_and_nvidia_smi_output_are_read() -> None:
    assert read_serials(b"SN1\n\nSN2\r\n", "scans.txt").serials == ("SN1", "SN2")
    csv_file = read_serials(b"rack,serial\nR1,SN3\nR2,SN4\n", "rack.csv")
    assert (csv_file.serials, csv_file.format) == (("SN3", "SN4"), "csv")
    smi = (
        "index, name, serial, uuid\n"
        "0, NVIDIA H100 80GB HBM3, 1654922012345, GPU-6f1b0d1e-2c33-4a7e-9a55-0b8f6a1c2d3e\n"
        "1, NVIDIA H100 80GB HBM3, [N/A], GPU-0e5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d\n"
    )
    read = read_serials(smi.encode(), "node7.csv")
    assert (read.serials, read.format) == (("1654922012345",), "nvidia-smi")
    assert read.notes == (
        "node7.csv, row 3: no readable serial (1, NVIDIA H100 80GB HBM3, "
        "[N/A], GPU-0e5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d)",
    )


def test_a_bad_file_is_refused_naming_the_row() -> None:
    with pytest.raises(ScanFileError, match=r"scans.txt, row 2: expected a serial number"):
        read_serials(b"SN1\nSN 2\n", "scans.txt")
    with pytest.raises(ScanFileError, match=r"rack.csv, row 3, field serial"):
        read_serials(b"rack,serial\nR1,SN3\nR2,two words\n", "rack.csv")
    with pytest.raises(ScanFileError, match="not UTF-8"):
        read_serials(b"\xff\xfeS\x00", "utf16.txt")
