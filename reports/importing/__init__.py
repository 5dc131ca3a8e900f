"""Importing an existing report from its text: ``read_report_file`` reads a .docx or .txt file,
``parse_report_text`` reads the text, ``create_report_from_parse`` stores it as a draft."""

from .apply import ReportExists, create_report_from_parse
from .docx import TOO_LARGE, ImportRefused
from .files import read_report_file
from .parser import ParsedItem, ParsedReport, ParsedSection, parse_report_text

__all__ = [
    "TOO_LARGE",
    "ImportRefused",
    "ParsedItem",
    "ParsedReport",
    "ParsedSection",
    "ReportExists",
    "create_report_from_parse",
    "parse_report_text",
    "read_report_file",
]
