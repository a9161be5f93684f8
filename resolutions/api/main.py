"""The API's one instance: version 1, its routers, its errors, its OpenAPI document and docs."""

from __future__ import annotations

from ninja import NinjaAPI, Swagger
from ninja.operation import Operation
from ninja.renderers import JSONRenderer

from . import documents, entities, paragraphs, searches
from .errors import install_handlers
from .representations import NAMESPACE

DESCRIPTION = """\
Everything public in the archive of UN crime-prevention resolutions, as JSON: no key, no
account, read-only. Only published documents appear.

Lists come a page at a time with their total (`count`, `page`, `num_pages`, and the addresses
of the `next` and `previous` pages). Errors are JSON too: `{"message": ..., "code": ...}`, with
`errors` naming each parameter that could not be read. Requests are rate-limited per address;
past the limit the answer is 429 with `Retry-After` (seconds).
"""


class UnicodeJSONRenderer(JSONRenderer):
    """JSON in UTF-8 as written (`Côte d'Ivoire`, not `\\u00f4`)."""

    json_dumps_params = {"ensure_ascii": False}


class ArchiveAPI(NinjaAPI):
    """Operation ids are the operations' names: `search_archive`, `get_document`, ..."""

    def get_openapi_operation_id(self, operation: Operation) -> str:
        return operation.view_func.__name__


api = ArchiveAPI(
    title="UN Crime-Prevention Resolutions Archive API",
    version="1",
    description=DESCRIPTION,
    urls_namespace=NAMESPACE,
    openapi_url="/openapi.json",
    # Swagger UI from the files django-ninja ships (collected as static files), set up by an
    # external script: no CDN, nothing inline, so it runs under the site's CSP. Without deep
    # links an operation's path is plain text, not a link nested inside its open/close button.
    docs=Swagger(settings={"defaultModelsExpandDepth": 0, "deepLinking": False}),
    docs_url="/docs/",
    renderer=UnicodeJSONRenderer(),
)
install_handlers(api)
api.add_router("", searches.router)
api.add_router("", documents.router)
api.add_router("", paragraphs.router)
api.add_router("", entities.router)
