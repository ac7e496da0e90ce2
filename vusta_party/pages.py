"""What every list page shares."""

PAGE_SIZE = 50  # rows per page of a list
