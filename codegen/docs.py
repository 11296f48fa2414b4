"""docs/endpoints.md: every endpoint, with its name in each language, its rules and parameters."""

from __future__ import annotations

from .capi import c_literal
from .templating import go_pascal
from .templating import render as tmpl

TYPES = {"string": "string", "decimal": "exact decimal (text)", "int": "integer", "bool": "bool",
         "string_list": "list of strings", "enum": "one of", "fields": "JSON object (merged)",
         "json": "any JSON value"}
KINDS = {"read": "read (safe to repeat)", "write": "write (retried only with an idempotency key)",
         "moves_value": "moves value (always keyed)"}


def param_type(p) -> str:
    if p.type == "enum":
        text = "one of " + ", ".join(f"`{v}`" for v in p.values)
        if p.aliases:
            text += " (" + ", ".join(f"`{a}` = `{b}`" for a, b in p.aliases.items()) + ")"
        return text
    text = TYPES[p.type]
    if p.min is not None or p.max is not None:
        text += f" {p.min if p.min is not None else ''}..{p.max if p.max is not None else ''}"
    return text


def render(ctx, out) -> None:
    api = ctx.api
    out.file("docs/endpoints.md", tmpl("docs/endpoints.md.j2", api=api, go_pascal=go_pascal,
                                       param_type=param_type, KINDS=KINDS, literal=c_literal))
