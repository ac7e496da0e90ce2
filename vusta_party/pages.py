"""What every list page shares: pages with their numbers and a size the user chooses, and a
sort by one of a whitelist of columns, kept across pages and in the list's export."""

from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.http import QueryDict

PAGE_SIZE = 50  # rows per page of a list
PAGE_SIZES = (25, 50, 100, 200)  # the sizes a user may choose ("?per=")


def page_size(query: QueryDict) -> int:
    """The page size the address asks for, if it is one of PAGE_SIZES."""
    asked = query.get("per", "")
    return int(asked) if asked.isdigit() and int(asked) in PAGE_SIZES else PAGE_SIZE


def paginate(items, query: QueryDict, *, param: str = "page", anchor: str = "") -> Page:
    """The page the address asks for (in `param`, so that several lists of one page are paged
    apart), with the numbers its pagination shows (1 … 4 5 6 … 14); its links keep the rest of
    the address and return to `anchor`, the list's place on the page."""
    page = Paginator(items, page_size(query)).get_page(query.get(param))
    page.numbers = list(
        page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
    )
    page.sizes = PAGE_SIZES
    page.size = page_size(query)
    page.param, page.anchor = param, anchor
    page.query = query_without(query, param)
    return page


@dataclass(frozen=True)
class Sort:
    """A list's sort: the column key the address asks for ("?sort=ten", "?sort=-ten"), if it is
    one of the list's whitelist, and the order it gives (ties broken by id: a stable order)."""

    key: str
    descending: bool
    order: tuple[str, ...]

    @property
    def param(self) -> str:
        return f"-{self.key}" if self.descending else self.key


def sort_of(query: QueryDict, columns: dict[str, tuple[str, ...]], default: str) -> Sort:
    """The sort asked for, or `default` (a key, "-key" for a list newest first)."""
    asked = query.get("sort", "")
    if asked.removeprefix("-") not in columns:
        asked = default
    descending = asked.startswith("-")
    key = asked.removeprefix("-")
    fields = (*columns[key], "id")  # a field may carry its own direction ("-is_active")
    order = tuple(_reversed(f) if descending else f for f in fields)
    return Sort(key, descending, order)


def _reversed(field: str) -> str:
    return field.removeprefix("-") if field.startswith("-") else f"-{field}"


def query_without(query: QueryDict, *names: str) -> str:
    """The address's query without these parameters (for links that set them again)."""
    kept = query.copy()
    for name in names:
        kept.pop(name, None)
    return kept.urlencode()


def list_links(query: QueryDict, sort: Sort | None = None) -> dict:
    """What a list page's template needs for its links (the pages' own are `paginate`'s): its
    sort, and the address's query without the sort (column headers), without the page size
    (sizes) and without the page, size and format (its export: every row, in the same filter and
    sort)."""
    return {
        "sort": sort,
        "sort_query": query_without(query, "page", "sort"),
        "size_query": query_without(query, "page", "per"),
        "export_query": query_without(query, "page", "per", "format"),
    }
