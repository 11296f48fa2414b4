"""codegen: writes every generated part of libyativo from its two descriptions.

- ``api/endpoints.toml``: every endpoint (see ``api.py``).
- ``core/include/yativo/status.def``: every status code (see ``status.py``).

Run ``python3 -m codegen`` from the repository root to rewrite the generated files, and
``python3 -m codegen --check`` to fail (exit 1) when one is stale; ``make test`` runs the check.
"""
