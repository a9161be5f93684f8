"""The read-only JSON API, version 1, at `/api/v1/` (django-ninja: typed schemas, OpenAPI).

`main.api` is its one implementation; `legacy` keeps the addresses of the first, unversioned
API (`/api/search/`, ...) as aliases of its operations, and `/api/` as the page for people.
"""
