"""The core: Client's method declarations (client.hpp), the parameter structs (types.hpp), and
endpoints_gen.cpp with the route table and every generated request builder."""

from __future__ import annotations

import re

from .api import Endpoint, Param, snake_of
from .templating import c_string
from .templating import render as tmpl

KIND = {"read": "Kind::Read", "write": "Kind::Write", "moves_value": "Kind::MovesValue"}
TWO_FACTOR = {"none": "TwoFactor::None", "required": "TwoFactor::Required",
              "on_demand": "TwoFactor::OnDemand"}


def arg_name(p: Param) -> str:
    return p.name + "_json" if p.type in ("fields", "json") else p.name


def arg_type(p: Param) -> str:
    """A positional argument's C++ type; "" / nullopt / empty means unset."""
    if p.type == "string_list":
        return "const std::vector<std::string> &"
    if p.type == "int":
        return "std::optional<std::int64_t>" if p.optional else "std::int64_t"
    if p.type == "bool":
        return "std::optional<bool>" if p.tristate else "bool"
    return "std::string_view"


def field_decl(p: Param) -> str:
    """A parameter struct's member, with the default it has in the core."""
    if p.type == "string_list":
        return f"std::vector<std::string> {p.name};"
    if p.type == "int":
        if p.has_default:
            return f"int {p.name} = {p.default};"
        return f"std::optional<int> {p.name};" if p.optional else f"int {p.name} = 0;"
    if p.type == "bool":
        if p.tristate:
            return f"std::optional<bool> {p.name};"
        return f"bool {p.name} = {'true' if p.default else 'false'};"
    return f"std::string {p.name};"


def result_type(e: Endpoint) -> str:
    if e.returns == "none":
        return "void"
    if e.returns == "json":
        return "Payload"
    return f"std::vector<{e.record}>" if e.returns_list else e.record


MEMBER = {"string": "std::string", "decimal": "std::string",
          "int": "std::optional<std::int64_t>", "bool": "std::optional<bool>",
          "string_list": "std::vector<std::string>", "json": "Payload"}
READER = {"string": "field_string", "decimal": "field_decimal", "int": "field_int",
          "bool": "field_bool", "string_list": "field_strings"}


def record_keys(r) -> dict:
    """How a record's decoder finds its fields in one pass over the object: a slot per JSON key
    the record reads (its fields' keys in field order, each field's in priority order), the keys
    grouped by their length in bytes (the matcher's switch), and each field's slots (first,
    count)."""
    slots, fields = [], {}
    for f in r.fields:
        if f.from_call or f.type == "json":
            continue
        fields[f.name] = (len(slots), len(f.wire))
        slots += f.wire
    by_length = {}
    for slot, key in enumerate(slots):
        by_length.setdefault(len(key.encode()), []).append((key, slot))
    return dict(count=len(slots), by_length=sorted(by_length.items()), fields=fields)


def record_member(f) -> str:
    return f"{MEMBER[f.type]} {f.name};"


def record_absent(f) -> str:
    """What an absent field holds, said after its doc."""
    if f.required or f.type == "json":
        return ""
    if f.type in ("string", "decimal"):
        return '; "" when absent' if f.type == "string" else '; exact text, "" when absent'
    if f.type in ("int", "bool"):
        return "; nullopt when absent"
    return "; empty when absent"


def signature(e: Endpoint, qualified: bool = False, defaults: bool = True) -> str:
    name = ("Client::" if qualified else "") + e.name
    if e.struct:
        args = [f"const {e.struct} &params"]
    else:
        args = []
        for i, p in enumerate(e.params):
            trailing_optional = all(q.optional for q in e.params[i:])
            dflt = " = {}" if defaults and trailing_optional and p.optional else ""
            t = arg_type(p)
            sep = "" if t.endswith("&") else " "
            args.append(f"{t}{sep}{arg_name(p)}{dflt}")
    args.append("const CallOptions &call" + (" = {}" if defaults else ""))
    return f"{result_type(e)} {name}({', '.join(args)})"


def path_expr(e: Endpoint, value, path: str = "") -> str:
    """The C++ expression of the path (the endpoint's, or `path`: its fallback's): literals and
    checked path segments. A path without segments is the literal itself (no allocation)."""
    parts = []
    rest = path or e.path
    names = re.findall(r"\{([a-z_]+)\}", rest)
    for p in sorted((q for q in e.params if q.name in names), key=lambda q: names.index(q.name)):
        before, rest = rest.split("{" + p.name + "}", 1)
        if before:
            parts.append(c_string(before))
        parts.append(f'detail::path_segment({value(p)}, {c_string(p.name.replace("_", " "))})')
    if rest:
        parts.append(c_string(rest))
    if len(parts) == 1 and parts[0].startswith('"'):
        return f"detail::CallPath::literal({parts[0]})"
    if parts[0].startswith('"'):
        parts[0] = f"std::string({parts[0]})"
    return " + ".join(parts)


def body_lines(e: Endpoint, value, fallback: bool = False) -> list:
    """Checks, then the body (or query): one C++ statement per line. With `fallback`, the body of
    the endpoint's fallback (its wire keys, the parameters not in its path)."""
    # Every required value is checked for presence first, then each value's form, in order: a
    # call missing a parameter says so before it says another one is malformed.
    presence, checks, body = [], [], []
    for p in (e.fallback_params if fallback else e.body_params):
        wire_key = e.fallback_wire(p) if fallback else p.wire
        v, wire, what = value(p), c_string(wire_key), c_string(p.name)
        t = p.type
        if t in ("string", "decimal"):
            if p.check == "http_url":
                checks.append(f"detail::check_http_url({v}, {what});")
            elif p.required:
                presence.append(f"detail::require({v}, {what});")
            if p.check == "address":
                chain = next(q for q in e.params if q.name == "chain")
                checks.append(f"detail::validate_address({value(chain)}, {v});")
        if t == "string":
            if p.has_default:
                body.append(f"b.field({wire}, {v}.empty() ? std::string_view({c_string(p.default)}) : std::string_view({v}));")
            else:
                body.append(f"b.field({wire}, {v}{', true' if p.optional else ''});")
        elif t == "decimal":
            local = f"{p.name}_digits"
            checks.append(f"const std::string {local} = {v}.empty() ? std::string() : validate_amount({v});")
            body.append(f"if (!{local}.empty()) b.number({wire}, {local});")
        elif t == "enum":
            local = f"{p.name}_value"
            values = ", ".join(c_string(x) for x in p.values)
            aliases = ", ".join(f"{{{c_string(a)}, {c_string(b)}}}" for a, b in p.aliases.items())
            fallback = c_string(p.default or "")
            if p.optional and not p.has_default:
                checks.append(f"const std::string {local} = {v}.empty() ? std::string() : detail::enum_value({v}, {what}, {{{values}}}, {{{aliases}}}, \"\");")
                body.append(f"b.field({wire}, {local}, true);")
            else:
                checks.append(f"const std::string {local} = detail::enum_value({v}, {what}, {{{values}}}, {{{aliases}}}, {fallback});")
                body.append(f"b.field({wire}, {local});")
        elif t == "int":
            lo = p.min if p.min is not None else "INT64_MIN"
            rng = f"{lo}, {p.max}" if p.max is not None else (f"{lo}" if p.min is not None else "")
            if p.optional and not p.has_default:
                if rng:
                    checks.append(f"if ({v}) detail::check_range(*{v}, {what}, {rng});")
                body.append(f"if ({v}) b.integer({wire}, *{v});")
            else:
                if rng:
                    checks.append(f"detail::check_range({v}, {what}, {rng});")
                body.append(f"b.integer({wire}, {v});")
        elif t == "bool":
            body.append(f"if ({v}) b.boolean({wire}, *{v});" if p.tristate
                        else f"b.boolean({wire}, {v});")
        elif t == "string_list":
            if p.check == "permissions":
                checks.append(f"detail::check_permissions({v});")
            elif p.required:
                checks.append(f"detail::require_items({v}, {what});")
            else:
                checks.append(f"detail::check_items({v}, {what});")
            body.append(f"b.strings({wire}, {v}{', true' if p.optional else ''});")
        elif t == "fields":
            body.append(f"b.merge({v}, {what});")
        elif t == "json":
            if p.required:
                presence.append(f"detail::require({v}, {what});")
            body.append(f"b.json({wire}, {v}, {what});")
    return presence + checks, body


def builder(e: Endpoint) -> dict:
    def value(p: Param) -> str:
        return f"params.{p.name}" if e.struct else arg_name(p)

    checks, body = body_lines(e, value)
    fallback = None
    if e.fallback:
        _, fb_body = body_lines(e, value, fallback=True)
        fb = e.fallback
        fallback = dict(method=fb.method, path=path_expr(e, value, fb.path),
                        container=("Query" if fb.in_query else "Body")
                        if e.fallback_params else "",
                        body=[re.sub(r"\bb\.", "fb.", line) for line in fb_body],
                        family=c_string(e.family))
    call_args = (f"const {e.struct} &params" if e.struct else
                 "" if not e.params else
                 signature(e, defaults=False).split("(", 1)[1].rsplit(", const CallOptions", 1)[0])
    call_names = ", ".join((["params"] if e.struct else [arg_name(p) for p in e.params]) + ["call"])
    return dict(
        call_args=(call_args + ", " if call_args else "") + "const CallOptions &call",
        call_names=call_names,
        e=e,
        # The request is built by a function of its own (detail::NAME_call): a paged endpoint's
        # pager builds each page's, and the client refreshes a session by itself after a 401.
        own_call=e.paged or e.session == "refresh",
        signature=signature(e, qualified=True, defaults=False),
        path=path_expr(e, value),
        path_checks=[],
        checks=checks,
        body=body,
        fallback=fallback,
        kind=KIND[e.kind],
        two_factor=TWO_FACTOR[e.two_factor],
        decoder=("detail::decode_" + snake_record(e.record) + ("_list" if e.returns_list else ""))
        if e.record else "",
    )


snake_record = snake_of  # the name the other targets import


def render(ctx, out) -> None:
    api = ctx.api
    structs = []
    for e in api.endpoints:
        if e.struct:
            structs.append(dict(name=e.struct, e=e, fields=[(field_decl(p), p) for p in e.params]))
    out.region("core/include/yativo/client.hpp", "endpoints",
               tmpl("core/client_decls.j2", groups=api.groups, signature=signature))
    out.region("core/include/yativo/types.hpp", "parameter structs",
               tmpl("core/structs.j2", structs=structs))
    records = api.generated_records
    lists = api.list_records()
    singles = {e.record for e in api.endpoints if e.record and not e.returns_list}
    builders = [builder(e) for e in api.endpoints if e.body == "generated"]
    out.region("core/include/yativo/types.hpp", "records",
               tmpl("core/records.j2", records=records, member=record_member,
                    absent=record_absent))
    out.file("core/src/endpoints_gen.hpp",
             tmpl("core/endpoints_gen.hpp.j2", records=records, lists=lists, singles=singles,
                  own_calls=[b for b in builders if b["own_call"]]))
    out.file("core/src/endpoints_gen.cpp",
             tmpl("core/endpoints_gen.cpp.j2", routes=api.routes, KIND=KIND,
                  TWO_FACTOR=TWO_FACTOR, records=records, lists=lists, singles=singles, reader=READER,
                  keys=record_keys, builders=builders))
