"""Finding the fonts that print any script, and saying clearly when there is none."""

from __future__ import annotations

from pathlib import Path

import pytest

from domain.errors import DomainError
from reports import fonts
from reports.fonts import FONT_ENV, FontsMissingError, find_body_font, load_fonts, visual

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def test_fonts_are_found_and_registered_once_per_process() -> None:
    first = load_fonts()
    assert load_fonts() is first
    assert Path(first.body_file).is_file()


def test_the_body_font_covers_accented_latin_greek_cyrillic_and_cjk() -> None:
    _, font = find_body_font()
    covered = font.face.charToGlyph
    for ch in "ÄéßçŁΩЖж华智株コ누리":
        assert ord(ch) in covered, ch


def test_headings_fall_back_to_the_body_font_for_what_the_heading_font_lacks() -> None:
    loaded = load_fonts()
    runs = loaded.heading_runs("Müller 华芯智算 (Huayuan) Жук")
    assert "".join(chunk for _, chunk in runs) == "Müller 华芯智算 (Huayuan) Жук"
    cjk = [font for font, chunk in runs if "华" in chunk]
    assert cjk == [loaded.body]
    if loaded.heading != loaded.body:
        assert runs[0] == (loaded.heading, "Müller ")


def test_bold_markup_escapes_the_text() -> None:
    markup = load_fonts().bold("Müller & Söhne <GmbH>")
    assert "&amp;" in markup
    assert "&lt;GmbH&gt;" in markup


def test_a_font_without_cjk_is_refused_with_the_package_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if not DEJAVU.is_file():
        pytest.skip("DejaVu Sans is not installed")
    monkeypatch.setenv(FONT_ENV, str(DEJAVU))
    with pytest.raises(FontsMissingError, match="fonts-wqy-microhei"):
        find_body_font()


def test_a_named_font_file_that_does_not_exist_is_refused(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(FONT_ENV, str(tmp_path / "missing.ttc"))
    with pytest.raises(FontsMissingError, match=FONT_ENV):
        find_body_font()


def test_no_suitable_font_anywhere_is_a_known_error_naming_the_package(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv(FONT_ENV, raising=False)
    monkeypatch.setattr(fonts, "_FONT_DIRS", (str(tmp_path),))
    monkeypatch.setattr(fonts, "_fontconfig", lambda family: [])
    with pytest.raises(FontsMissingError) as caught:
        find_body_font()
    assert isinstance(caught.value, DomainError)
    assert "apt-get install fonts-wqy-microhei" in str(caught.value)


def test_a_truetype_font_named_by_the_environment_is_used(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    body_file, _ = find_body_font()
    monkeypatch.setenv(FONT_ENV, body_file)
    assert find_body_font()[0] == body_file


def test_left_to_right_text_is_laid_out_as_it_is() -> None:
    for text in ("Müller & Söhne", "华芯智算科技有限公司", "누리별 인공지능", "ООО «Север»"):
        assert visual(text) is text


def test_right_to_left_runs_are_reversed_in_place_with_arabic_letters_joined() -> None:
    laid_out = visual("Oasis Grid; واحة الشبكة")
    assert laid_out.startswith("Oasis Grid; ")
    arabic = laid_out.removeprefix("Oasis Grid; ")
    assert all("\ufe70" <= ch <= "\ufefc" or ch == " " for ch in arabic)  # joined forms
    assert visual("שלום (Shalom)") == "םולש (Shalom)"


def test_characters_the_body_font_lacks_fall_back_to_a_font_that_has_them() -> None:
    loaded = load_fonts()
    if loaded.fallback is None:
        pytest.skip("DejaVu Sans is not installed")
    runs = loaded.body_runs("Oasis واحة")
    assert runs[0] == (loaded.body, "Oasis ")
    assert runs[1][0] == loaded.fallback


# Legal names as customers write them, one per script the desk must print.
NAMES = {
    "Thai": "บริษัท ไทยเบฟเวอเรจ จำกัด (มหาชน)",
    "Devanagari": "टाटा कंसल्टेंसी सर्विसेज़ लिमिटेड",
    "Khmer": "ក្រុមហ៊ុន អេស៊ីលីដា",
    "Hebrew": 'שמש אחזקות בע"מ',
    "Arabic": "واحة الشبكة لمراكز البيانات",
    "Chinese": "华为技术有限公司",
    "Japanese": "株式会社青嶺コンピューティング",
    "Korean": "누리별 인공지능 주식회사",
    "Bengali": "গ্রামীণফোন লিমিটেড",
    "Tamil": "தமிழ்நாடு மின்சார வாரியம்",
    "Myanmar": "မြန်မာ ကွန်ပျူတာ",
    "Lao": "ບໍລິສັດ ລາວ ໂທລະຄົມ",
    "Georgian": "საქართველოს ბანკი",
    "Armenian": "Հայաստանի Էլեկտրական Ցանցեր",
    "Sinhala": "ශ්‍රී ලංකා ටෙලිකොම්",
}


@pytest.mark.parametrize("script", sorted(NAMES))
def test_every_script_customers_write_in_has_a_font(script: str) -> None:
    assert load_fonts().missing(NAMES[script]) == ""


def test_what_no_font_has_is_named() -> None:
    assert load_fonts().missing("Vithkuqi 𐕰𐕱 Ltd") == "𐕰𐕱"
