from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render

from ceremonies import exports
from ceremonies.eligibility import KIND_LABELS, due_date, evaluate, round_on_or_after
from ceremonies.forms import (
    BadgeForm,
    BadgeRulesForm,
    BaseSalaryForm,
    CoefficientForm,
    ExplainForm,
    OutlookForm,
)
from ceremonies.milestones import known_milestones, member_milestones
from ceremonies.models import BadgeRules, BaseSalary, BonusCoefficient, rule_versions, rules_on
from ceremonies.queries import (
    FIELDS,
    OUTLOOK_MONTHS,
    member_facts,
    proposed_in_open_rounds,
    user_outlook,
)
from ceremonies.workflow import bonus_amount
from members import services as register
from members.access import cells_for, member_or_404, members_for
from members.models import Member
from members.party_age import add_months
from members.views import member_action
from vusta_party import clock
from vusta_party.exports import send
from vusta_party.pages import list_links, paginate


def index(request):
    """Sắp đến hạn: milestones coming within N months, early cases, deferred members (a range of
    the stored first possible round dates: the settled members counted in SQL, the rules for the
    others and for each row shown)."""
    today = clock.today()
    form = OutlookForm(request.GET or None, cells=cells_for(request.user))
    data = form.cleaned_data if form.is_valid() else {}
    months = data.get("months") or OUTLOOK_MONTHS
    cell = data.get("cell")
    upcoming = user_outlook(request.user, today, months, cell=cell)
    result = upcoming.outlook
    if request.GET.get("format") == "xlsx":
        return send(exports.outlook_xlsx(result, months=months, cell=cell))
    return render(
        request,
        "ceremonies/outlook.html",
        {
            "form": form,
            "months": months,
            "outlook": result,
            "due_page": paginate(result.due, request.GET, anchor="den-han"),
            "early_page": paginate(result.early, request.GET, param="early", anchor="tang-som"),
            "deferred_page": paginate(
                result.deferred, request.GET, param="deferred", anchor="tam-hoan"
            ),
            **list_links(request.GET),
            "next_round": upcoming.next_round,
            "kinds": KIND_LABELS,
        },
    )


def round_answers(answer, rounds) -> list[tuple[list, object]]:
    """The next rounds' answers, said once each: consecutive rounds with the same answer share
    a line, and rounds whose answer is the one at the date itself (said above them) are left
    out, so that the member's badge box never repeats a sentence."""

    def said(result):
        return (result.outcome, result.milestone, result.kind, result.reason)

    lines: list[tuple[list, object]] = []
    before = None  # what the round before said
    for day, result in rounds:
        if said(result) != said(answer):
            if lines and said(result) == before:
                lines[-1][0].append(day)
            else:
                lines.append(([day], result))
        before = said(result)
    return lines


def _explanation(member: Member, on, user):
    """The member's answer at a date and at the next four rounds, and their milestone table."""
    row = members_for(user).filter(pk=member.pk).values_list(*FIELDS, named=True).get()
    facts = member_facts(
        row,
        disciplines=member.disciplines.values_list("form", "decision_date"),
        proposed=proposed_in_open_rounds(member).get(member.pk, ()),
    )._replace(received=frozenset(member.badges.values_list("milestone", flat=True)))
    versions = rule_versions()
    rules = versions.on(on)
    rounds = []
    day = round_on_or_after(on)
    for _ in range(4):
        rounds.append((day, evaluate(facts, on=day, rules=versions.on(day))))
        day = round_on_or_after(day + timedelta(days=1))
    milestones = [
        {
            "milestone": m,
            "due": due_date(facts, m),
            "early_from": add_months(due_date(facts, m), -rules.early_months(m)),
            "state": "Đã nhận"
            if m in facts.received
            else "Không xét (đã nhận mốc cao hơn)"
            if m < facts.floor
            else "",
        }
        for m in rules.milestones
    ]
    reached, coming = member_milestones(member, on=on, versions=versions)
    answer = evaluate(facts, on=on, rules=rules)
    return {
        "member": member,
        "on": on,
        "facts": facts,
        "reached": reached,
        "coming": coming,
        "answer": answer,
        "rounds": rounds,
        "round_lines": round_answers(answer, rounds),
        "milestones": milestones,
        "rules": BadgeRules.objects.in_force(on, earliest_before_first=True),
        "kinds": KIND_LABELS,
    }


def member_explanation(request, pk):
    member = member_or_404(request.user, pk)
    form = ExplainForm(request.GET or None)
    on = (form.cleaned_data.get("on") if form.is_valid() else None) or clock.today()
    template = (
        "ceremonies/member_panel.html"
        if request.GET.get("panel")
        else "ceremonies/member_explanation.html"
    )
    return render(request, template, {"form": form, **_explanation(member, on, request.user)})


def rules(request):
    """The rule versions; the office adds a version from a date."""
    can_edit = request.user.has_perm("ceremonies.add_badgerules")
    if request.method == "POST" and not can_edit:
        raise PermissionDenied
    form = BadgeRulesForm(request.POST or None, initial=_initial_rules()) if can_edit else None
    if form is not None and request.method == "POST" and form.is_valid():
        version = form.save(commit=False)
        version.created_by = request.user
        version.save()
        messages.success(request, f"Đã ghi quy định áp dụng từ ngày {version.valid_from:%d/%m/%Y}.")
        return redirect("ceremonies:rules")
    versions = BadgeRules.objects.select_related("created_by")
    return render(request, "ceremonies/rules.html", {"versions": versions, "form": form})


def _initial_rules() -> dict:
    current = BadgeRules.objects.in_force(clock.today(), earliest_before_first=True)
    if current is None:
        return {"valid_from": clock.today()}
    fields = BadgeRulesForm.Meta.fields
    return {name: getattr(current, name) for name in fields} | {"valid_from": clock.today()}


def bonus_tables(request):
    """Coefficients and base salaries, dated; the office adds a value from a date."""
    today = clock.today()
    coefficient_form = CoefficientForm(request.POST if "coefficient" in request.POST else None)
    salary_form = BaseSalaryForm(request.POST if "amount" in request.POST else None)
    if request.method == "POST":
        form, perm = (
            (coefficient_form, "ceremonies.add_bonuscoefficient")
            if "coefficient" in request.POST
            else (salary_form, "ceremonies.add_basesalary")
        )
        if not request.user.has_perm(perm):
            raise PermissionDenied
        if form.is_valid():
            saved = form.save()
            messages.success(request, f"Đã ghi {saved}.")
            return redirect("ceremonies:bonus_tables")
    rules = rules_on(today)
    current = {
        c.milestone: c
        for c in BonusCoefficient.objects.filter(valid_from__lte=today).order_by(
            "milestone", "valid_from"
        )
    }
    salary = BaseSalary.objects.in_force(today)
    return render(
        request,
        "ceremonies/bonus_tables.html",
        {
            "milestones": [
                (
                    m,
                    current.get(m),
                    bonus_amount(coefficient=current[m].coefficient, base_salary=salary.amount)
                    if m in current and salary
                    else None,
                )
                for m in rules.milestones
            ],
            "coefficients": BonusCoefficient.objects.all(),
            "salaries": BaseSalary.objects.all(),
            "salary": salary,
            "coefficient_form": coefficient_form,
            "salary_form": salary_form,
            "can_edit": request.user.has_perm("ceremonies.add_bonuscoefficient"),
        },
    )


@permission_required("members.add_badge", raise_exception=True)
def badge_create(request, pk):
    """A badge the member already holds, recorded by hand (history before the app): any milestone
    of some rule version."""
    milestones = known_milestones().values

    def save(member, form):
        badge = register.badge_record(
            member=member, milestones=milestones, user=request.user, **form.cleaned_data
        )
        return f"Đã ghi {badge}."

    return member_action(
        request,
        pk,
        lambda member: BadgeForm(request.POST or None, milestones=milestones),
        save,
        "Ghi Huy hiệu Đảng đã nhận",
    )
