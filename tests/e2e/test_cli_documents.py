"""Printed documents from the command line, as an officer uses them on the demonstration data:
print a statement and a decision record, verify the file and the code typed from paper, catch
a tampered file, record the signed copy's return, set the letterhead.

The PDFs come from the real renderer (reports/) and are read back with pypdf.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("reports.renderer", reason="reports/renderer.py (the PDF renderer) is missing")
pypdf = pytest.importorskip("pypdf")

from tests.e2e import test_cli  # noqa: E402
from tests.e2e.test_cli import Run, _command, _json  # noqa: E402

# The command and its environment exactly as tests/e2e/test_cli.py runs them.
cli_env = test_cli.cli_env
run = test_cli.run

AIA_PARTY = "GB-THAMESIDE"  # Tier 1, open orders for a-level items, its certification revoked
AIA_ORDER = "SO-25-0005"  # shipped under AIA
TIER3_PARTY = "CN-XINGHE"


@pytest.fixture(scope="module")
def demo_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demonstration data, checked: built once, copied for each test."""
    folder = tmp_path_factory.mktemp("demo")
    env = dict(os.environ)
    env["DIFFUSION_DESK_DB"] = str(folder / "desk.sqlite3")
    env["DIFFUSION_DESK_LOG"] = str(folder / "desk.log")
    command, import_root = _command()
    if import_root is not None:
        env["PYTHONPATH"] = import_root
    for args in (
        ["demo"],
        ["check", "--pending"],
        ["settings", "--letterhead-name", "Demo Exports Ltd.", "--officer", "Dana Reyes, ECO"],
    ):
        done = subprocess.run(
            [*command, *args], env=env, capture_output=True, text=True, timeout=300, check=False
        )
        assert done.returncode == 0, done.stderr
    return folder / "desk.sqlite3"


@pytest.fixture
def demo(demo_database: Path, cli_env: dict[str, str]) -> Path:
    target = Path(cli_env["DIFFUSION_DESK_DB"])
    for suffix in ("", "-wal", "-shm"):
        source = demo_database.with_name(demo_database.name + suffix)
        if source.exists():
            shutil.copy(source, target.with_name(target.name + suffix))
    return target


def printed(run: Run, *args: str) -> Any:
    """The JSON document a command printed with --json (checking it succeeded)."""
    return _json(run(*args, *(() if "--json" in args else ("--json",))))


def pdf_text(path: Path) -> str:
    reader = pypdf.PdfReader(BytesIO(path.read_bytes()))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def verify(run: Run, target: str | Path) -> tuple[int, Any]:
    done = run("verify", str(target), "--json")
    return done.returncode, json.loads(done.stdout)


def test_an_aia_statement_is_printed_registered_and_verifies_as_genuine(
    run: Run, demo: Path, tmp_path: Path
) -> None:
    out = tmp_path / "aia.pdf"
    document = printed(
        run, "statement", "aia", AIA_PARTY, "--out", str(out), "--signer", "Eleanor Whitcombe, MD"
    )
    assert document["kind"] == "aia_statement"
    assert document["number"].startswith("AIA-")
    assert document["number"].endswith("-0001")
    assert document["file"] == str(out)
    assert document["party_ref"] == AIA_PARTY
    assert not (tmp_path / "aia.pdf.part").exists()
    text = pdf_text(out)
    for expected in (
        "Thameside Compute Ltd",
        "Eleanor Whitcombe",
        document["number"],
        document["verification_code"],
        "3A090.a",
    ):
        assert expected in text
    status, result = verify(run, out)
    assert status == 0
    assert result["genuine"] is True
    assert result["standing"] == "current"
    assert result["document"]["number"] == document["number"]
    assert result["document"]["file_sha256"] == document["file_sha256"]


def test_a_tampered_file_is_not_genuine_and_exits_2_naming_the_document(
    run: Run, demo: Path, tmp_path: Path
) -> None:
    out = tmp_path / "aia.pdf"
    document = printed(run, "statement", "aia", AIA_PARTY, "--out", str(out))
    data = out.read_bytes()
    tampered = tmp_path / "tampered.pdf"
    tampered.write_bytes(data + b"\n% saved again by another program\n")
    status, result = verify(run, tampered)
    assert status == 2
    assert result["genuine"] is False
    assert result["document"]["number"] == document["number"]
    assert "this file differs from the one generated" in result["message"]
    middle = len(data) // 2
    flipped = tmp_path / "flipped.pdf"
    flipped.write_bytes(data[:middle] + bytes([data[middle] ^ 0x20]) + data[middle + 1 :])
    status, result = verify(run, flipped)
    assert status == 2
    assert result["genuine"] is False
    done = run("verify", str(tampered))
    assert done.returncode == 2
    assert "NOT GENUINE" in done.stdout
    assert "not genuine" in done.stderr
    garbage = tmp_path / "invoice.pdf"
    garbage.write_bytes(b"not a pdf at all")
    status, result = verify(run, garbage)
    assert status == 2
    assert result["document"] is None


def test_a_code_typed_from_paper_verifies_however_it_is_typed(
    run: Run, demo: Path, tmp_path: Path
) -> None:
    document = printed(run, "record", AIA_ORDER, "--out", str(tmp_path / "record.pdf"))
    code = document["verification_code"]
    for typed in (code, code.lower().replace("-", " "), code.replace("-", "")):
        status, result = verify(run, typed)
        assert status == 0, result
        assert result["genuine"] is True
        assert result["document"]["number"] == document["number"]
    status, result = verify(run, "AAAA-BBBB-CCCC")
    assert status == 2
    assert result["genuine"] is False


def test_a_decision_record_carries_the_decision_and_is_superseded_by_a_new_check(
    run: Run, demo: Path, tmp_path: Path
) -> None:
    out = tmp_path / "record.pdf"
    document = printed(run, "record", AIA_ORDER, "--out", str(out))
    assert document["number"].startswith("DR-")
    assert document["order_ref"] == AIA_ORDER
    text = pdf_text(out)
    assert AIA_ORDER in text
    assert "Authorized" in text
    assert "株式会社青嶺コンピューティング" in text
    assert verify(run, out)[1]["standing"] == "current"
    printed(run, "check", AIA_ORDER, "--json")
    status, result = verify(run, out)
    assert status == 0
    assert result["genuine"] is True
    assert result["standing"] == "superseded"


def test_the_signed_copy_returned_records_the_aia_certification(
    run: Run, demo: Path, tmp_path: Path
) -> None:
    document = printed(run, "statement", "aia", AIA_PARTY, "--out", str(tmp_path / "aia.pdf"))
    returned = printed(
        run,
        "returned",
        document["number"],
        "--signed-on",
        document["generated_at"][:10],
        "--signer",
        "Eleanor Whitcombe, Managing Director",
        "--json",
    )
    assert returned["signed_by"] == ["Eleanor Whitcombe, Managing Director"]
    standing = printed(run, "quota", AIA_PARTY, "--json")
    certification = standing["aia"]["certification"]
    assert certification["signed_on"] == document["generated_at"][:10]
    assert certification["signers"] == ["Eleanor Whitcombe, Managing Director"]
    again = run("returned", document["number"], "--signed-on", "2026-12-01", "--signer", "X")
    assert again.returncode == 2
    assert "already recorded" in again.stderr


def test_refused_statements_exit_2_and_write_nothing(run: Run, demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    refused = run("statement", "aia", TIER3_PARTY, "--out", str(out))
    assert refused.returncode == 2
    assert "Tier 3" in refused.stderr
    unknown = run("statement", "aia", "NO-SUCH-PARTY", "--out", str(out))
    assert unknown.returncode == 2
    assert "unknown party" in unknown.stderr
    unwritable = run("statement", "aia", AIA_PARTY, "--out", str(tmp_path / "missing" / "x.pdf"))
    assert unwritable.returncode == 2
    assert "cannot write the file" in unwritable.stderr
    assert list(tmp_path.glob("*.pdf*")) == []
    # Nothing was registered: the next statement still gets the first number.
    document = printed(run, "statement", "aia", AIA_PARTY, "--out", str(out))
    assert document["number"].endswith("-0001")


def test_the_other_documents_print(run: Run, demo: Path, tmp_path: Path) -> None:
    notice = printed(run, "notice", AIA_ORDER, "--out", str(tmp_path / "notice.pdf"))
    assert notice["number"].startswith("SN-")
    assert "License Exception Artificial Intelligence Authorization" in pdf_text(
        tmp_path / "notice.pdf"
    )
    lpp = printed(
        run, "statement", "lpp", "SG-LIONCITY", "--year", "2026", "--out", str(tmp_path / "l.pdf")
    )
    assert lpp["number"].startswith("LPP-")
    assert lpp["year"] == 2026
    report = printed(run, "report", "quota", "--out", str(tmp_path / "quota.pdf"))
    assert report["number"].startswith("QR-")
    not_aia = run("notice", "SO-26-0085", "--out", str(tmp_path / "n.pdf"))
    assert not_aia.returncode == 2
    assert "not authorized under AIA" in not_aia.stderr


def test_the_letterhead_is_set_once_and_printed_on_every_document(
    run: Run, demo: Path, tmp_path: Path
) -> None:
    before = printed(run, "settings", "--letterhead-name", "", "--json")  # the default again
    assert before["letterhead_set"] is False
    assert before["page_size"] == "A4"
    refused = run("statement", "aia", AIA_PARTY, "--out", str(tmp_path / "none.pdf"))
    assert refused.returncode == 2
    assert "letterhead is not set" in refused.stderr
    assert "diffusion-desk settings --letterhead-name" in refused.stderr
    assert not (tmp_path / "none.pdf").exists()
    after = printed(
        run,
        "settings",
        "--letterhead-name",
        "Diffusion Exports, Inc.",
        "--letterhead-address",
        "1 Main Street",
        "--letterhead-address",
        "Springfield, VA 22150",
        "--letterhead-contact",
        "export.compliance@example.com",
        "--page-size",
        "letter",
        "--json",
    )
    assert after["letterhead"]["address_lines"] == ["1 Main Street", "Springfield, VA 22150"]
    assert after["page_size"] == "Letter"
    assert after["letterhead_set"] is True
    out = tmp_path / "aia.pdf"
    done = run("statement", "aia", AIA_PARTY, "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert "letterhead is not set" not in done.stderr
    text = pdf_text(out)
    assert "Diffusion Exports, Inc." in text
    assert "by Dana Reyes, ECO" in text  # the officer as configured
    assert "test.officer" not in text  # never the login the command ran under
    width, height = pypdf.PdfReader(BytesIO(out.read_bytes())).pages[0].mediabox[2:]
    assert (round(float(width)), round(float(height))) == (612, 792)
    bad = run("settings", "--page-size", "A3")
    assert bad.returncode == 2
    assert "unknown page size" in bad.stderr


# -- verifying what people bring back ---------------------------------------------------------


def test_the_qr_payload_is_reported_and_verifies_as_a_scanner_types_it(
    run: Run, demo: Path, tmp_path: Path
) -> None:
    out = tmp_path / "aia.pdf"
    document = printed(run, "statement", "aia", AIA_PARTY, "--out", str(out))
    payload = document["qr_payload"]
    assert payload == (
        f"DDESK1|{document['number']}|{document['verification_code']}|{document['content_hash']}"
    )
    status, result = verify(run, payload)
    assert status == 0
    assert result["genuine"] is True
    assert result["document"]["number"] == document["number"]
    forged = payload[:-1] + ("0" if payload[-1] != "0" else "1")
    status, result = verify(run, forged)
    assert status == 2
    assert "content hash is not the registered one" in result["message"]


@pytest.mark.parametrize("dpi", [100, 90])
def test_the_qr_code_decodes_from_a_page_scanned_at_fax_resolution(
    run: Run, demo: Path, tmp_path: Path, dpi: int
) -> None:
    pdftoppm, zbarimg = shutil.which("pdftoppm"), shutil.which("zbarimg")
    if pdftoppm is None or zbarimg is None:
        pytest.fail(
            "poppler-utils and zbar-tools are not installed: scripts/ensure-system-libs.sh test"
        )
    out = tmp_path / "aia.pdf"
    document = printed(run, "statement", "aia", AIA_PARTY, "--out", str(out))
    for mode, suffix in (("-png", "png"), ("-mono", "pbm")):
        subprocess.run(
            [
                pdftoppm,
                "-r",
                str(dpi),
                mode,
                "-f",
                "1",
                "-l",
                "1",
                str(out),
                str(tmp_path / "page"),
            ],
            check=True,
        )
        (image,) = tmp_path.glob(f"page*.{suffix}")
        decoded = subprocess.run(
            [zbarimg, "-q", "--raw", str(image)], capture_output=True, text=True, check=False
        )
        assert decoded.stdout.strip() == document["qr_payload"], (mode, decoded.stderr)
        image.unlink()


def test_a_text_file_is_not_a_pdf(run: Run, demo: Path, tmp_path: Path) -> None:
    notes = tmp_path / "notes.pdf"
    notes.write_text("Minutes of the meeting\n", encoding="utf-8")
    status, result = verify(run, notes)
    assert status == 2
    assert "is not a PDF" in result["message"]
    assert "Stream" not in result["message"]


def test_a_huge_file_is_refused_at_once_without_reading_it(
    run: Run, demo: Path, tmp_path: Path
) -> None:
    huge = tmp_path / "huge.pdf"
    with huge.open("wb") as handle:
        handle.truncate(1024**3)  # sparse: 1 GiB that takes no disk
    done = run("verify", str(huge))
    assert done.returncode == 2
    assert "1,024 MB" in done.stderr
    assert "verification code" in done.stderr


def test_an_encrypted_copy_asks_for_the_code_instead_of_failing(
    run: Run, demo: Path, tmp_path: Path
) -> None:
    qpdf = shutil.which("qpdf")
    if qpdf is None:
        pytest.fail("qpdf is not installed: scripts/ensure-system-libs.sh test")
    out = tmp_path / "aia.pdf"
    printed(run, "statement", "aia", AIA_PARTY, "--out", str(out))
    for name, user in (("user.pdf", "secret"), ("owner.pdf", "")):
        locked = tmp_path / name
        subprocess.run(
            [qpdf, "--encrypt", user, "owner-secret", "256", "--", str(out), str(locked)],
            check=True,
        )
        done = run("verify", str(locked))
        assert done.returncode == 2, done.stderr
        assert "encrypted" in done.stderr
        assert "verification code" in done.stderr
        assert "internal error" not in done.stderr


def test_a_genuine_statement_printed_as_images_is_never_called_a_forgery(
    run: Run, demo: Path, tmp_path: Path
) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        pytest.fail("poppler-utils is not installed: scripts/ensure-system-libs.sh test")
    out = tmp_path / "aia.pdf"
    printed(run, "statement", "aia", AIA_PARTY, "--out", str(out))
    subprocess.run([pdftoppm, "-r", "72", "-png", str(out), str(tmp_path / "img")], check=True)
    printed_pdf = tmp_path / "printed.pdf"
    canvas = Canvas(str(printed_pdf), pagesize=A4)
    for image in sorted(tmp_path.glob("img*.png")):
        canvas.drawImage(str(image), 0, 0, width=A4[0], height=A4[1])
        canvas.showPage()
    canvas.save()
    done = run("verify", str(printed_pdf))
    assert done.returncode == 2
    assert "carries no text" in done.stderr
    assert "verification code" in done.stderr
    assert "not genuine" not in done.stderr.casefold()


def test_a_revoked_statement_says_so_on_its_first_line(
    run: Run, demo: Path, tmp_path: Path
) -> None:
    document = printed(run, "statement", "aia", AIA_PARTY, "--out", str(tmp_path / "aia.pdf"))
    signed = document["generated_at"][:10]
    printed(run, "returned", document["number"], "--signed-on", signed, "--signer", "E. W.")
    revocation = tmp_path / "revoked.csv"
    revocation.write_text(
        "party_ref,type,year,signed_on,signer,prior_receipts_tpp,weights_storage_attested,"
        "submitted_to_bis_on,revoked_on\n"
        f"{AIA_PARTY},aia,,{signed},E. W.,,false,,{signed}\n",
        encoding="utf-8",
    )
    assert run("import", "certifications", str(revocation)).returncode == 0
    done = run("verify", document["verification_code"])
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == f"GENUINE, BUT REVOKED ON {signed}"
    _, result = verify(run, document["verification_code"])
    assert result["headline"] == f"GENUINE, BUT REVOKED ON {signed}"
    assert result["since"] == signed
