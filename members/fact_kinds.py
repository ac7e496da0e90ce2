"""Which fields each kind of dated fact takes, and the kind a new fact of a member most likely is.

Pure: the event form shows only the fields of the chosen kind, and the view passes on only those
(the service checks them again); the form opens on the kind that fits where the member stands.
"""

from members.enums import EventKind as Kind
from members.enums import Status

# Facts that put the member in a cell (the new one); the others keep the member's cell.
KINDS_WITH_NEW_CELL = frozenset(
    {Kind.TRANSFERRED_IN, Kind.CELL_TRANSFER, Kind.READMITTED, Kind.RESTORED}
)
# Facts that name the place the member moves to or comes from.
KINDS_WITH_COUNTERPART = frozenset({Kind.TRANSFERRED_OUT, Kind.TRANSFERRED_IN})
# Facts with no decision or letter of their own.
KINDS_WITHOUT_DECISION = frozenset({Kind.DIED})
FACT_FIELDS = ("day", "cell", "counterpart", "decision_number", "note")


def fact_fields(kind: str) -> tuple[str, ...]:
    """The form fields a fact of this kind takes, in the form's order."""
    return tuple(
        name
        for name in FACT_FIELDS
        if (name != "cell" or kind in KINDS_WITH_NEW_CELL)
        and (name != "counterpart" or kind in KINDS_WITH_COUNTERPART)
        and (name != "decision_number" or kind not in KINDS_WITHOUT_DECISION)
    )


def default_fact_kind(*, status: str, official: bool) -> str:
    """The kind of fact the form opens on: what usually comes next for a member who stands so
    ("" for a deceased member: nothing usually comes next, the user chooses)."""
    if status == Status.ACTIVE:
        return Kind.CELL_TRANSFER if official else Kind.MADE_OFFICIAL
    return {
        Status.EXEMPT: Kind.EXEMPTION_ENDED,
        Status.TRANSFERRED_OUT: Kind.TRANSFERRED_IN,
        Status.STRUCK_OFF: Kind.READMITTED,
        Status.EXPELLED: Kind.READMITTED,
        Status.LEFT: Kind.READMITTED,
    }.get(status, "")
