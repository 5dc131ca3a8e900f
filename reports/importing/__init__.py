"""Importing an existing report from its text: ``parse_report_text`` reads it, ``create_report_from_parse``
stores it as a draft."""

from .apply import ReportExists, create_report_from_parse
from .parser import ParsedItem, ParsedReport, ParsedSection, parse_report_text

__all__ = [
    "ParsedItem",
    "ParsedReport",
    "ParsedSection",
    "ReportExists",
    "create_report_from_parse",
    "parse_report_text",
]
