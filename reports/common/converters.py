"""Path converters: ``<year:year>`` matches a reporting year, so an address with any other year is not
found (404) before a view runs. Registered in ``ReportsConfig.ready``."""

FIRST_YEAR, LAST_YEAR = 2000, 2100


class YearConverter:
    regex = r"[0-9]{4}"

    def to_python(self, value: str) -> int:
        year = int(value)
        if not FIRST_YEAR <= year <= LAST_YEAR:
            raise ValueError("no report can be about this year")  # the resolver answers 404
        return year

    def to_url(self, value: int) -> str:
        return f"{int(value):04d}"
