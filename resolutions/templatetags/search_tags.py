"""Template helpers of the search page: URLs that change one parameter, highlighted snippets."""

from __future__ import annotations

from django import template
from django.http import QueryDict
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from ..search import highlighted

register = template.Library()

# Parameters that describe the page shown, not the selection: changing a filter resets them.
_PAGE_KEYS = ("page",)


def _params(context: template.Context) -> QueryDict:
    request = context.get("request")
    params = request.GET.copy() if request is not None else QueryDict(mutable=True)
    for key in _PAGE_KEYS:
        params.pop(key, None)
    return params


def _url(params: QueryDict) -> str:
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.simple_tag(takes_context=True)
def toggle_url(context: template.Context, key: str, value: object) -> str:
    """This search with `value` added to `key`, or removed if it is there (back to page 1)."""
    params = _params(context)
    value = str(value)
    values = params.getlist(key)
    if value in values:
        values.remove(value)
    else:
        values.append(value)
    params.setlist(key, values)
    return _url(params)


@register.simple_tag(takes_context=True)
def without_url(context: template.Context, *keys: str) -> str:
    """This search without the given parameters (back to page 1)."""
    params = _params(context)
    for key in keys:
        params.pop(key, None)
    return _url(params)


@register.simple_tag(takes_context=True)
def with_url(context: template.Context, **changes: object) -> str:
    """This search with parameters set (an empty value removes one); `page` is kept if given."""
    request = context.get("request")
    params = request.GET.copy() if request is not None else QueryDict(mutable=True)
    if "page" not in changes:
        params.pop("page", None)
    for key, value in changes.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = str(value)
    return _url(params)


@register.simple_tag(takes_context=True)
def hidden_params(context: template.Context, *skip: str) -> SafeString:
    """Hidden inputs carrying the current parameters but `skip` (and page) into another form."""
    params = _params(context)
    inputs = []
    for key, values in params.lists():
        if key in skip:
            continue
        for value in values:
            inputs.append(f'<input type="hidden" name="{escape(key)}" value="{escape(value)}">')
    return mark_safe("".join(inputs))  # every piece is escaped above


@register.filter
def highlight(snippet: object) -> SafeString:
    """A snippet from the search: escaped, then its markers turned into <mark>."""
    return highlighted(snippet)


@register.filter
def get_item(mapping: object, key: str) -> object:
    """mapping[key] in a template, or None."""
    try:
        return mapping[key]  # type: ignore[index]
    except (KeyError, TypeError, IndexError):
        return None
