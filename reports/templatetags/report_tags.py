from django import template

register = template.Library()


@register.filter
def lookup(mapping, key):
    """``{{ mapping|lookup:key }}``: a dict entry by a variable key ("" when absent)."""
    if not mapping:
        return ""
    return mapping.get(key, "")
