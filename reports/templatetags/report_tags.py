from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def lookup(mapping, key):
    """``{{ mapping|lookup:key }}``: a dict entry by a variable key ("" when absent)."""
    if not mapping:
        return ""
    return mapping.get(key, "")


@register.filter
def day(moment):
    """``{{ moment|day }}``: the local date as "2025-02-20" ("" for None), as ``|date:"Y-m-d"`` prints it
    in a quarter of the time: the dashboard of 1,000 units prints ~1,700 dates, 5% of the page's time."""
    if moment is None:
        return ""
    return timezone.localdate(moment).isoformat()
