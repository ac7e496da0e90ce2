"""Deterministic demo data resembling the first user (56 cells, about 750 members).

Each member's facts are drawn first, then replayed through the register's own rules
(`members.rules.replay`) to fill the cached fields, so the demo register is consistent in the
same way as one built through the services. Rows are written in bulk, so 100,000 members take
seconds, not hours.
"""

import random
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from django.db import connection, transaction
from simple_history.utils import bulk_create_with_history

from ceremonies.eligibility import RuleSet, round_on_or_after
from ceremonies.milestones import known_milestones, refresh_badge_dates
from ceremonies.models import rules_on
from ceremonies.queries import candidates, proposed_in_open_rounds
from demo.year import YearCounts, rounds_from, seed_year
from members import services, versions
from members.enums import BadgeKind, OrganisationKind, PoliticalTheory
from members.models import Badge, Discipline, Interruption, Member, MembershipEvent, Organisation
from members.party_age import add_months, add_years, milestone_due_date
from members.rules import Fact, replay

Kind = MembershipEvent.Kind

ASSOCIATIONS = [
    "Cơ quan Liên hiệp Hội",
    "Văn phòng Liên hiệp Hội",
    "Ban Tổ chức – Kiểm tra",
    "Ban Khoa học – Công nghệ",
    "Ban Hội nhập quốc tế",
    "Tạp chí Khoa học và Tổ quốc",
    "Báo Khoa học và Đời sống",
    "Nhà xuất bản Tri thức",
    "Trung tâm Thông tin",
    "Hội Vật lý Việt Nam",
    "Hội Hóa học Việt Nam",
    "Hội Toán học Việt Nam",
    "Hội Sinh học Việt Nam",
    "Hội Địa chất Việt Nam",
    "Hội Cơ học Việt Nam",
    "Hội Tin học Việt Nam",
    "Hội Điện lực Việt Nam",
    "Tổng hội Xây dựng Việt Nam",
    "Hội Kiến trúc sư Việt Nam",
    "Hội Cơ khí Việt Nam",
    "Hội Khoa học Kinh tế Việt Nam",
    "Hội Y học Việt Nam",
    "Hội Dược học Việt Nam",
    "Hội Khoa học Đất Việt Nam",
    "Hội Thủy lợi Việt Nam",
    "Hội Khoa học Lịch sử Việt Nam",
    "Hội Ngôn ngữ học Việt Nam",
    "Hội Tâm lý học Việt Nam",
    "Hội Xã hội học Việt Nam",
    "Hội Địa lý Việt Nam",
    "Hội Khoa học Kỹ thuật Biển",
    "Hội Khoa học Kỹ thuật Lâm nghiệp",
    "Hội Khoa học Kỹ thuật Nông nghiệp",
    "Hội Khoa học Kỹ thuật Thủy sản",
    "Hội Khoa học Công nghệ Mỏ",
    "Hội Dầu khí Việt Nam",
    "Hội Vô tuyến Điện tử",
    "Hội Tự động hóa Việt Nam",
    "Hội Cầu đường Việt Nam",
    "Hội Khoa học Công nghệ Hàng không",
    "Hội Môi trường Xây dựng",
    "Hội Bảo vệ Thiên nhiên và Môi trường",
    "Hội Năng lượng Việt Nam",
    "Hội Khoa học Kỹ thuật Hàng hải",
    "Hội Nghiên cứu Biên tập",
    "Hội Trắc địa Bản đồ",
    "Hội Khoa học Kỹ thuật Hạt nhân",
    "Hội Vật liệu Xây dựng",
    "Hội Công nghệ Sinh học",
    "Hội Thống kê Việt Nam",
    "Hội Khoa học Hành chính",
    "Hội Kế toán và Kiểm toán",
    "Hội Luật gia Cơ quan",
    "Viện Nghiên cứu Phát triển",
    "Trung tâm Tư vấn Khoa học",
    "Trung tâm Chuyển giao Công nghệ",
]
FAMILIES = [
    ("Nguyễn", 38),
    ("Trần", 11),
    ("Lê", 9.5),
    ("Phạm", 7),
    ("Hoàng", 4),
    ("Huỳnh", 1.5),
    ("Phan", 4.5),
    ("Vũ", 3),
    ("Võ", 1),
    ("Đặng", 2.1),
    ("Bùi", 2),
    ("Đỗ", 1.4),
    ("Hồ", 1.3),
    ("Ngô", 1.3),
    ("Dương", 1),
    ("Lý", 0.5),
    ("Đinh", 1),
    ("Trịnh", 0.8),
    ("Đoàn", 0.8),
    ("Lương", 0.5),
    ("Mai", 0.5),
    ("Tạ", 0.4),
    ("Cao", 0.5),
    ("Lâm", 0.4),
    ("Chu", 0.3),
    ("Phùng", 0.3),
]
MIDDLE = {
    "M": [
        "Văn",
        "Đức",
        "Minh",
        "Quang",
        "Hữu",
        "Xuân",
        "Thành",
        "Công",
        "Đình",
        "Ngọc",
        "Mạnh",
        "Tiến",
        "Hồng",
        "Thế",
        "Trọng",
        "Anh",
        "Việt",
        "Văn Hữu",
    ],
    "F": [
        "Thị",
        "Thu",
        "Ngọc",
        "Thanh",
        "Minh",
        "Kim",
        "Hồng",
        "Phương",
        "Hoài",
        "Thúy",
        "Thị Thu",
        "Thị Minh",
        "Bích",
        "Diệu",
    ],
}
GIVEN = {
    "M": [
        "An",
        "Bình",
        "Cường",
        "Dũng",
        "Đạt",
        "Đức",
        "Giang",
        "Hải",
        "Hiếu",
        "Hùng",
        "Huy",
        "Khoa",
        "Khánh",
        "Lâm",
        "Long",
        "Minh",
        "Nam",
        "Nghĩa",
        "Phong",
        "Phúc",
        "Quân",
        "Quang",
        "Sơn",
        "Tài",
        "Thắng",
        "Thành",
        "Toàn",
        "Trung",
        "Tuấn",
        "Việt",
        "Vinh",
        "Ân",
        "Ánh",
        "Hưng",
        "Kiên",
        "Lộc",
        "Thịnh",
        "Tú",
        "Vũ",
    ],
    "F": [
        "Anh",
        "Ánh",
        "Bích",
        "Chi",
        "Dung",
        "Giang",
        "Hà",
        "Hạnh",
        "Hằng",
        "Hoa",
        "Hồng",
        "Hương",
        "Lan",
        "Linh",
        "Loan",
        "Mai",
        "Nga",
        "Ngọc",
        "Nhung",
        "Oanh",
        "Phương",
        "Quyên",
        "Tâm",
        "Thảo",
        "Thủy",
        "Trang",
        "Tuyết",
        "Vân",
        "Yến",
        "Ân",
        "Ngân",
        "Hiền",
    ],
}
PROVINCES = [
    "Hà Nội",
    "TP. Hồ Chí Minh",
    "Hải Phòng",
    "Đà Nẵng",
    "Huế",
    "Cần Thơ",
    "Nghệ An",
    "Thanh Hóa",
    "Hà Tĩnh",
    "Ninh Bình",
    "Hưng Yên",
    "Bắc Ninh",
    "Phú Thọ",
    "Thái Nguyên",
    "Quảng Ninh",
    "Lào Cai",
    "Tuyên Quang",
    "Lạng Sơn",
    "Cao Bằng",
    "Sơn La",
    "Điện Biên",
    "Quảng Trị",
    "Quảng Ngãi",
    "Gia Lai",
    "Đắk Lắk",
    "Khánh Hòa",
    "Lâm Đồng",
    "Đồng Nai",
    "Tây Ninh",
    "Đồng Tháp",
    "Vĩnh Long",
    "An Giang",
    "Cà Mau",
]
ETHNICITIES = [("Kinh", 95), ("Tày", 1.5), ("Mường", 1), ("Thái", 1), ("Nùng", 0.8), ("Hoa", 0.7)]
RELIGIONS = [("", 90), ("Phật giáo", 6), ("Công giáo", 4)]
QUALIFICATIONS = [
    "Cử nhân",
    "Kỹ sư",
    "Thạc sĩ",
    "Tiến sĩ",
    "Phó Giáo sư, Tiến sĩ",
    "Giáo sư, Tiến sĩ",
]
OCCUPATIONS = [
    "Chuyên viên",
    "Nghiên cứu viên",
    "Biên tập viên",
    "Kỹ sư",
    "Giảng viên",
    "Cán bộ hưu trí",
]
# (first year, last year, weight): admissions from the 1930s, so every milestone up to 90 has members.
ADMISSION_ERAS = [
    (1934, 1945, 1.2),
    (1946, 1960, 5),
    (1961, 1980, 14),
    (1981, 2000, 30),
    (2001, 2023, 42),
]
# The 45, 55, 65, 75, 85 and 90-year badges exist since QĐ 29-QĐ/TW of 25/7/2016.
MILESTONES_SINCE_2016 = {45, 55, 65, 75, 85, 90}
BADGES_2016 = date(2016, 7, 25)


def _pick(rng: random.Random, weighted):
    values, weights = zip(*weighted, strict=True)
    return rng.choices(values, weights=weights)[0]


def _day_between(rng: random.Random, start: date, end: date) -> date:
    if end <= start:
        return start
    return start + timedelta(days=rng.randint(0, (end - start).days))


# The oldest a living member of the demo is: nobody on the rolls is older on the demo's today,
# and nobody is admitted younger than ADMISSION_AGE, so a member admitted too early to be alive
# has died (veterans are admitted as young as that, born as late as their admission allows).
OLDEST_LIVING_AGE = 100
ADMISSION_AGE = 18
# The longest a demo member lives (a death is drawn before this age where the facts allow it).
OLDEST_AGE = 100
# How long ago a death may be and its posthumous badge still not proposed.
POSTHUMOUS_PENDING_YEARS = 3
SETTLED_NOTE = "Đã truy tặng (hồ sơ cũ)"
LEAVING = {Kind.DIED, Kind.TRANSFERRED_OUT, Kind.STRUCK_OFF, Kind.EXPELLED, Kind.LEFT}


@dataclass
class Draft:
    member: Member
    cell_index: int
    facts: list[tuple[str, date, int, str]] = field(
        default_factory=list
    )  # kind, day, cell, counterpart
    interruptions: list[tuple[date, date, str]] = field(default_factory=list)
    disciplines: list[tuple[str, date]] = field(default_factory=list)
    badges: list[tuple[int, str, date, str]] = field(
        default_factory=list
    )  # milestone, decision, day, kind


def _draft_member(
    rng: random.Random, index: int, cells: int, today: date, rules: RuleSet, badges_until: date
) -> Draft:
    sex = "F" if rng.random() < 0.38 else "M"
    full_name = f"{_pick(rng, FAMILIES)} {rng.choice(MIDDLE[sex])} {rng.choice(GIVEN[sex])}"
    recent = rng.random() < 0.07
    # A few living members near 80 and 85 years of party age, as real registers have: admitted
    # at 18 or 19 in the 1940s, born as late as that allows for a member at most 100 years old.
    veteran = index % 97 == 7
    if veteran:
        recent = False
        oldest, youngest, later = (-90, -86, 8) if index % 194 == 7 else (-85, -82, 5)
        drawn = _day_between(rng, add_years(today, oldest), add_years(today, youngest))
        # Drawn as before the cap (the rest of the register is the same draw), then moved on.
        earliest = add_years(oldest_living_birth(today), ADMISSION_AGE)
        admission = max(add_years(drawn, later), earliest)
    elif recent:  # admitted in the last two years: probationary or just made official
        admission = _day_between(rng, add_months(today, -26), add_months(today, -1))
    else:
        first, last, _weight = _pick(rng, [((a, b, w), w) for a, b, w in ADMISSION_ERAS])
        admission = _day_between(rng, date(first, 1, 1), date(min(last, today.year - 2), 12, 31))
    birth = _day_between(
        rng, add_years(admission, -42), add_years(admission, -ADMISSION_AGE) - timedelta(days=1)
    )
    if veteran:  # on the rolls for good: born as late as their admission allows
        birth = _younger_birth_date(birth, admission, today)
    cell = rng.randrange(cells)
    member = Member(
        full_name=full_name,
        sex=sex,
        date_of_birth=birth,
        hometown=rng.choice(PROVINCES),
        ethnicity=_pick(rng, ETHNICITIES),
        religion=_pick(rng, RELIGIONS),
        citizen_id=f"{rng.randint(1, 96):03d}{(0 if birth.year < 2000 else 2) + (1 if sex == 'F' else 0)}"
        f"{birth.year % 100:02d}{index:06d}",
        phone=f"09{rng.randint(10_000_000, 99_999_999)}" if rng.random() < 0.8 else "",
        education="12/12" if admission.year > 1975 else "10/10",
        qualification=rng.choice(QUALIFICATIONS),
        political_theory=rng.choice(list(PoliticalTheory.values)),
        occupation=rng.choice(OCCUPATIONS),
        admission_date=admission,
        party_card_number=f"{index + 1:08d}" if rng.random() < 0.95 else None,
        record_number=f"{index + 1:06d}HN",
    )
    draft = Draft(member=member, cell_index=cell)
    official = add_months(admission, 12) + timedelta(days=rng.randint(0, 45))
    if recent and (official > today or rng.random() < 0.25):
        official = None  # still probationary (some overdue)
    transferred_in = not recent and not veteran and rng.random() < 0.15
    if transferred_in and official:
        entry = _day_between(rng, official + timedelta(days=1), add_months(today, -3))
        draft.facts.append((Kind.TRANSFERRED_IN, entry, cell, "Đảng bộ Bộ Khoa học và Công nghệ"))
        member.official_date = official
    else:
        draft.facts.append((Kind.ADMITTED, admission, cell, ""))
        if official:
            draft.facts.append((Kind.MADE_OFFICIAL, official, cell, ""))
        entry = admission
    last = max(day for _, day, _, _ in draft.facts)
    if official and rng.random() < 0.05:  # moved between cells once
        day = _day_between(rng, last + timedelta(days=1), today)
        new_cell = (cell + 1 + rng.randrange(cells - 1)) % cells if cells > 1 else cell
        if new_cell != cell:
            draft.facts.append((Kind.CELL_TRANSFER, day, new_cell, ""))
            cell, last = new_cell, day
    if official and rng.random() < 0.02:  # lost contact for a while
        start = _day_between(rng, last + timedelta(days=30), today - timedelta(days=500))
        if last + timedelta(days=30) <= start < today - timedelta(days=500):
            end = start + timedelta(days=rng.randint(30, 400))
            draft.interruptions.append((start, end, "lost_contact"))
            last = end
    if official and rng.random() < 0.02 and last < today - timedelta(days=2):
        day = _day_between(rng, max(last, add_months(today, -48)), today - timedelta(days=1))
        draft.disciplines.append(
            (rng.choice(["reprimand", "reprimand", "warning", "removal"]), day)
        )
        last = day
    alive = None  # the facts of a member drawn alive who was admitted too early to be
    if not veteran:
        before = list(draft.facts)
        _draft_ending(rng, draft, birth=birth, official=official, cell=cell, last=last, today=today)
        if too_early_to_be_alive(admission, today) and _still_on_rolls(draft):
            alive, draft.facts = draft.facts, before
            _draft_death(_side_draw(draft), draft, birth=birth, cell=cell, last=last, today=today)
        elif birth < oldest_living_birth(today) and _still_on_rolls(draft):
            birth = _younger_birth(member, _younger_birth_date(birth, admission, today))
    if official and today.year - birth.year > 75 and rng.random() < 0.03:
        member.seriously_ill, member.seriously_ill_reason = (
            True,
            "Bệnh nặng, có xác nhận của bệnh viện",
        )
    if official and rng.random() < 0.003:
        member.on_hold, member.hold_reason = True, "Đang được xem xét, kiểm tra"
    if alive is None:
        _draft_badges(rng, draft, today, entry, rules.ascending, badges_until)
    else:  # the register's draw goes on as drawn; the death's badges are a draw of their own
        _draft_badges(
            rng, replace(draft, facts=alive, badges=[]), today, entry, rules.ascending, badges_until
        )
        _draft_badges(_side_draw(draft), draft, today, entry, rules.ascending, badges_until)
    return draft


def _side_draw(draft: Draft) -> random.Random:
    """A draw of a member's own (from what was drawn of them), outside the register's draw: what
    it decides changes no other member of the seed."""
    member = draft.member
    return random.Random(f"{member.record_number}-{member.admission_date}-{member.full_name}")


def _draft_death(rng, draft: Draft, *, birth, cell, last, today) -> None:
    """The death of a member admitted too early to be alive today, after every other fact and
    before OLDEST_AGE where the facts allow it."""
    start = min(today, max(last + timedelta(days=1), add_years(birth, 60)))
    end = min(today, max(start, add_years(birth, OLDEST_AGE)))
    draft.facts.append((Kind.DIED, _day_between(rng, start, end), cell, ""))


def _still_on_rolls(draft: Draft) -> bool:
    """Whether the member's last leaving, if any, was reversed by a re-admission."""
    on_rolls = True
    for kind, *_ in sorted(draft.facts, key=lambda fact: fact[1]):
        if kind in LEAVING:
            on_rolls = False
        elif kind in (Kind.READMITTED, Kind.RESTORED):
            on_rolls = True
    return on_rolls


def oldest_living_birth(today: date) -> date:
    """The earliest birth date of a member on the rolls on `today` (OLDEST_LIVING_AGE then)."""
    return add_years(today, -OLDEST_LIVING_AGE) + timedelta(days=1)


def too_early_to_be_alive(admission: date, today: date) -> bool:
    """Whether a member admitted on this day was born too early to be on the rolls `today`."""
    return add_years(admission, -ADMISSION_AGE) <= oldest_living_birth(today)


def _younger_birth_date(birth: date, admission: date, today: date) -> date:
    """A living member drawn older than a real register holds is born on the same day of the year
    in the first year that keeps them within OLDEST_LIVING_AGE, at the latest their admission
    allows (ADMISSION_AGE then); computed, not drawn, so that the rest of the register is the
    same draw."""
    oldest = oldest_living_birth(today)
    moved = birth.replace(year=oldest.year, day=min(birth.day, 28))
    if moved < oldest:
        moved = moved.replace(year=oldest.year + 1)
    latest = add_years(admission, -ADMISSION_AGE) - timedelta(days=1)
    return max(min(moved, latest), birth)


def _younger_birth(member: Member, birth: date) -> date:
    """Give the member this birth date, and their CCCD its year."""
    member.date_of_birth = birth
    cid = member.citizen_id
    member.citizen_id = f"{cid[:4]}{birth.year % 100:02d}{cid[6:]}"
    return birth


def _draft_ending(rng, draft: Draft, *, birth, official, cell, last, today) -> None:
    """At most one way off the rolls, after every other fact; death likelier the older."""
    first = last + timedelta(days=1)
    if first >= today:
        return
    age = today.year - birth.year
    death_chance = 0.7 if age > 95 else 0.35 if age > 85 else 0.08 if age > 75 else 0.005
    roll = rng.random()
    if rng.random() < death_chance:
        draft.facts.append(
            (Kind.DIED, _day_between(rng, max(first, add_years(birth, 60)), today), cell, "")
        )
    elif not official:
        return
    elif roll < 0.02:
        draft.facts.append(
            (Kind.TRANSFERRED_OUT, _day_between(rng, first, today), cell, "Đảng bộ Bộ Y tế")
        )
    elif roll < 0.027:
        day = _day_between(rng, first, today)
        draft.facts.append((Kind.STRUCK_OFF, day, cell, ""))
        if rng.random() < 0.4 and day < add_years(today, -4):  # re-admitted years later
            back = day + timedelta(days=rng.randint(1100, 1400))
            draft.facts.append((Kind.READMITTED, back, cell, ""))
            draft.interruptions.append((day, back, "struck_off"))
    elif roll < 0.029:
        draft.facts.append((Kind.EXPELLED, _day_between(rng, first, today), cell, ""))
    elif roll < 0.031:
        draft.facts.append((Kind.LEFT, _day_between(rng, first, today), cell, ""))
    elif age > 70 and roll < 0.2:
        draft.facts.append(
            (Kind.EXEMPTED, _day_between(rng, max(first, add_years(birth, 70)), today), cell, "")
        )


def _draft_badges(
    rng: random.Random,
    draft: Draft,
    today: date,
    entry: date,
    milestones: tuple[int, ...],
    badges_until: date,
) -> None:
    """Badges already held: most past milestones were awarded at the round after their due date.
    The register records those awarded before `badges_until`; the later ones are awarded by the
    rounds of demo.year (the draws stay the same, so a seed gives the same register)."""
    member = draft.member
    if member.official_date is None and not any(k == Kind.MADE_OFFICIAL for k, *_ in draft.facts):
        return
    gap = sum((end - start).days for start, end, _ in draft.interruptions)
    death = next((day for kind, day, *_ in draft.facts if kind == Kind.DIED), None)
    for milestone in milestones:
        due = milestone_due_date(
            start=member.admission_date, milestone=milestone, interrupted_days=gap
        )
        awarded = round_on_or_after(due)
        if awarded > add_months(today, -6) or (death and due > death):
            break
        if milestone in MILESTONES_SINCE_2016 and awarded < BADGES_2016:
            continue
        if awarded < entry and rng.random() < 0.5:
            continue  # history from the previous committee left unrecorded
        if rng.random() < 0.93:
            kind = BadgeKind.POSTHUMOUS if death and awarded > death else BadgeKind.REGULAR
            number = f"{rng.randint(10, 999)}-QĐ/ĐU"
            if awarded < badges_until:
                draft.badges.append((milestone, number, awarded, kind))
    if death:
        _settle_posthumous(
            rng,
            draft,
            death=death,
            gap=gap,
            today=today,
            milestones=milestones,
            badges_until=badges_until,
        )


def _settle_posthumous(
    rng: random.Random,
    draft: Draft,
    *,
    death: date,
    gap: int,
    today: date,
    milestones: tuple[int, ...],
    badges_until: date,
) -> None:
    """A death long ago was mostly settled: the highest milestone reached by the death (or within
    the 12 months after it) was awarded posthumously at the round after the death."""
    settled_on = round_on_or_after(death)
    if settled_on > add_months(today, -6) or rng.random() > 0.9:
        return
    held = max((badge[0] for badge in draft.badges), default=0)
    reached = []
    for milestone in milestones:
        due = milestone_due_date(
            start=draft.member.admission_date, milestone=milestone, interrupted_days=gap
        )
        if add_months(due, -12) > death:
            break
        if milestone not in MILESTONES_SINCE_2016 or settled_on >= BADGES_2016:
            reached.append(
                (milestone, BadgeKind.POSTHUMOUS if due <= death else BadgeKind.POSTHUMOUS_EARLY)
            )
    if reached and reached[-1][0] > held:
        milestone, kind = reached[-1]
        number = f"{rng.randint(10, 999)}-QĐ/ĐU"
        if settled_on < badges_until:  # later, a round of demo.year settles it
            draft.badges.append((milestone, number, settled_on, kind))


def _settle_old_posthumous(day: date) -> int:
    """A posthumous case of a death more than POSTHUMOUS_PENDING_YEARS before the round of `day`
    that the register still shows as a candidate (a milestone that came in 2016, one without a
    coefficient) was settled long ago: a round proposes only the deaths of the last few years.
    Recorded through the register's service, before the year's rounds (so that they propose no
    death of long ago) and after them (for the next round). Returns how many."""
    old = add_years(day, -POSTHUMOUS_PENDING_YEARS)
    rows = candidates(
        Member.objects.all(), on=day, rules=rules_on(day), proposed=proposed_in_open_rounds()
    )
    milestones = known_milestones().values
    settled = 0
    for row in rows:
        evaluation, death = row.evaluation, row.facts.death_date
        if evaluation.kind not in (BadgeKind.POSTHUMOUS, BadgeKind.POSTHUMOUS_EARLY) or (
            death is None or death >= old
        ):
            continue
        since = BADGES_2016 if evaluation.milestone in MILESTONES_SINCE_2016 else death
        services.badge_record(
            member=Member.objects.get(pk=row.member_id),
            milestone=evaluation.milestone,
            kind=evaluation.kind,
            awarded_on=round_on_or_after(max(death, since)),
            note=SETTLED_NOTE,
            milestones=milestones,
        )
        settled += 1
    return settled


@transaction.atomic
def seed_demo(
    *, members: int = 750, cells: int = 56, seed: int = 1, today: date, year: bool = True
) -> dict[str, int]:
    """Create the demo register (and, with `year`, its last full year of rounds and ratings);
    returns the numbers of rows made."""
    rng = random.Random(seed)
    root = Organisation.objects.get(parent__isnull=True, kind=OrganisationKind.COMMITTEE)
    names = [
        f"Chi bộ {ASSOCIATIONS[i]}" if i < len(ASSOCIATIONS) else f"Chi bộ số {i + 1}"
        for i in range(cells)
    ]
    cell_rows = [Organisation(kind=OrganisationKind.CELL, name=name, parent=root) for name in names]
    for cell in cell_rows:
        cell.fill_derived_fields()
    # Every row has its first history record, as if entered through the app: a later change
    # shows what it changed from.
    history = {"batch_size": 5000}
    cell_rows = bulk_create_with_history(cell_rows, Organisation, **history)

    rules = rules_on(today)
    # Without the year's rounds (a register as taken over from another system) the register
    # records every badge held, those of the last year's rounds too.
    badges_until = rounds_from(today) if year else today
    drafts = [
        _draft_member(rng, index, cells, today, rules, badges_until) for index in range(members)
    ]
    for draft in drafts:
        member = draft.member
        facts = [Fact(kind, day, cell_rows[cell].pk) for kind, day, cell, _ in draft.facts]
        state = replay(
            facts, admission_date=member.admission_date, official_before_facts=member.official_date
        )
        member.status, member.cell_id = state.status, state.cell_id
        member.official_date, member.death_date = state.official_date, state.death_date
        member.left_rolls_on = state.left_rolls_on
        member.interrupted_days = sum((end - start).days for start, end, _ in draft.interruptions)
        member.highest_badge = max((badge[0] for badge in draft.badges), default=0)
        member.fill_derived_fields()
    bulk_create_with_history([d.member for d in drafts], Member, **history)

    events = [
        MembershipEvent(
            member=d.member, kind=kind, date=day, cell=cell_rows[cell], counterpart=counterpart
        )
        for d in drafts
        for kind, day, cell, counterpart in d.facts
    ]
    events = bulk_create_with_history(events, MembershipEvent, **history)
    # A re-admission's interruption belongs to it (deleting the fact takes it with it).
    readmissions = {
        (event.member.pk, event.date): event for event in events if event.kind == Kind.READMITTED
    }
    interruptions = [
        Interruption(
            member=d.member,
            start=start,
            end=end,
            reason=reason,
            readmission=readmissions.get((d.member.pk, end)) if reason == "struck_off" else None,
        )
        for d in drafts
        for start, end, reason in d.interruptions
    ]
    bulk_create_with_history(interruptions, Interruption, **history)
    disciplines = [
        Discipline(member=d.member, form=form, decision_date=day, issued_by="Đảng ủy")
        for d in drafts
        for form, day in d.disciplines
    ]
    bulk_create_with_history(disciplines, Discipline, **history)
    badges = [
        Badge(
            member=d.member,
            milestone=milestone,
            kind=kind,
            decision_number=number,
            decision_date=day,
            awarded_on=day,
        )
        for d in drafts
        for milestone, number, day, kind in d.badges
    ]
    bulk_create_with_history(badges, Badge, **history)
    refresh_badge_dates()  # bulk_create sends no signals
    versions.bump()
    if year:
        _settle_old_posthumous(round_on_or_after(rounds_from(today)))
    year = seed_year(today=today, seed=seed) if year else YearCounts()
    _settle_old_posthumous(round_on_or_after(today))
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # fresh statistics, or the planner guesses on a bulk-filled table
    return {
        "cells": len(cell_rows),
        "members": len(drafts),
        "events": len(events),
        "interruptions": len(interruptions),
        "disciplines": len(disciplines),
        "badges": len(badges) + year.awarded,
        "rounds": year.rounds,
        "ratings": year.ratings,
    }
