"""Jinja2 templates (codegen/templates/) with the filters every target needs.

Jinja2 (python3-jinja2 / PyPI `jinja2`) is the dependency: templates read as the code they make,
where string concatenation in Python would not.
"""

from __future__ import annotations

import pathlib
import re
import textwrap

import jinja2

TEMPLATES = pathlib.Path(__file__).resolve().parent / "templates"


def snake(name: str) -> str:
    return name


def pascal(name: str) -> str:
    """create_api_key -> CreateAPIKey style is Go's; this is the plain form: CreateApiKey."""
    return "".join(part[:1].upper() + part[1:] for part in name.split("_"))


GO_INITIALISMS = {"id": "ID", "api": "API", "url": "URL", "json": "JSON", "totp": "TOTP",
                  "2fa": "2FA", "http": "HTTP", "iban": "IBAN", "kyc": "KYC", "ttl": "TTL"}


def go_pascal(name: str) -> str:
    return "".join(GO_INITIALISMS.get(p, p[:1].upper() + p[1:]) for p in name.split("_"))


def go_camel(name: str) -> str:
    first, *rest = name.split("_")
    return first + go_pascal("_".join(rest)) if rest else first


def c_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def wrap(text: str, width: int = 96, prefix: str = "") -> str:
    """Wraps each line of text to width, every output line starting with prefix (' * ', '/// ')."""
    lines = []
    for para in text.strip().split("\n"):
        lines += textwrap.wrap(" ".join(para.split()), width - len(prefix), break_on_hyphens=False,
                               break_long_words=False) or [""]
    return "\n".join((prefix + line).rstrip() for line in lines)


_env = jinja2.Environment(
    loader=jinja2.FileSystemLoader(str(TEMPLATES)),
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)
_env.filters.update(add_suffix=lambda s, suffix: s + suffix, capture_move=lambda n: f"{n} = std::move({n})", pascal=pascal, go_pascal=go_pascal, go_camel=go_camel, c_string=c_string,
                    wrap=wrap)


def render(template: str, **values) -> str:
    text = _env.get_template(template).render(**values)
    return re.sub(r"\n{3,}", "\n\n", text)
