"""The static files storage of production: whitenoise's compressed, hashed copies (``collectstatic``).

Two differences:
- a stylesheet's ``url()`` to a font that is not there is left as written instead of failing
  ``collectstatic``. The document stylesheet names the fonts ``make`` cuts to GB2312 (static/fonts/, not in
  git or the wheel); without them the PDF takes the next font of the stack (README, The PDF), so an
  installed copy must collect its static files all the same;
- fonts are not compressed: brotli takes 20 s over the 2.6 MB 小标宋 cut (an OpenType font is compressed
  inside already: gzip saves 14 %), and browsers fetch the fonts only for the on-screen preview.
"""

from typing import Any
from urllib.parse import unquote, urlsplit

from whitenoise.compress import Compressor
from whitenoise.storage import CompressedManifestStaticFilesStorage

OPTIONAL_PREFIX = "fonts/"
NOT_COMPRESSED = (*Compressor.SKIP_COMPRESS_EXTENSIONS, "otf", "ttf")


class StaticStorage(CompressedManifestStaticFilesStorage):
    def hashed_name(self, name: str, content: Any = None, filename: str | None = None) -> str:
        path = urlsplit(unquote(filename or name)).path.strip()
        if content is None and path.startswith(OPTIONAL_PREFIX) and not self.exists(path):
            return name
        return str(super().hashed_name(name, content, filename))

    def create_compressor(self, **kwargs: Any) -> Compressor:
        if kwargs.get("extensions") is None:  # WHITENOISE_SKIP_COMPRESS_EXTENSIONS, when set, wins
            kwargs["extensions"] = NOT_COMPRESSED
        return Compressor(**kwargs)
