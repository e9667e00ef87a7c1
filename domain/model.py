"""The records an officer keeps, as values: parties, products, orders and paperwork.

These are the engine's inputs. Their fields follow the CSV formats of the command-line
contract, so storage can fill them from rows without reshaping.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    Field,
    StringConstraints,
    model_validator,
)

from domain.countries import CountryCode
from domain.frozen import Strict
from domain.lookalike import hidden_character, without_hidden
from domain.numbers import ZERO, ExactNonNegative, ExactPositive
from domain.screening.results import ScreeningState

MAX_QUANTITY = 1_000_000_000
"""Units per order line; larger is a typing error, and it fits a 32-bit database column."""

REF_RULE = (
    "a reference begins with a letter or digit, then letters and digits with . _ - / : + # & ( ) "
    "and single spaces between them; it may not contain |, ; or quotes"
)
REF_PATTERN = r"^\w(?: ?[\w.\-/:+#&()])*$"
"""The safe alphabet of references: records, ledger keys (``|``) and file formats (``;``)
rely on it, and as a reference begins with a letter or digit, never with ``=`` ``+`` ``-``
``@``, no spreadsheet takes one for a formula. Checked by pydantic's own (Rust) regular
expressions: imports check 10^5 refs."""


class RefError(ValueError):
    """A text that is not a valid reference; ``problem`` says why (without the text)."""

    def __init__(self, text: str, problem: str) -> None:
        super().__init__(f"{text!r} is not a valid reference: {problem}")
        self.problem = problem


def check_ref(text: str) -> str:
    """A new reference as the records keep it, or RefError saying what is wrong with it.

    The reference is kept in NFKC form (full-width ``ＳＧ－ＬＩＯＮ`` is ``SG-LION``), and may
    hold no character that cannot be seen: an invisible one (zero-width space or joiner, soft
    hyphen, word joiner, byte order mark), a right-to-left control or a control character,
    each named in the message, as ``SG-LION\\u200bCITY`` shows as ``SG-LIONCITY`` and would be a
    party of its own. Stored references are read as they are: this is the door new ones pass.
    """
    usual = text
    if not (text.isascii() and text.isprintable()):
        usual = unicodedata.normalize("NFKC", text)
        hidden = hidden_character(text) or hidden_character(usual)
        if hidden is not None:
            raise RefError(text, f"it contains {hidden}")
    if re.fullmatch(REF_PATTERN, usual) is None:
        if usual[:1] in ("=", "+", "-", "@"):
            raise RefError(
                text,
                f"it begins with {usual[0]!r}, which a spreadsheet takes for a formula; {REF_RULE}",
            )
        raise RefError(text, REF_RULE)
    return usual


def ref_looked_up(text: str) -> str:
    """The reference an officer means by ``text`` when looking a record up: in NFKC form and
    without characters that cannot be seen (no new reference holds one), so a ref pasted with
    a zero-width space, or typed in full-width letters, finds the record it shows as."""
    text = text.strip()
    if text.isascii() and text.isprintable():
        return text
    return without_hidden(unicodedata.normalize("NFKC", text)).strip()


def error_message(detail: Mapping[str, Any]) -> str:
    """A pydantic error in the desk's words (where pydantic's would quote a pattern)."""
    if detail.get("type") == "string_pattern_mismatch" and "ref" in str(detail.get("loc", "")):
        return f"{detail.get('input')!r} is not a valid reference: {REF_RULE}"
    return str(detail.get("msg", "invalid")).removeprefix("Value error, ")


Ref = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=64, pattern=REF_PATTERN),
]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
ListedName = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=300, pattern=r"^[^;]*$"),
]
"""A name kept in a list (aliases, signers): ``;`` separates list items in CSV files."""
OptionalText = Annotated[str, StringConstraints(strip_whitespace=True, max_length=300)]
Tpp = ExactNonNegative
PositiveTpp = ExactPositive


class Role(StrEnum):
    END_USER = "end_user"
    DATACENTER_OPERATOR = "datacenter_operator"
    CLOUD_PROVIDER = "cloud_provider"
    DISTRIBUTOR = "distributor"
    RESEARCH = "research"
    OTHER = "other"


class VeuStatus(StrEnum):
    NONE = "none"
    UVEU = "uveu"
    NVEU = "nveu"


class Language(StrEnum):
    """The language a party reads its correspondence in. Paper stays English (what BIS
    prescribes); a party that reads Chinese gets a courtesy translation beside it."""

    EN = "en"
    ZH_CN = "zh_CN"


class Owner(Strict):
    """One owner of a party and its share (rules.md section 9, "Ownership").

    An owner that is itself a party keeps its ref in ``owner_party_ref``.
    """

    party_ref: Ref
    owner_name: Name
    owner_country: CountryCode
    share_percent: float = Field(gt=0, le=100, allow_inf_nan=False)
    owner_party_ref: Ref | None = None


class Party(Strict):
    """A customer or end user (rules.md section 3)."""

    ref: Ref
    name: Name
    aliases: tuple[ListedName, ...] = ()
    address: str = ""
    country: CountryCode
    """Where the party is located."""
    hq_country: CountryCode
    parent_name: OptionalText | None = None
    parent_hq_country: CountryCode | None = None
    role: Role = Role.OTHER
    veu: VeuStatus = VeuStatus.NONE
    veu_country: CountryCode | None = None
    """For an NVEU: the country its authorization covers."""
    veu_id: Ref | None = None
    language: Language = Language.EN
    """The language of its correspondence (the AIA statement's courtesy translation)."""

    @model_validator(mode="after")
    def _veu_is_complete(self) -> Party:
        if self.veu is VeuStatus.NVEU and self.veu_country is None:
            raise ValueError(
                "an NVEU holder needs veu_country: the country its authorization covers"
            )
        if self.veu is VeuStatus.NONE and (self.veu_country or self.veu_id):
            raise ValueError(
                "veu_country and veu_id are for a VEU holder: give veu uveu or nveu, or leave "
                "them empty"
            )
        if self.parent_hq_country is not None and not self.parent_name:
            raise ValueError("parent_hq_country is given without parent_name")
        return self


class ProductKind(StrEnum):
    IC = "ic"
    SYSTEM = "system"
    MODEL_WEIGHTS = "model_weights"
    IAAS_TRAINING = "iaas_training"
    OTHER = "other"


class Product(Strict):
    """A catalog item. ``tpp`` is per IC; a system holds ``ics_per_unit`` of them."""

    ref: Ref
    name: Name
    kind: ProductKind
    tpp: Tpp | None = None
    die_area_mm2: Annotated[float, Field(gt=0, allow_inf_nan=False)] | None = None
    datacenter: bool = True
    ics_per_unit: Annotated[int, Field(ge=1)] = 1
    training_operations: Annotated[float, Field(ge=0, allow_inf_nan=False)] | None = None
    published: bool = False

    @model_validator(mode="after")
    def _figures_fit_kind(self) -> Product:
        if self.kind in (ProductKind.IC, ProductKind.SYSTEM) and self.tpp is None:
            raise ValueError(f"a product of kind {self.kind.value} needs its TPP per IC")
        if (
            self.kind in (ProductKind.MODEL_WEIGHTS, ProductKind.IAAS_TRAINING)
            and self.training_operations is None
        ):
            raise ValueError(f"a product of kind {self.kind.value} needs training_operations")
        if self.kind is ProductKind.IC and self.ics_per_unit != 1:
            raise ValueError("an IC has ics_per_unit 1; use kind system for boards and servers")
        return self


class OrderLine(Strict):
    product_ref: Ref
    quantity: Annotated[int, Field(gt=0, le=MAX_QUANTITY)]


class RedFlagResolution(Strict):
    """How the officer resolved Red Flag 28 (IaaS training for a non-Tier-1 customer)."""

    resolved_on: date
    resolved_by: Name
    note: Name


class Order(Strict):
    """An order: one consignee, an optional separate end user, a destination and lines."""

    ref: Ref
    date: date
    consignee_ref: Ref
    end_user_ref: Ref | None = None
    destination: CountryCode | None = None
    """Defaults to the consignee's location."""
    lines: tuple[OrderLine, ...] = Field(min_length=1)
    red_flag_28_resolution: RedFlagResolution | None = None


Serial = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=100, pattern=r"^\S+$"),
]
"""A unit's serial number as printed on its label: one word, no spaces."""


def fold_serial(serial: str) -> str:
    """A serial as serials are compared, on import and on site: stripped, letters in capitals
    (a label read as "1650123abc" and as "1650123ABC" is one unit)."""
    return serial.strip().upper()


class ShippedUnit(Strict):
    """One unit shipped on an order: its product and its serial number (rules.md section
    10). Serial numbers are unique per product."""

    order_ref: Ref
    shipment_ref: Ref
    shipped_on: date
    product_ref: Ref
    serial: Serial

    @property
    def serial_key(self) -> tuple[str, str]:
        """What makes a unit unique: its product and its serial as compared (fold_serial)."""
        return (self.product_ref, fold_serial(self.serial))


def _after_signing(signed_on: date, **dates: date | None) -> None:
    """A certification is submitted to BIS or revoked on or after the day it was signed."""
    for name, day in dates.items():
        if day is not None and day < signed_on:
            raise ValueError(
                f"{name} {day.isoformat()} is before the certification was signed "
                f"({signed_on.isoformat()})"
            )


class AiaCertification(Strict):
    """The consignee's one-time AIA certification (§ 740.27(b)(2))."""

    party_ref: Ref
    signed_on: date
    signers: tuple[ListedName, ...] = ()
    weights_storage_attested: bool = False
    submitted_to_bis_on: date | None = None
    revoked_on: date | None = None

    @model_validator(mode="after")
    def _dates_in_order(self) -> AiaCertification:
        _after_signing(self.signed_on, submitted_to_bis_on=self.submitted_to_bis_on)
        _after_signing(self.signed_on, revoked_on=self.revoked_on)
        return self

    def in_force_on(self, day: date) -> bool:
        return self.signed_on <= day and (self.revoked_on is None or day < self.revoked_on)

    def submitted_by(self, day: date) -> bool:
        return self.submitted_to_bis_on is not None and self.submitted_to_bis_on <= day


class LppCertification(Strict):
    """The consignee's LPP certification for one calendar year (§ 740.29)."""

    party_ref: Ref
    year: Annotated[int, Field(ge=2000, le=2200)]
    signed_on: date
    signer: OptionalText = ""
    prior_receipts_tpp: Tpp = ZERO
    revoked_on: date | None = None

    @model_validator(mode="after")
    def _dates_in_order(self) -> LppCertification:
        _after_signing(self.signed_on, revoked_on=self.revoked_on)
        return self

    def in_force_on(self, day: date) -> bool:
        return (
            self.year == day.year
            and self.signed_on <= day
            and (self.revoked_on is None or day < self.revoked_on)
        )


class LicenseCovers(StrEnum):
    A_LEVEL = "a_level"
    MODEL_WEIGHTS = "model_weights"


class License(Strict):
    """A BIS licence and what is left of it."""

    number: Ref
    party_ref: Ref
    destination: CountryCode
    covers: LicenseCovers
    tpp: Tpp = ZERO
    """Authorized a-level TPP (not used for model weights)."""
    used_tpp: Tpp = ZERO
    valid_from: date
    valid_to: date

    @model_validator(mode="after")
    def _valid_period(self) -> License:
        if self.valid_to < self.valid_from:
            raise ValueError("valid_to is before valid_from")
        return self

    @property
    def remaining_tpp(self) -> Decimal:
        return max(self.tpp - self.used_tpp, ZERO)

    def valid_on(self, day: date) -> bool:
        return self.valid_from <= day <= self.valid_to


class VeuFootprint(Strict):
    """A VEU holder's installed a-level TPP in one country, from sources other than ours."""

    party_ref: Ref
    country: CountryCode
    installed_tpp: Tpp


class CountrySetting(Strict):
    """A destination's Tier 2 allocation standing."""

    country: CountryCode
    g2g_agreement: bool = False
    external_allocation_used_tpp: Tpp = ZERO
    """Allocation used by other exporters, as reported."""
    our_allocation_used_tpp: Tpp = ZERO
    """Allocation used by our own licensed shipments."""

    @property
    def allocation_used_tpp(self) -> Decimal:
        return self.external_allocation_used_tpp + self.our_allocation_used_tpp


class Standing(Strict):
    """What a consignee has already consumed, as the ledgers know it on the order's date.

    ``lpp_shipped_tpp`` counts our earlier LPP shipments in the order's calendar year;
    ``veu_footprint`` is the installed a-level TPP by country, from other sources plus our
    earlier VEU shipments.
    """

    lpp_shipped_tpp: Tpp = ZERO
    aia_cumulative_tpp: Tpp = ZERO
    veu_footprint: Mapping[CountryCode, Tpp] = Field(default_factory=dict)
    aia_certification: AiaCertification | None = None
    lpp_certification: LppCertification | None = None
    licenses: tuple[License, ...] = ()


class EvaluationContext(Strict):
    """Everything evaluation needs besides the order and the ruleset."""

    consignee: Party
    end_user: Party | None = None
    products: Mapping[str, Product]
    standing: Standing = Standing()
    country: CountrySetting | None = None
    """The destination's allocation standing; ``None`` means nothing used, no G2G agreement."""
    screening: Mapping[str, ScreeningState] = {}
    """Restricted-party screening of the order's parties and of their owners that are parties,
    by party ref; empty when no list has been imported (screening then adds no finding)."""
    field_audits: Mapping[str, tuple[int, ...]] = {}
    """Field-audit visits with discrepancies not yet resolved, by party ref (rules.md section
    10): such a party's orders are held."""


Record = (
    Party
    | Product
    | Order
    | AiaCertification
    | LppCertification
    | License
    | VeuFootprint
    | CountrySetting
    | Owner
    | ShippedUnit
)
"""A record the desk keeps, of any kind a CSV file holds (certifications hold both AIA and
LPP)."""
