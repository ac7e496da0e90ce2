"""The figures of Biểu 7-BTCTW staff type: two per typed row (this period, the same period
last year), each blank or a whole number (reports.statform.rules.parse_typed)."""

from django import forms

from reports.statform.queries import StatForm
from reports.statform.rules import parse_typed

COLUMNS = ("current", "previous")


def field_name(column: str, row: str) -> str:
    return f"{column}-{row}"


class TypedFigureField(forms.CharField):
    def to_python(self, value):
        try:
            return parse_typed(super().to_python(value) or "")
        except ValueError as error:
            raise forms.ValidationError(str(error)) from error


class StatFormEntriesForm(forms.Form):
    def __init__(self, *args, statform: StatForm, **kwargs):
        super().__init__(*args, **kwargs)
        self.statform = statform
        for row in statform.typed_rows:
            for column in COLUMNS:
                value = getattr(row, column)
                self.fields[field_name(column, row.key)] = TypedFigureField(
                    label=row.label.lstrip("-0123456789. "),
                    required=False,
                    initial="" if value is None else str(value),
                    widget=forms.TextInput(
                        attrs={"inputmode": "numeric", "class": "form-control form-control-sm"}
                    ),
                )

    def figures(self) -> dict:
        """{period: {row: figure or None}} of the cleaned form."""
        periods = {"current": self.statform.period, "previous": self.statform.previous}
        return {
            periods[column]: {
                row.key: self.cleaned_data[field_name(column, row.key)]
                for row in self.statform.typed_rows
            }
            for column in COLUMNS
        }

    def bound_pairs(self):
        """{row: (its field of this period, of the same period last year)}, for the table; a
        field refused is marked so."""
        for name in self.errors:
            if name in self.fields:
                attrs = self.fields[name].widget.attrs
                attrs.update({"class": f"{attrs['class']} is-invalid", "aria-invalid": "true"})
        return {
            row.key: (self[field_name("current", row.key)], self[field_name("previous", row.key)])
            for row in self.statform.typed_rows
        }
