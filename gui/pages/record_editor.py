"""A list of records beside their editor, as Parties and Products show them.

Find (Ctrl+F), New, Save (Ctrl+S) and Revert; a new record is added directly, a change goes
on the undo stack as an audited command; what the officer typed is never dropped without a
question, and a refused save keeps every field as it was.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QItemSelection,
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from domain.model import RefError, check_ref
from domain.ports import Database
from domain.progress import CancelToken
from domain.services.records import Edit
from gui.changes import Changes, Record
from gui.context import DeskContext
from gui.dialogs import show_failure
from gui.jobs import JobFunction, OneAtATime
from gui.kit.actions import text_toolbar, window_action
from gui.kit.forms import FieldMessage, changed_signal, with_message
from gui.kit.search import SearchField
from gui.kit.tables import MenuEntry, RecordModel, give_menu, set_up_list
from gui.kit.widgets import make_button, make_label, named
from gui.kit.writes import Change, make_change
from gui.pages.base import QT_TRANSLATE_NOOP, Page
from gui.style import hint_style


class Keyed(Protocol):
    @property
    def ref(self) -> str: ...


R = TypeVar("R", bound=Keyed)
"""The record edited (a party, a product)."""
R_contra = TypeVar("R_contra", bound=Keyed, contravariant=True)


class Add(Protocol[R_contra]):
    """The audited service call that adds a record (``add_record``)."""

    def __call__(self, db: Database, record: R_contra, /, *, actor: str) -> object: ...


class Update(Protocol[R_contra]):
    """The audited service call that replaces a stored record (``update_record``), named in
    the audit log as an edit, an undo or a redo."""

    def __call__(
        self, db: Database, record: R_contra, /, *, actor: str, edit: Edit = ...
    ) -> object: ...


S = TypeVar("S")
"""A row of the list (a party's summary, a product with its classification)."""


class RecordForm(QWidget, Generic[R]):
    """The fields of one record, each with a message under it. Emits ``edited`` when the
    officer changes a field (not while a record is being loaded into them)."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ref = QLineEdit()
        self.messages: dict[str, FieldMessage] = {}
        self._loading = False

    def add_row(self, form: QFormLayout, key: str, label: str, widget: QWidget) -> QWidget:
        """A field and its message as one row of ``form``; returns the row's cell."""
        message = named(FieldMessage(), f"{key}Message")
        self.messages[key] = message
        cell = with_message(widget, message)
        form.addRow(label, cell)
        return cell

    def typed_ref(self) -> tuple[str, str | None]:
        """The ref field: for a new record the reference as it is kept (``check_ref``:
        full-width letters as letters), for a stored one as it is; with what is wrong with
        it (also shown under the field) or None."""
        text = self.ref.text().strip()
        if not text or self.ref.isReadOnly():
            return text, None
        try:
            return check_ref(text), None
        except RefError as error:
            self.messages["ref"].show_error(str(error))
            return text, str(error)

    def watch(self, *fields: QWidget) -> None:
        """Say ``edited`` whenever the officer changes one of ``fields``."""
        for field in fields:
            signal = changed_signal(field, by_index=True)
            assert signal is not None, field
            signal.connect(self._on_field_edited)

    def _on_field_edited(self) -> None:
        if not self._loading:
            self.edited.emit()

    def clear_messages(self) -> None:
        for message in self.messages.values():
            message.clear()

    def load(self, record: R | None) -> None:
        """Show ``record`` (None: empty fields for a new one) without emitting ``edited``."""
        raise NotImplementedError


class RecordEditorPage(Page, Generic[R, S]):
    """A page with the list of one kind of record and the editor of the one selected. Its
    methods are inherited: their texts are translated in the "RecordEditorPage" context.

    ``noun``, ``plural``, ``find_tip``, ``search_placeholder`` and ``revert_tip`` are English
    (object names follow from the first two); a page marks them for translation in its own
    context and they are shown translated (``shown``).

    Signals:
        list_loaded: the list was (re)loaded (its row count).
        record_saved: a record was created or changed (its ref).
    """

    noun = ""
    """What one record is called ("party"); object names and wording follow from it."""
    kind: Record
    """The kind of record edited, as a save announces it."""
    plural = ""
    new_shortcut = "Ctrl+N"
    find_tip = QT_TRANSLATE_NOOP("RecordEditorPage", "Search")
    search_placeholder = ""
    revert_tip = ""
    list_loaded = Signal(int)
    record_saved = Signal(str)

    def __init__(
        self,
        context: DeskContext,
        model: RecordModel[S],
        editor: RecordForm[R],
        *,
        add: Add[R],
        update: Update[R],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, parent)
        self._add = add
        self._update = update
        noun = self.noun.capitalize()
        self.noun_text = self.shown(self.noun)
        """What one record is called, in the officer's language."""
        self.setObjectName(f"{self.plural}Page")
        self._list = OneAtATime(context.jobs, self)
        """The list: a newer request drops what an older one read."""
        self._selected: R | None = None
        self._creating = False
        self._dirty = False
        self._select_after_load: str | None = None
        self.model = model
        self.table = QTableView()
        self.editor = editor
        self.editor.edited.connect(self._on_editor_edited)
        self.save_button = make_button(
            QCoreApplication.translate("RecordEditorPage", "Save"),
            f"save{noun}Button",
            self.save,
            tip=QCoreApplication.translate("RecordEditorPage", "Save the {noun} (Ctrl+S)").format(
                noun=self.noun_text
            ),
        )
        self.revert_button = make_button(
            QCoreApplication.translate("RecordEditorPage", "Revert"),
            f"revert{noun}Button",
            self.revert,
            tip=self.shown(self.revert_tip),
        )
        self.save_message = named(FieldMessage(), f"{self.noun}SaveMessage")

    def shown(self, text: str) -> str:
        """One of the page's English class texts, in the officer's language."""
        if not text:
            return text
        shown = QCoreApplication.translate(type(self).__name__, text)
        if shown == text:  # not the page's own: one of the defaults above
            shown = QCoreApplication.translate("RecordEditorPage", text)
        return shown

    # -- building -------------------------------------------------------------------------

    def _set_up_table(self, shown: QAbstractItemModel, widths: Sequence[int], sort: int) -> None:
        """The list over ``shown`` (the model, or a proxy of it), sorted by column ``sort``."""
        self.table.setModel(shown)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(sort, Qt.SortOrder.AscendingOrder)
        set_up_list(self.table, f"{self.plural}Table", widths, stretch=1)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self.context_menu = give_menu(self.table, self._menu_entries)

    def _menu_entries(self, row: int | None) -> list[MenuEntry]:
        """The list's right-click menu: copy the ref, what the page adds, a new record."""
        entries: list[MenuEntry] = []
        record = None if row is None else self._row_at(self.table.model().index(row, 0))
        if record is not None:
            ref = self._ref_of(record)
            entries.append(
                (
                    QCoreApplication.translate("RecordEditorPage", "Copy {ref}").format(ref=ref),
                    lambda: QApplication.clipboard().setText(ref),
                )
            )
            entries += self._more_entries(record)
            entries.append(None)
        entries.append(self.new_action)
        return entries

    def _ref_of(self, row: S) -> str:
        raise NotImplementedError

    def _more_entries(self, row: S) -> list[MenuEntry]:
        """What else the page offers for the record right-clicked."""
        return []

    def _build_toolbar(self) -> QToolBar:
        noun = self.noun.capitalize()
        bar = text_toolbar(f"{self.plural}Toolbar")
        self.new_action = window_action(
            self,
            QCoreApplication.translate("RecordEditorPage", "New {noun}…").format(
                noun=self.noun_text
            ),
            self.new_shortcut,
            self.new_record,
            f"new{noun}Action",
            QCoreApplication.translate("RecordEditorPage", "Enter a new {noun}").format(
                noun=self.noun_text
            ),
        )
        self.save_action = window_action(
            self,
            QCoreApplication.translate("RecordEditorPage", "Save {noun}").format(
                noun=self.noun_text
            ),
            "Ctrl+S",
            self.save,
            f"save{noun}Action",
            QCoreApplication.translate("RecordEditorPage", "Save the {noun}").format(
                noun=self.noun_text
            ),
        )
        self.find_action = window_action(
            self,
            QCoreApplication.translate("RecordEditorPage", "Find"),
            "Ctrl+F",
            self._on_find,
            f"find{noun}Action",
            self.shown(self.find_tip),
        )  # the search field is made with the list, after the toolbar
        bar.addAction(self.new_action)
        bar.addAction(self.save_action)
        return bar

    def _build_list(self, *beside_search: QWidget) -> QWidget:
        """The search field, anything ``beside_search``, the count, and the list under them."""
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        row = QHBoxLayout()
        self.search = SearchField(self.shown(self.plural), self.shown(self.search_placeholder))
        self.search.setObjectName(f"{self.noun}Search")
        self.count_label = make_label(name=f"{self.noun}Count", style=hint_style())
        row.addWidget(self.search, 1)
        for widget in beside_search:
            row.addWidget(widget)
        row.addWidget(self.count_label)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        return box

    def _on_find(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # -- the list -------------------------------------------------------------------------

    def reload(self) -> None:
        if self._list.later(self.reload):
            return
        work = self._list_work()
        self.count_label.setText(QCoreApplication.translate("RecordEditorPage", "Loading…"))
        self._list.start(
            f"load {self.plural}",
            work,
            on_success=self._on_list_loaded,
            on_failure=self._on_job_failed,
        )
        self._after_reload()

    def _list_work(self) -> JobFunction:
        """The function that reads the list (off the UI thread)."""
        raise NotImplementedError

    def _after_reload(self) -> None:
        """Anything else a reload reads."""

    def _on_list_loaded(self, rows: list[S]) -> None:
        keep = self._select_after_load or (self._selected.ref if self._selected else None)
        self._select_after_load = None
        self._show_rows(rows)
        count = len(rows)
        self.count_label.setText(
            QCoreApplication.translate("RecordEditorPage", "{count} {things}").format(
                count=f"{count:,}",
                things=self.noun_text if count == 1 else self.shown(self.plural),
            )
        )
        if keep is not None:
            self._keep_selected(keep)
        self.list_loaded.emit(count)

    def _show_rows(self, rows: list[S]) -> None:
        self.model.set_rows(rows)

    def _keep_selected(self, ref: str) -> None:
        """Select (and show) the record ``ref`` again after the list was read."""
        raise NotImplementedError

    def _on_job_failed(self, message: str, is_bug: bool) -> None:
        self.count_label.setText("")
        show_failure(self, message, is_bug, self.context.log_file)

    # -- selection ------------------------------------------------------------------------

    def _confirm_discard(self) -> bool:
        """Whether what the officer typed may go (asked only when something was)."""
        if not self._dirty:
            return True
        answer = QMessageBox.question(
            self,
            QCoreApplication.translate("RecordEditorPage", "Unsaved changes"),
            QCoreApplication.translate(
                "RecordEditorPage", "The {noun} has changes that are not saved. Discard them?"
            ).format(noun=self.noun_text),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def _on_table_selection_changed(self, selected: QItemSelection, _: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        row = self._row_at(indexes[0])
        if row is None:
            return
        if self._selected is not None and self._shows(row) and not self._creating:
            return
        if not self._confirm_discard():
            self._on_discard_refused()
            return
        self._open_row(row)

    def _row_at(self, index: QModelIndex) -> S | None:
        """The list row at ``index`` of the table."""
        return self.model.record(index.row())

    def _shows(self, row: S) -> bool:
        """Whether the editor shows the record of ``row`` already."""
        raise NotImplementedError

    def _open_row(self, row: S) -> None:
        raise NotImplementedError

    def _on_discard_refused(self) -> None:
        """The officer kept the changes another selection would have dropped."""

    # -- editing --------------------------------------------------------------------------

    def _set_dirty(self, dirty: bool) -> None:
        self._dirty = dirty
        self.save_button.setEnabled(dirty or self._creating)
        self.save_action.setEnabled(dirty or self._creating)
        self.revert_button.setEnabled(dirty)

    def _on_editor_edited(self) -> None:
        self.save_message.clear()
        self._set_dirty(True)

    def new_record(self) -> None:
        """Empty fields for a new record (once what was typed may go)."""
        if not self._confirm_discard():
            return
        self._creating = True
        self._selected = None
        self.table.clearSelection()
        self.editor.setEnabled(True)
        self.editor.load(None)
        self.save_message.clear()
        self._show_new()
        self._set_dirty(False)
        self._after_new()
        self.editor.ref.setFocus()

    def _show_new(self) -> None:
        """Say that a new record is being entered."""

    def _after_new(self) -> None:
        """Anything the page shows of a new record."""

    def revert(self) -> None:
        self.editor.load(None if self._creating else self._selected)
        self.save_message.clear()
        self._set_dirty(False)

    def save(self) -> None:
        """Save the editor: a new record directly, a change as an undoable command."""
        if not self._creating and self._selected is None:
            return
        record = self._build()
        if record is None:
            return
        if self._creating:
            self._create(record)
            return
        old = self._selected
        assert old is not None
        if record == old:
            self.save_message.show_note(
                QCoreApplication.translate("RecordEditorPage", "No changes to save.")
            )
            self._set_dirty(False)
            return
        self._change(old, record)

    def _build(self) -> R | None:
        """The record the fields describe, or None with the problems shown."""
        raise NotImplementedError

    def _change(self, old: R, new: R) -> None:
        """Replace ``old`` by ``new`` through the write path; Edit > Undo puts ``old`` back."""
        db, actor, update = self.context.db, self.context.actor, self._update
        text = QCoreApplication.translate("RecordEditorPage", "Edit {noun} {ref}").format(
            noun=self.noun_text, ref=new.ref
        )

        def make() -> Change:
            update(db, new, actor=actor)
            return Change(
                text=text,
                apply=lambda edit: update(db, new, actor=actor, edit=edit),
                revert=lambda edit: update(db, old, actor=actor, edit=edit),
                changes=Changes.of(self.kind, refs=[new.ref]),
                ref=new.ref,
            )

        self.save_button.setEnabled(False)
        self.save_message.show_note(QCoreApplication.translate("RecordEditorPage", "Saving…"))
        make_change(
            self.context,
            make,
            name=f"Edit {self.noun} {new.ref}".lower(),
            on_success=lambda _change: self._on_changed(new, text),
            on_failure=self._on_save_failed,
            on_done=lambda change: self._on_command_applied(change.ref),
        )

    def _on_changed(self, record: R, text: str) -> None:
        self._selected = record
        self._set_dirty(False)
        self.save_message.show_note(
            QCoreApplication.translate(
                "RecordEditorPage", "Saved. Undo with Ctrl+Z ({what})."
            ).format(what=text)
        )
        self.record_saved.emit(record.ref)

    def _create(self, record: R) -> None:
        context = self.context
        self.save_button.setEnabled(False)
        self.save_message.show_note(QCoreApplication.translate("RecordEditorPage", "Saving…"))

        add = self._add

        def work(progress: Any, cancel: CancelToken) -> str:
            add(context.db, record, actor=context.actor)
            return record.ref

        context.write(
            f"add {self.noun} {record.ref}",
            work,
            Changes.of(self.kind, refs=[record.ref]),
            on_success=self._on_created,
            on_failure=self._on_save_failed,
        )

    def _on_created(self, ref: str) -> None:
        self._creating = False
        self._set_dirty(False)
        self.save_message.show_note(
            QCoreApplication.translate("RecordEditorPage", "{noun} {ref} created.").format(
                noun=self.noun_text.capitalize(), ref=ref
            )
        )
        self._select_after_load = ref
        self._after_created()
        self.record_saved.emit(ref)
        if not self.isVisible():
            self.reload()

    def _after_created(self) -> None:
        """Anything the page shows once a new record is stored."""

    def _on_save_failed(self, message: str, is_bug: bool) -> None:
        # The fields stay as typed: the officer corrects and saves again.
        self._set_dirty(True)
        if is_bug:
            self.save_message.show_error(
                QCoreApplication.translate(
                    "RecordEditorPage", "Not saved: an internal error occurred."
                )
            )
            show_failure(self, message, True, self.context.log_file)
        else:
            self.save_message.show_error(
                QCoreApplication.translate("RecordEditorPage", "Not saved: {reason}").format(
                    reason=message
                )
            )

    def _on_command_applied(self, ref: str) -> None:
        if self._selected is not None and self._selected.ref == ref and not self._creating:
            # After undo or redo the editor shows what is stored.
            self._reopen(ref)

    def _reopen(self, ref: str) -> None:
        """Show the record ``ref`` as it is stored now."""
        raise NotImplementedError
