"""Every performance trick of the PDF renders, in one place, each with why it is done.

Importing this module (or rendering/pdf.py, or volume.py) changes nothing in another library. The one
change to another library, pydyf's zlib level, is made by ``apply()``, which ``ReportsConfig.ready()``
calls: every process that renders (web workers, management commands, the tests, the bench scripts) goes
through ``django.setup()`` and so has it before its first render. The other tricks are applied where they
are used, visibly:
- ``@renders_pdf`` on ``render_pdf`` (rendering/pdf.py) and ``build_volume`` (volume.py): the frame room
  (only on the CPythons that need it) and the garbage collected after each render;
- ``DocumentHTML`` (rendering/pdf.py) builds WeasyPrint's ``HTML`` with ``set_html_attributes``; the
  system check reports.E001 (reports/checks.py) runs ``html_contract_problems()`` to tell when the
  installed WeasyPrint's ``HTML`` is no longer what that relies on.

The figures are bench/pdf_render.py's and callgrind's (which counts instructions whatever the machine's
speed); docs/benchmarks.md has more.
"""

import gc
import inspect
import sys
import types
import zlib
from collections.abc import Callable
from functools import cache, wraps
from typing import Any, ParamSpec, TypeVar

import cssselect2
import pydyf
import weasyprint

_P = ParamSpec("_P")
_R = TypeVar("_R")

# --- pydyf's zlib level ------------------------------------------------------------------------------
# pydyf (WeasyPrint's PDF writer) deflates every stream at zlib level 9, mostly the four subset CJK fonts
# (about 1.2 MB a report). Level 1 writes a file a tenth larger (the demo report: 255 KB instead of
# 229 KB) with 3% fewer instructions per render. pydyf has no setting for it, so ``apply()`` replaces its
# module-level ``zlib`` by one that compresses at ZLIB_LEVEL whatever level is asked.
ZLIB_LEVEL = 1
PYDYF_ZLIB = types.SimpleNamespace(
    compress=lambda data, level=ZLIB_LEVEL: zlib.compress(data, ZLIB_LEVEL),
    compressobj=lambda level=ZLIB_LEVEL, **options: zlib.compressobj(ZLIB_LEVEL, **options),
)


def apply() -> None:
    """Makes the changes to other libraries that the renders rely on; calling it again changes nothing.
    ``ReportsConfig.ready()`` calls it."""
    pydyf.zlib = PYDYF_ZLIB


# --- Frame room --------------------------------------------------------------------------------------
# CPython keeps the frames of Python calls in chunks of 16 KB and, before the fix of gh-142183 (in
# 3.13.13 and 3.14.4, which keep one freed chunk back), frees a chunk as soon as the first frame in it
# returns: 3.11, 3.12, 3.13.0 alike (tests/test_frame_room.py's control). WeasyPrint's layout recursion
# goes up and down across such a boundary some 2,000 times a render of the demo report, each time an
# mmap, a page fault and a munmap: a tenth of the render on the build machine. A frame reserves its
# code's whole stack size; called from a frame whose code claims 512 KB of stack, a render gets a chunk
# of 1 MB of its own, whose free half holds all its frames. Where CPython has the fix, nothing is done.
FRAME_ROOM_SLOTS = 1 << 16  # of 8 bytes


def frame_stack_thrashes() -> bool:
    """Whether this CPython frees a frame-stack chunk as soon as it is left (gh-142183 not fixed)."""
    version = tuple(sys.version_info[:3])
    if version >= (3, 14):
        return version < (3, 14, 4)
    return version < (3, 13, 13)


def _call(function: Callable[..., _R], args: tuple[Any, ...], kwargs: dict[str, Any]) -> _R:
    return function(*args, **kwargs)


@cache
def _call_with_frame_room() -> Callable[..., Any]:
    """``_call`` with a code object that claims FRAME_ROOM_SLOTS of stack, made when first needed."""
    code = _call.__code__.replace(co_stacksize=FRAME_ROOM_SLOTS)
    return types.FunctionType(code, globals(), "_call_with_frame_room")


def with_frame_room(function: Callable[_P, _R]) -> Callable[_P, _R]:
    """Decorator: ``function`` runs in a frame-stack chunk of its own, with room for its deepest calls;
    on a CPython that does not need that (``frame_stack_thrashes()``), ``function`` itself."""
    if not frame_stack_thrashes():
        return function
    call = _call_with_frame_room()

    @wraps(function)
    def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        return call(function, args, kwargs)

    return wrapper


# --- Garbage after a render --------------------------------------------------------------------------
# A render leaves megabytes of garbage in reference cycles that only a full collection frees: without
# one after each render, a long-lived process grows by megabytes a render until Python's thresholds
# collect. A full collection walks every tracked object of the process, though: Django, WeasyPrint, the
# fonts, some 112,000 objects after a first render, 70 to 110 ms on the build machine. Those objects are
# the process's for good, so after the first render's collection they are frozen (gc.freeze: the
# collector never walks them again) and later collections walk only what a render made: the same memory
# (bench/pdf_render.py: 114 MB after 100 renders), a quarter less time (render and collection 0.25 s
# instead of 0.32 s, frozen and unfrozen alternated in one process).
# It stays in the web workers, which are what it is for (long-lived, rendering again and again). It also
# freezes what the first rendering request holds at that moment (its request, the report it fetched):
# reference counting still frees those; only what of them is in a reference cycle stays for the worker's
# life, once, against 70 ms and more saved at every later render. A command that renders once freezes
# after its only render, at no gain and no cost.
_frozen = False


def collect_garbage() -> None:
    """After a render: a full collection; after the first, its survivors frozen."""
    global _frozen
    gc.collect()
    if not _frozen:
        gc.freeze()
        _frozen = True


def renders_pdf(function: Callable[_P, _R]) -> Callable[_P, _R]:
    """Decorator for the functions that render PDFs (``render_pdf``, ``build_volume``): ``function``
    runs with frame room, and the garbage is collected after it, whether it returned or raised."""
    roomy = with_frame_room(function)

    @wraps(function)
    def render(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        try:
            return roomy(*args, **kwargs)
        finally:
            collect_garbage()

    return render


# --- What DocumentHTML relies on in WeasyPrint's HTML -----------------------------------------------
# DocumentHTML (rendering/pdf.py) prints the same boxes as WeasyPrint's HTML (tests/test_pdf_layout.py)
# in less time, in two ways that rely on WeasyPrint's internals:
# - it does not run HTML.__init__, whose tinyhtml5 parser runs in pure Python (a twentieth of a render):
#   libxml2's parser (lxml) reads the template's output and ``set_html_attributes`` sets on the instance
#   what HTML.__init__ sets after parsing;
# - it answers WeasyPrint's hook ``HTML._ua_stylesheets(forms)`` with the user-agent defaults of just
#   the template's elements (document/ua.css) instead of WeasyPrint's own sheet, which styles every
#   element and form control of HTML: matching that against each element of a report is a tenth of a
#   render. The layout must then need nothing from WeasyPrint's sheet that ua.css does not give.
# WeasyPrint 70 has all that (pyproject.toml pins it): 66 and 67 have no weasyprint.urls.URLFetcher for
# StaticOnlyFetcher, and 68 and 69 lay out no page without their own sheet (measured).
# ``html_contract_problems()`` says what of it the installed WeasyPrint no longer has (check reports.E001).
WEASYPRINT_VERSIONS = (70, 70)
HTML_ATTRIBUTES = frozenset({"base_url", "url_fetcher", "media_type", "wrapper_element", "etree_element"})


def set_html_attributes(
    html: Any, root: Any, *, base_url: str, url_fetcher: Any, media_type: str = "print"
) -> None:
    """Sets on ``html`` what WeasyPrint's ``HTML.__init__`` sets after parsing, for ``root``, the root
    element of a tree parsed elsewhere (lxml)."""
    html.base_url = base_url
    html.url_fetcher = url_fetcher
    html.media_type = media_type
    html.wrapper_element = cssselect2.ElementWrapper.from_html_root(root, content_language=None)
    html.etree_element = html.wrapper_element.etree_element


class _HookAsked(Exception):
    pass


def html_contract_problems(document_class: type[Any]) -> list[str]:
    """What the installed WeasyPrint's ``HTML`` does otherwise than ``document_class`` (DocumentHTML,
    built from an HTML string) relies on, in Chinese; none when all is as relied on. Lays out a one-line
    probe: some tens of milliseconds."""
    source = "<html><body><p>探针</p></body></html>"
    try:
        html = weasyprint.HTML(string=source)
    except Exception as error:
        return [f"HTML(string=…) 出错：{error!r}"]
    problems: list[str] = []
    attributes = set(vars(html))
    if attributes != HTML_ATTRIBUTES:
        changes = []
        if missing := sorted(HTML_ATTRIBUTES - attributes):
            changes.append(f"不再设置 {', '.join(missing)}")
        if added := sorted(attributes - HTML_ATTRIBUTES):
            changes.append(f"另外设置了 {', '.join(added)}")
        problems.append(f"HTML.__init__ {'，'.join(changes)}")
    elif not (
        isinstance(html.wrapper_element, cssselect2.ElementWrapper)
        and html.etree_element is html.wrapper_element.etree_element
    ):
        problems.append("HTML.__init__ 不再以 cssselect2.ElementWrapper 包装解析出的文档树")

    hook = getattr(weasyprint.HTML, "_ua_stylesheets", None)
    if not callable(hook) or "forms" not in inspect.signature(hook).parameters:
        problems.append("HTML 没有 _ua_stylesheets(forms) 方法")
        return problems

    class Probe(document_class):
        def _ua_stylesheets(
            self, forms: bool = False
        ) -> list[Any]:  # stops the layout where styling asks for the sheets
            raise _HookAsked

    try:
        Probe(source).render()
    except _HookAsked:
        pass
    except Exception as error:
        problems.append(f"未经 HTML.__init__ 构建的文档无法排版：{error!r}")
        return problems
    else:
        problems.append("排版时不再调用 HTML._ua_stylesheets(forms)，document/ua.css 不会生效")
        return problems

    try:
        pages = document_class(source).render().pages
    except Exception as error:
        pages, failure = [], repr(error)
    else:
        failure = f"{len(pages)} 页"
    if len(pages) != 1:
        problems.append(f"只用 document/ua.css 作用户代理样式表时，一行的文档排不出一页（{failure}）")
    return problems
