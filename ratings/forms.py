"""The rating grid: one form per member to rate, and the cell's own rating. A bound grid keeps
every value typed, and marks the field that is wrong."""

from django import forms

from ratings.enums import RatingLevel

LEVEL_CHOICES = [
    ("", "—"),
    *((value, f"{value} – {label}") for value, label in RatingLevel.choices),
]


SCORE_ERROR = "Điểm là số nguyên từ 0 đến 100."


class RatingForm(forms.Form):
    level = forms.ChoiceField(
        label="Mức xếp loại",
        choices=LEVEL_CHOICES,
        required=False,
        error_messages={
            "invalid_choice": "Không có mức “%(value)s”: chọn HTXSNV, HTTNV, HTNV hoặc KHTNV."
        },
    )
    score = forms.IntegerField(
        label="Điểm",
        min_value=0,
        max_value=100,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
        error_messages={"invalid": SCORE_ERROR, "min_value": SCORE_ERROR, "max_value": SCORE_ERROR},
    )

    @property
    def unknown_level(self) -> str:
        """A level posted that is none of the choices: shown as typed, marked wrong."""
        value = self["level"].value() or ""
        return value if value and value not in dict(LEVEL_CHOICES) else ""

    @property
    def known_level(self) -> str:
        """The level the form holds if it is one of the choices ("" otherwise)."""
        value = self["level"].value() or ""
        return "" if self.unknown_level else value

    def clean(self):
        data = super().clean()
        if data.get("score") is not None and not data.get("level"):
            self.add_error("level", "Có điểm thì phải chọn mức xếp loại.")
        return data


def grid_forms(rows, data=None, cell_rating=None) -> tuple[list[tuple], RatingForm]:
    """(row, form or None) for each grid row, and the cell's form; a row not rated has none."""
    pairs = []
    for row in rows:
        if row.not_rated:
            pairs.append((row, None))
            continue
        initial = {"level": row.rating.level, "score": row.rating.score} if row.rating else {}
        pairs.append((row, RatingForm(data, prefix=f"m{row.member.pk}", initial=initial)))
    cell_initial = {"level": cell_rating.level, "score": cell_rating.score} if cell_rating else {}
    return pairs, RatingForm(data, prefix="cell", initial=cell_initial)


class RatingImportForm(forms.Form):
    file = forms.FileField(label="Tệp xếp loại")
    lock = forms.BooleanField(
        label="Khóa các năm được nhập (để tính số năm liền)", required=False, initial=True
    )


class ExemplaryCellsForm(forms.Form):
    """The cells the committee marks tiêu biểu in a year, among those rated HTXSNV."""

    cells = forms.MultipleChoiceField(
        label="Chi bộ tiêu biểu",
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
    )
    cap = forms.IntegerField(
        label="Số chi bộ tiêu biểu tối đa",
        required=False,
        min_value=1,
        max_value=999,
        help_text="Để trống nếu không giới hạn.",
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "class": "form-control form-control-sm", "size": 4}
        ),
    )

    def __init__(self, *args, ratings=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cells"].choices = [(str(r.cell_id), r.cell.name) for r in ratings]
