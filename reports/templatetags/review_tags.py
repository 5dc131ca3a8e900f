"""The report page's document, written in Python (issue 13).

The page printed each block of the report through the template engine, with a comment form included per
section and item: ~100 includes and ~450 node renders, half of the leader's page. ``review_blocks`` writes
what the block loop of templates/reports/detail.html wrote, character for character
(``tests/test_review_views.py`` renders both and compares); the comment threads, rare, still go through
reports/_thread.html.
"""

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from reports.common.widgets import printed

register = template.Library()

THREAD_TEMPLATE = "reports/_thread.html"


def _csrf_field(csrf_token) -> str:
    """What ``{% csrf_token %}`` writes."""
    if not csrf_token or csrf_token == "NOTPROVIDED":
        return ""
    return format_html('<input type="hidden" name="csrfmiddlewaretoken" value="{}">', csrf_token)


@register.simple_tag(takes_context=True)
def review_blocks(context, blocks, threads, here) -> SafeString:
    """``{% review_blocks blocks threads here %}``: each block with, under a section or an item, its
    comment threads and the form for a new comment (which comes back to ``here``)."""
    report = context["report"]
    form_start = (
        '\n          <details class="new-comment mt-1">\n  <summary class="small">添加意见</summary>'
        f'\n  <form method="post" action="{printed(reverse("reports:comment", args=[report.pk]))}" class="mt-1">'
        f"\n    {_csrf_field(context.get('csrf_token'))}"
    )
    form_end = (
        f'<input type="hidden" name="next" value="{printed(here)}">'
        '\n    <textarea name="body" rows="2" class="form-control form-control-sm" required maxlength="2000" '
        'aria-label="添加意见"></textarea>\n    <button type="submit" class="btn btn-sm btn-primary mt-1">发表意见'
        "</button>\n  </form>\n</details>\n\n        "
    )
    parts = []
    for block in blocks:
        anchor = block.anchor
        id_attribute = f'id="{printed(anchor)}"' if anchor else ""
        parts.append(
            f'\n      <div class="review-block kind-{printed(block.kind)} level-{printed(block.level)}" '
            f'{id_attribute}>\n        <div class="review-text">'
        )
        parts.extend(
            f'<span class="run-{printed(run.role)}">{printed(run.text)}</span>' for run in block.runs
        )
        parts.append("</div>\n        ")
        if anchor:
            parts.append("\n          ")
            for comment in (threads or {}).get(anchor, ()):
                parts.append(_thread(context, comment, here))
            parts.append(form_start)
            parts.append(f'<input type="hidden" name="target" value="{printed(anchor)}">{form_end}')
        parts.append("\n      </div>\n    ")
    return mark_safe("".join(parts))


def _thread(context, comment, here) -> str:
    """``{% include "reports/_thread.html" with next=here %}`` for ``comment``."""
    thread = context.template.engine.get_template(THREAD_TEMPLATE)
    with context.push(comment=comment, next=here):
        return thread.render(context)


DIFF_TAGS = {
    "insert": ('<ins class="diff-insert">', "</ins>"),
    "delete": ('<del class="diff-delete">', "</del>"),
}


@register.filter
def diff_html(pieces) -> SafeString:
    """``{{ part.pieces|diff_html }}``: a compared part's pieces (``snapshots.character_diff``), an insertion
    in ``<ins>``, a deletion in ``<del>``, the rest in ``<span>``; written here, not by a loop of the
    template (a long part has hundreds of pieces)."""
    parts = []
    for op, text in pieces:
        start, end = DIFF_TAGS.get(op, ("<span>", "</span>"))
        parts.append(f"{start}{printed(text)}{end}")
    return mark_safe("".join(parts))
