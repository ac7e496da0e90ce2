"""python manage.py badge_candidates --date YYYY-MM-DD [--json] (DOMAIN.md §9).

The candidates for a badge at a round dated D over the whole register, in roster order (highest
milestone first, then cell, then Vietnamese name order), leaving out a milestone a member is
already proposed for in an open round on another date (DOMAIN.md §2). With --json, a JSON array
of objects with the keys full_name, party_card_number, cell, milestone, kind and due_date;
otherwise a table.
"""

import json
from datetime import date

from ceremonies.eligibility import KIND_LABELS
from ceremonies.enums import CLOSED_STATES
from ceremonies.models import Proposal, rules_on
from ceremonies.queries import candidates, proposed_in_open_rounds
from members.models import Member
from vusta_party.commands import VietnameseCommand, day_argument


def proposed_elsewhere(day: date) -> dict[int, set[int]]:
    """The milestones each member is proposed for in an open round on another date (§2: not a
    candidate again); the open rounds dated `day` are the round the command is asked about."""
    proposed = proposed_in_open_rounds()
    same_day = (
        Proposal.objects.filter(live=True, round__date=day)
        .exclude(round__state__in=CLOSED_STATES)
        .exclude(kind=Proposal.Kind.REISSUE)
        .values_list("member_id", "milestone")
    )
    for member_id, milestone in same_day:
        proposed.get(member_id, set()).discard(milestone)
    return proposed


class Command(VietnameseCommand):
    help = "Danh sách đảng viên đủ điều kiện đề nghị tặng Huy hiệu Đảng ở đợt ngày D."

    def add_arguments(self, parser):
        parser.add_argument(
            "--date", dest="round_date", required=True, help="Ngày của đợt tặng, YYYY-MM-DD."
        )
        parser.add_argument("--json", dest="as_json", action="store_true", help="In mảng JSON.")

    def handle(self, *args, round_date: str, as_json: bool, **options):
        day = day_argument(round_date)
        rows = candidates(
            Member.objects.all(), on=day, rules=rules_on(day), proposed=proposed_elsewhere(day)
        )
        if as_json:
            self._json(rows)
        else:
            self._table(rows, day)

    def _json(self, rows) -> None:
        self.stdout.write(
            json.dumps(
                [
                    {
                        "full_name": row.full_name,
                        "party_card_number": row.party_card_number,
                        "cell": row.cell,
                        "milestone": row.evaluation.milestone,
                        "kind": row.evaluation.kind,
                        "due_date": row.evaluation.due_date.isoformat(),
                    }
                    for row in rows
                ],
                ensure_ascii=False,
                indent=2,
            )
        )

    def _table(self, rows, day: date) -> None:
        self.stdout.write(f"Đợt tặng ngày {day:%d/%m/%Y}: {len(rows)} đảng viên đủ điều kiện")
        self.stdout.write(
            f"{'STT':>4}  {'Họ và tên':<28} {'Số thẻ':<10} {'Mốc':>4}  {'Loại':<14} {'Đến hạn':<10}  Chi bộ"
        )
        for number, row in enumerate(rows, 1):
            ev = row.evaluation
            self.stdout.write(
                f"{number:>4}  {row.full_name:<28} {row.party_card_number or '':<10} {ev.milestone:>4}  "
                f"{KIND_LABELS[ev.kind]:<14} {ev.due_date:%d/%m/%Y}  {row.cell}"
            )
