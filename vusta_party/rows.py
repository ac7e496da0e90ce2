"""Plain rows of a queryset, read straight from the database cursor.

The whole-register questions read thousands of rows of a few columns and make one small tuple of
each. Django's own iteration converts every value in Python (and on SQLite its date converter
parses every date through a regular expression), which costs more than the rules that decide each
member. Here the queryset only writes the SQL (its filters, the user's scope); on SQLite each date
column is read as its ISO text and made a date by `date.fromisoformat`, the fastest way there is.
"""

from collections.abc import Callable, Iterator, Sequence
from datetime import date

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import QuerySet, TextField
from django.db.models.functions import Cast

BATCH = 2000  # rows fetched at a time (a whole register is read in steps)


def plain_rows(queryset: QuerySet, fields: Sequence[str], make: Callable = tuple) -> Iterator:
    """`make(values)` for each row of `queryset`, the values of `fields` in that order (dates
    as `date`, booleans as `bool`, on both databases). The queryset's own order is kept."""
    connection = connections[queryset.db]
    model = queryset.model
    dates = [
        i
        for i, name in enumerate(fields)
        if model._meta.get_field(name).get_internal_type() == "DateField"
    ]
    if connection.vendor == "sqlite" and dates:
        text = {f"_text_{i}": Cast(fields[i], TextField()) for i in dates}
        names = [f"_text_{i}" if i in dates else name for i, name in enumerate(fields)]
        queryset = queryset.annotate(**text).values_list(*names)
    else:
        dates = []
        queryset = queryset.values_list(*fields)
    try:
        sql, params = queryset.query.sql_with_params()
    except EmptyResultSet:  # .none(), or a filter no row can match (a user without a scope)
        return
    parse = date.fromisoformat
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        while chunk := cursor.fetchmany(BATCH):
            if not dates:
                yield from map(make, chunk)
                continue
            for values in chunk:
                values = list(values)
                for i in dates:
                    if values[i] is not None:
                        values[i] = parse(values[i])
                yield make(values)
