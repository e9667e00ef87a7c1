"""The records the rules read, as the audit chain vouches for them (EAR Part 762).

Every write transaction that changes one of these records ends with a ``seal`` audit entry:
for each record it touched, the digest of the record's state as the rules read it (or None
when it is gone). ``audit verify`` reads every record again and compares it with the last
digest the chain sealed for it, so an edit made outside the desk (a party renamed, a
product's TPP lowered, an LPP certification's prior receipts set to 0, an order line's
quantity changed after its decision, a cancelled flag cleared) is found and named, even
when the append-only triggers were dropped first.

A state is what the records' repositories give back, dumped to JSON, without the figures the
ledgers own (a licence's used TPP, a country's own allocation used): those are verified
against the ledger entries, and a decision must not have to seal the licence it draws on.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date
from enum import StrEnum
from typing import Any, Final

from domain.audit import canonical_json, sha256_hex
from domain.ports import StoredOrder, UnitOfWork

SEAL_ACTION: Final = "seal"
SEAL_ENTITY: Final = "record"
SEAL_CHUNK: Final = 5_000
"""Records a baseline seal entry holds at most, so no entry grows without bound."""


class StateKind(StrEnum):
    """The kinds of record sealed, named as the audit log names them."""

    PARTY = "party"
    PRODUCT = "product"
    ORDER = "order"
    LICENSE = "license"
    AIA = "aia_certification"
    LPP = "lpp_certification"
    FOOTPRINT = "footprint"
    COUNTRY = "country"
    OWNERS = "owners"
    DOCUMENT = "document"
    SETTING = "setting"
    CHECKLISTS = "checklists"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS: Final = {
    StateKind.PARTY: "party",
    StateKind.PRODUCT: "product",
    StateKind.ORDER: "order",
    StateKind.LICENSE: "licence",
    StateKind.AIA: "AIA certification",
    StateKind.LPP: "LPP certification",
    StateKind.FOOTPRINT: "VEU footprint",
    StateKind.COUNTRY: "country setting",
    StateKind.OWNERS: "owners of party",
    StateKind.DOCUMENT: "registered document",
    StateKind.SETTING: "setting",
    StateKind.CHECKLISTS: "red-flag checklists of order",
}

State = Any
"""A record's state: JSON values (a dict, a list of dicts, or a string)."""


def state_digest(kind: StateKind, state: State) -> str:
    """The digest the chain keeps of one record's state (128 bits of SHA-256)."""
    return sha256_hex(canonical_json([kind.value, state]))[:32]


def aia_key(party_ref: str, signed_on: date) -> str:
    return f"{party_ref}@{signed_on.isoformat()}"


def lpp_key(party_ref: str, year: int) -> str:
    return f"{party_ref}@{year}"


def footprint_key(party_ref: str, country: str) -> str:
    return f"{party_ref}@{country}"


def _split(key: str) -> tuple[str, str]:
    party_ref, _, rest = key.rpartition("@")
    return party_ref, rest


# -- reading states by key ------------------------------------------------------------------


def _dump(value: Any) -> State:
    return value.model_dump(mode="json")


def _party(party: Any) -> State:
    # A party reading English is sealed as it was before parties had a language, so the
    # seals written then still vouch for it; any other language is part of its state.
    state = _dump(party)
    if state.get("language") == "en":
        del state["language"]
    return state


def order_state(order: Any) -> State:
    """The state of an order just added (open, as written): what reading it back gives."""
    return _dump(StoredOrder(order=order))


def _licence(value: Any) -> State:
    return _dump(value.model_copy(update={"used_tpp": 0.0}))


def _country(value: Any) -> State:
    return _dump(value.model_copy(update={"our_allocation_used_tpp": 0.0}))


def _owners(owners: Iterable[Any]) -> State | None:
    dumped = sorted((_dump(owner) for owner in owners), key=canonical_json)
    return dumped or None


def _checklists(checklists: Iterable[Any]) -> State | None:
    dumped = [_dump(checklist) for checklist in checklists]
    return dumped or None


def states_by_key(uow: UnitOfWork, kind: StateKind, keys: Sequence[str]) -> dict[str, State]:
    """The current state of each key that exists (absent keys are left out)."""
    found: dict[str, State] = {}
    if kind is StateKind.PARTY:
        return {ref: _party(party) for ref, party in uow.parties.get_many(keys).items()}
    if kind is StateKind.PRODUCT:
        return {ref: _dump(product) for ref, product in uow.products.get_many(keys).items()}
    if kind is StateKind.ORDER:
        return {ref: _dump(order) for ref, order in uow.orders.get_many(keys).items()}
    paperwork = uow.paperwork
    for key in keys:
        state: State | None = None
        if kind is StateKind.LICENSE:
            licence = paperwork.license(key)
            state = None if licence is None else _licence(licence)
        elif kind is StateKind.AIA:
            party_ref, day = _split(key)
            state = next(
                (
                    _dump(item)
                    for item in paperwork.aia_certifications(party_ref)
                    if item.signed_on.isoformat() == day
                ),
                None,
            )
        elif kind is StateKind.LPP:
            party_ref, year = _split(key)
            lpp = paperwork.lpp_certification(party_ref, int(year)) if year.isdigit() else None
            state = None if lpp is None else _dump(lpp)
        elif kind is StateKind.FOOTPRINT:
            party_ref, country = _split(key)
            tpp = paperwork.footprint(party_ref).get(country)
            if tpp is not None:
                state = {"party_ref": party_ref, "country": country, "installed_tpp": tpp}
        elif kind is StateKind.COUNTRY:
            setting = paperwork.country_setting(key)
            state = None if setting is None else _country(setting)
        elif kind is StateKind.OWNERS:
            state = _owners(uow.owners.owners_of(key))
        elif kind is StateKind.DOCUMENT:
            document = uow.documents.get(key)
            state = None if document is None else _dump(document)
        elif kind is StateKind.SETTING:
            state = uow.settings.get(key)
        elif kind is StateKind.CHECKLISTS:
            state = _checklists(uow.red_flags.checklists(key))
        if state is not None:
            found[key] = state
    return found


def seal(
    uow: UnitOfWork,
    touched: Iterable[tuple[str, str]],
    written: Mapping[tuple[str, str], State] | None = None,
) -> dict[str, dict[str, str | None]]:
    """The digests a seal entry keeps for the records a transaction touched, read back in
    that transaction (None: the record is gone); records only added in bulk are sealed as
    ``written`` holds them."""
    by_kind: dict[StateKind, set[str]] = defaultdict(set)
    touched = set(touched)
    for kind, key in touched:
        by_kind[StateKind(kind)].add(key)
    sealed: dict[str, dict[str, str | None]] = {}
    for (kind_name, key), state in (written or {}).items():
        if (kind_name, key) not in touched:
            kind = StateKind(kind_name)
            sealed.setdefault(kind.value, {})[key] = state_digest(kind, state)
    for kind in sorted(by_kind):
        keys = sorted(by_kind[kind])
        states: dict[str, State] = {}
        for start in range(0, len(keys), 10_000):
            states.update(states_by_key(uow, kind, keys[start : start + 10_000]))
        sealed.setdefault(kind.value, {}).update(
            (key, None if key not in states else state_digest(kind, states[key])) for key in keys
        )
    return sealed


# -- reading every state --------------------------------------------------------------------


def _grouped(
    items: Iterable[Any], key: Callable[[Any], str], state: Callable[[list[Any]], State | None]
) -> Iterator[tuple[str, State]]:
    groups: dict[str, list[Any]] = defaultdict(list)
    for item in items:
        groups[key(item)].append(item)
    for group_key in sorted(groups):
        value = state(groups[group_key])
        if value is not None:
            yield group_key, value


def all_states(uow: UnitOfWork, kind: StateKind) -> Iterator[tuple[str, State]]:
    """Every record of ``kind`` now stored, with its state (in no particular order)."""
    paperwork = uow.paperwork
    if kind is StateKind.PARTY:
        yield from ((party.ref, _party(party)) for party in uow.parties.all())
    elif kind is StateKind.PRODUCT:
        yield from ((product.ref, _dump(product)) for product in uow.products.all())
    elif kind is StateKind.ORDER:
        yield from ((stored.order.ref, _dump(stored)) for stored in uow.orders.all())
    elif kind is StateKind.LICENSE:
        yield from ((item.number, _licence(item)) for item in paperwork.all_licenses())
    elif kind is StateKind.AIA:
        yield from (
            (aia_key(item.party_ref, item.signed_on), _dump(item))
            for item in paperwork.all_aia_certifications()
        )
    elif kind is StateKind.LPP:
        yield from (
            (lpp_key(item.party_ref, item.year), _dump(item))
            for item in paperwork.all_lpp_certifications()
        )
    elif kind is StateKind.FOOTPRINT:
        yield from (
            (footprint_key(item.party_ref, item.country), _dump(item))
            for item in paperwork.all_footprints()
        )
    elif kind is StateKind.COUNTRY:
        yield from ((item.country, _country(item)) for item in paperwork.all_country_settings())
    elif kind is StateKind.OWNERS:
        yield from _grouped(uow.owners.all(), lambda owner: owner.party_ref, _owners)
    elif kind is StateKind.DOCUMENT:
        yield from ((item.number, _dump(item)) for item in uow.documents.all())
    elif kind is StateKind.SETTING:
        yield from uow.settings.all().items()
    elif kind is StateKind.CHECKLISTS:
        yield from _grouped(uow.red_flags.all(), lambda item: item.order_ref, _checklists)


def all_digests(uow: UnitOfWork) -> Iterator[tuple[StateKind, str, str]]:
    """Every record the rules read, with the digest of its current state."""
    for kind in StateKind:
        for key, state in all_states(uow, kind):
            yield kind, key, state_digest(kind, state)


def baseline_seals(uow: UnitOfWork) -> Iterator[dict[str, Any]]:
    """The ``after`` of the seal entries that vouch for every record as it is now, in
    chunks of ``SEAL_CHUNK`` records: written once, when a database from before seals is
    first opened (what was changed before that cannot be told from the chain)."""
    chunk: dict[str, dict[str, str | None]] = {}
    size = 0
    for kind, key, digest in all_digests(uow):
        chunk.setdefault(kind.value, {})[key] = digest
        size += 1
        if size == SEAL_CHUNK:
            yield {"baseline": True, "states": chunk}
            chunk, size = {}, 0
    if chunk:
        yield {"baseline": True, "states": chunk}


def sealed_states(after: Mapping[str, Any] | None) -> Iterator[tuple[str, str, str | None]]:
    """The (kind, key, digest) a seal entry's ``after`` holds."""
    states = (after or {}).get("states")
    if not isinstance(states, dict):
        return
    for kind, keyed in states.items():
        if isinstance(keyed, dict):
            for key, digest in keyed.items():
                yield str(kind), str(key), None if digest is None else str(digest)


def seal_baseline(uow: UnitOfWork) -> int:
    """Seal every record as it is now, once, in a database written before seals; returns
    the seal entries written (0 when there was nothing to do). The caller commits."""
    if not uow.audit.baseline_pending():
        return 0
    written = 0
    for after in baseline_seals(uow):
        uow.audit.append(SEAL_ACTION, SEAL_ENTITY, "baseline", after=after)
        written += 1
    uow.audit.baseline_done()
    return written
