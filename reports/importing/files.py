"""The text of a report file, whatever it came as: a Word document, or plain text in a Chinese encoding.

Shared by the browser's upload and ``manage.py import_report``, so both accept and refuse the same files
with the same Chinese messages.
"""

from pathlib import PurePath

from .docx import EMPTY, MAX_UPLOAD_BYTES, OLE_SIGNATURE, TOO_LARGE, ImportRefused, docx_to_lines

# Chinese Windows saves "ANSI" text as GB18030 (GBK); Notepad's "UTF-8" may carry a BOM.
ENCODINGS = ("utf-8-sig", "gb18030")
WORD_SUFFIXES = (".docx", ".doc", ".wps")
UNKNOWN_ENCODING = "无法识别文件编码（支持 UTF-8 和 GB18030）。请另存为 UTF-8 编码的文本后再导入。"
UNSUPPORTED = "只能导入 Word 文档（.docx）或文本文件（.txt）。"


def decode_text(data: bytes) -> str:
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportRefused(UNKNOWN_ENCODING)


def read_report_file(name: str, data: bytes) -> str:
    """The text ``parse_report_text`` reads, from a file's name and bytes; ``ImportRefused`` if it can't.

    A Word file is known by its content as well as its name, so a .docx renamed .txt still reads.
    """
    if len(data) > MAX_UPLOAD_BYTES:
        raise ImportRefused(TOO_LARGE)
    suffix = PurePath(name).suffix.lower()
    if suffix in WORD_SUFFIXES or data.startswith((b"PK\x03\x04", OLE_SIGNATURE)):
        text = "\n".join(docx_to_lines(data))
    elif suffix == ".txt":
        text = decode_text(data)
    else:
        raise ImportRefused(UNSUPPORTED)
    if not text.strip():
        raise ImportRefused(EMPTY)
    return text
