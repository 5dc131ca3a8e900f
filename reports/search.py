"""Full-text search of the reports, for the public (published reports, their masked text) and for the
district office (every report of its district, published or not).

Chinese has no spaces between words, so the search is a substring match (``icontains``), the same on
SQLite and PostgreSQL: the public's reads the one text column each publication stores
(``Publication.search_text``); the office's finds the reports whose fields contain the words, then
reads those reports' text. Each result shows the sentences that contain the words, the words marked
(``<mark>``); everything else in the sentence is escaped.
"""

import re
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .models import Publication, Report, Unit
from .rendering.document import build_blocks

QUERY_MAX = 50  # characters
RESULTS_MAX = 50
SENTENCES_PER_RESULT = 3
_SENTENCE_END = re.compile(r"(?<=[。！？；!?;\n])")


def clean_query(text: str) -> str:
    """The words to look for: spaces around removed, runs of spaces made one, at most QUERY_MAX characters."""
    return " ".join(text.split())[:QUERY_MAX]


def highlighted_sentences(text: str, query: str, limit: int = SENTENCES_PER_RESULT) -> list[SafeString]:
    """The first ``limit`` sentences of ``text`` that contain ``query`` (case-insensitive), escaped, with
    each occurrence in <mark>."""
    if not query:
        return []
    pattern = re.compile(re.escape(query), re.IGNORECASE)
    found = []
    for sentence in _SENTENCE_END.split(text):
        sentence = sentence.strip()
        if not pattern.search(sentence):
            continue
        pieces, last = [], 0
        for match in pattern.finditer(sentence):
            pieces.append(escape(sentence[last : match.start()]))
            pieces.append(f"<mark>{escape(match.group())}</mark>")
            last = match.end()
        pieces.append(escape(sentence[last:]))
        found.append(mark_safe("".join(pieces)))  # every piece escaped above
        if len(found) == limit:
            break
    return found


@dataclass
class Result:
    report: Report
    sentences: list[SafeString]
    publication: Publication | None = None


def search_published(
    query: str, *, district: Unit | None = None, year: int | None = None, unit: Unit | None = None
) -> list[Result]:
    """Published reports whose public text contains ``query``, newest year first, in unit order."""
    if not query:
        return []
    publications = (
        Publication.objects.visible()
        .filter(search_text__icontains=query)
        .select_related("report__unit__parent")
        .order_by("-report__year", "report__unit__position", "report__unit__code")
    )
    if district is not None:
        publications = publications.filter(report__unit__parent=district)
    if year is not None:
        publications = publications.filter(report__year=year)
    if unit is not None:
        publications = publications.filter(report__unit=unit)
    return [
        Result(p.report, highlighted_sentences(p.search_text, query), p) for p in publications[:RESULTS_MAX]
    ]


def _containing(query: str) -> Q:
    return (
        Q(title__icontains=query)
        | Q(addressee__icontains=query)
        | Q(preamble__icontains=query)
        | Q(document_number__icontains=query)
        | Q(organs__name__icontains=query)
        | Q(sections__heading__icontains=query)
        | Q(sections__items__heading__icontains=query)
        | Q(sections__items__body__icontains=query)
    )


def search_district(
    district: Unit, query: str, *, year: int | None = None, unit: Unit | None = None
) -> list[Result]:
    """Every report below ``district`` (any status, any depth: a city's search reaches its districts'
    units) whose text contains ``query``: the office's search."""
    if not query:
        return []
    reports: QuerySet[Report] = Report.objects.below(district)
    if year is not None:
        reports = reports.filter(year=year)
    if unit is not None:
        reports = reports.filter(unit=unit)
    ids = reports.filter(_containing(query)).values("pk").distinct()
    found = (
        Report.objects.filter(pk__in=ids)
        .select_related("unit", "publication")
        .order_by("-year", "unit__position", "unit__code")
    )
    results = []
    for report in found[:RESULTS_MAX]:
        text = "\n".join(block.text for block in build_blocks(report))
        results.append(Result(report, highlighted_sentences(text, query)))
    return results
