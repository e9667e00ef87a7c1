"""The fields of one party, checked as the officer saves."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from PySide6.QtWidgets import QComboBox, QFormLayout, QPlainTextEdit, QWidget

from domain.errors import DomainError
from domain.model import Language, Party, Role, VeuStatus
from gui.kit.forms import validation_messages
from gui.kit.pickers import CountryEdit
from gui.kit.widgets import make_line_edit, named
from gui.pages.parties.labels import FIELD_LABELS, ROLE_LABELS, VEU_LABELS, shown
from gui.pages.record_editor import RecordForm


class PartyEditor(RecordForm[Party]):
    """The fields of one party. Emits ``edited`` whenever the officer changes one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ref.setObjectName("partyRef")
        self.ref.setPlaceholderText(self.tr("Short unique reference, e.g. DE-MUELLER"))
        self.name = make_line_edit(name="partyName")
        self.aliases = named(QPlainTextEdit(), "partyAliases")
        self.aliases.setPlaceholderText(self.tr("One alias per line"))
        self.aliases.setTabChangesFocus(True)
        self.aliases.setFixedHeight(58)
        self.address = named(QPlainTextEdit(), "partyAddress")
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(48)
        self.country = named(CountryEdit(), "partyCountry")
        self.hq_country = named(CountryEdit(), "partyHqCountry")
        self.parent_name = make_line_edit(name="partyParentName", placeholder=self.tr("None"))
        self.parent_hq_country = named(CountryEdit(), "partyParentHq")
        self.parent_hq_country.setPlaceholderText(self.tr("Headquarters of the ultimate parent"))
        self.role = named(QComboBox(), "partyRole")
        for role, label in ROLE_LABELS.items():
            self.role.addItem(shown(label), role.value)
        self.veu = named(QComboBox(), "partyVeu")
        for status, label in VEU_LABELS.items():
            self.veu.addItem(shown(label), status.value)
        self.veu_country = named(CountryEdit(), "partyVeuCountry")
        self.veu_country.setPlaceholderText(self.tr("The country the NVEU covers"))
        self.veu_id = make_line_edit(name="partyVeuId", placeholder=self.tr("e.g. UVEU-25-0007"))

        form = QFormLayout(self)
        form.setContentsMargins(4, 8, 4, 4)
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(6)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        rows: list[tuple[str, QWidget]] = [
            ("ref", self.ref),
            ("name", self.name),
            ("aliases", self.aliases),
            ("address", self.address),
            ("country", self.country),
            ("hq_country", self.hq_country),
            ("parent_name", self.parent_name),
            ("parent_hq_country", self.parent_hq_country),
            ("role", self.role),
            ("veu", self.veu),
            ("veu_country", self.veu_country),
            ("veu_id", self.veu_id),
        ]
        for key, widget in rows:
            self.add_row(form, key, shown(FIELD_LABELS[key]) + self.tr(":"), widget)
        self.language = named(QComboBox(), "partyLanguage")
        self.language.addItem(self.tr("English"), Language.EN.value)
        self.language.addItem("简体中文", Language.ZH_CN.value)  # a language's own name
        self.language.setAccessibleName(self.tr("Correspondence language"))
        self.language.setToolTip(
            self.tr(
                "For a party reading Chinese, the AIA statement adds a Chinese courtesy "
                "translation of the commitments; the English text stays the binding one."
            )
        )
        self.add_row(form, "language", self.tr("Correspondence language:"), self.language)
        self.watch(*(widget for _key, widget in rows), self.language)
        self.veu.currentIndexChanged.connect(self._on_veu_current_index_changed)
        self._on_veu_current_index_changed()

    def current_veu(self) -> VeuStatus:
        return VeuStatus(self.veu.currentData() or VeuStatus.NONE.value)

    def current_role(self) -> Role:
        return Role(self.role.currentData() or Role.OTHER.value)

    def _on_veu_current_index_changed(self) -> None:
        status = self.current_veu()
        self.veu_country.setEnabled(status is VeuStatus.NVEU)
        self.veu_id.setEnabled(status is not VeuStatus.NONE)

    def load(self, party: Party | None) -> None:
        self._loading = True
        try:
            self.clear_messages()
            self.ref.setText(party.ref if party else "")
            self.ref.setReadOnly(party is not None)
            self.ref.setToolTip(
                self.tr(
                    "The ref identifies the party in orders and the audit log; it cannot change."
                )
                if party
                else ""
            )
            self.name.setText(party.name if party else "")
            self.aliases.setPlainText("\n".join(party.aliases) if party else "")
            self.address.setPlainText(party.address if party else "")
            self.country.set_code(party.country if party else None)
            self.hq_country.set_code(party.hq_country if party else None)
            self.parent_name.setText((party.parent_name or "") if party else "")
            self.parent_hq_country.set_code(party.parent_hq_country if party else None)
            role = party.role if party else Role.END_USER
            self.role.setCurrentIndex(self.role.findData(role.value))
            veu = party.veu if party else VeuStatus.NONE
            self.veu.setCurrentIndex(self.veu.findData(veu.value))
            self.veu_country.set_code(party.veu_country if party else None)
            self.veu_id.setText((party.veu_id or "") if party else "")
            language = party.language if party else Language.EN
            self.language.setCurrentIndex(self.language.findData(language.value))
        finally:
            self._loading = False

    def build(self) -> Party | None:
        """The party the fields describe, or None with a message at each field in error."""
        self.clear_messages()
        ref, ref_problem = self.typed_ref()
        values: dict[str, Any] = {
            "ref": ref,
            "name": self.name.text().strip(),
            "aliases": tuple(
                line.strip() for line in self.aliases.toPlainText().splitlines() if line.strip()
            ),
            "address": self.address.toPlainText().strip(),
            "parent_name": self.parent_name.text().strip() or None,
            "role": self.current_role(),
            "veu": self.current_veu(),
            # The authorization number belongs to a VEU holder only (a disabled field is cleared).
            "veu_id": (self.veu_id.text().strip() or None) if self.veu_id.isEnabled() else None,
            "language": Language(self.language.currentData() or Language.EN.value),
        }
        ok = True
        for key, edit, required in (
            ("country", self.country, True),
            ("hq_country", self.hq_country, True),
            ("parent_hq_country", self.parent_hq_country, False),
            ("veu_country", self.veu_country, False),
        ):
            if not edit.isEnabled():
                values[key] = None
                continue
            try:
                values[key] = edit.code()
            except DomainError as error:
                self.messages[key].show_error(str(error))
                ok = False
                continue
            if values[key] is None and required:
                self.messages[key].show_error(
                    self.tr("{field} is required").format(field=shown(FIELD_LABELS[key]))
                )
                ok = False
        if values["veu"] is VeuStatus.NONE:
            values["veu_id"] = None
        for key in ("ref", "name"):
            if not values[key]:
                self.messages[key].show_error(
                    self.tr("{field} is required").format(field=shown(FIELD_LABELS[key]))
                )
                ok = False
        if ref_problem is not None:
            ok = False
        if not ok:
            return None
        try:
            return Party(**values)
        except ValidationError as error:
            for item, text in zip(
                error.errors(), validation_messages(error, FIELD_LABELS), strict=True
            ):
                location = [str(part) for part in item.get("loc", ()) if not isinstance(part, int)]
                target = location[0] if location and location[0] in self.messages else None
                if target is None and "veu_country" in text:
                    target = "veu_country"
                elif target is None and "parent" in text:
                    target = "parent_name"
                self.messages[target or "name"].show_error(
                    text.replace("veu_country", "the NVEU country").replace(
                        "parent_hq_country is given without parent_name",
                        "a parent headquarters needs the parent's name",
                    )
                )
            return None
