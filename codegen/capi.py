"""The C ABI: yativo.h's endpoint declarations with a doc comment each, their shims
(capi/src/endpoints_c.cpp), and the symbols they add to capi/symbols.txt."""

from __future__ import annotations

import re
from typing import List

from .api import Endpoint, Param
from .core import arg_name, snake_record
from .templating import c_string
from .templating import render as tmpl

HEADER = "capi/include/yativo.h"
SYMBOLS = "capi/symbols.txt"
# The version a symbol first generated now is introduced in (capi/symbols.txt is append-only).
NEXT_VERSION = "0.2.0"


def c_args(p: Param) -> List[str]:
    """The C parameters one description parameter becomes."""
    if p.type == "string_list":
        return [f"const char *const *{p.name}", f"size_t {p.name}_count"]
    if p.type == "int":
        return [f"uint32_t {p.name}"] if p.optional else [f"int64_t {p.name}"]
    if p.type == "bool":
        return [f"yv_optional_bool {p.name}"] if p.tristate else [f"bool {p.name}"]
    return [f"const char *{arg_name(p)}"]


def c_value(p: Param) -> str:
    """The C++ expression that checks a C argument and gives the core's value."""
    n, what = arg_name(p), c_string(p.name)
    if p.type == "string_list":
        return f"yv_capi::need_str_array({n}, {n}_count, {what})"
    if p.type == "int":
        return f"yv_capi::opt_int({n}, {what})" if p.optional else n
    if p.type == "bool":
        return f"yv_capi::opt_bool({n}, {what})" if p.tristate else n
    if p.required:
        return f"yv_capi::need_str({n}, {what})"
    # NULL = unset; "" is refused where the core has a default to apply instead.
    return f"yv_capi::opt_nonempty_str({n}, {what})" if p.has_default else f"yv_capi::opt_str({n})"


def struct_assign(p: Param) -> str:
    """The shim's statement putting a C argument into the core's parameter struct `p`. An int
    with a default is a plain int there: 0 (unset) leaves the struct's default in place."""
    if p.type == "int" and p.has_default:
        return (f"if (const auto {p.name}_set = {c_value(p)}) "
                f"p.{p.name} = *{p.name}_set;")
    return f"p.{p.name} = {c_value(p)};"


def setter_value(p: Param) -> str:
    """A handle setter's check: what the setter stores for `value`."""
    what = c_string(p.name)
    if p.type == "decimal":
        return f"yativo::validate_amount(yv_capi::need_str(value, {what}))"
    if p.type == "int":
        return f"yv_capi::need_int(value, {what}, {p.min if p.min is not None else 0})"
    if p.type == "bool":
        return "value"
    if p.required or p.type == "enum":
        return f"yv_capi::need_str(value, {what})"
    return f"yv_capi::need_str_or_empty(value, {what})"


def c_literal(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return f'"{value}"' if isinstance(value, str) else str(value)


def setter_doc(p: Param) -> str:
    text = p.doc[:1].upper() + p.doc[1:]
    if p.has_default:
        text += f"; default {c_literal(p.default)}"
    elif p.optional and "unset" not in p.doc:
        text += "; unset by default"
    if p.optional and p.type in ("string", "enum", "decimal"):
        text += ' ("" = unset)'
    return text + "."


def setter_arg(p: Param) -> str:
    return {"int": "uint32_t value", "bool": "bool value"}.get(p.type, "const char *value")


def outputs(e: Endpoint) -> List[str]:
    if e.returns == "none":
        return []
    if e.record:
        handle = "yv_" + snake_record(e.record) + ("_list" if e.returns_list else "")
        return [f"{handle} **out"]
    return ["yv_buffer **out"]


def singular(name: str) -> str:
    """The accessor of one item of a string list: events -> event, permissions -> permission."""
    return name[:-1] if name.endswith("s") else name + "_item"


def accessor_docs(r, f) -> List[tuple]:
    """(doc comment, declaration) of each C accessor of a record field."""
    h, v = "yv_" + r.snake, r.snake
    doc = f.doc[:1].upper() + f.doc[1:]
    if f.type in ("string", "decimal"):
        what = "; exact decimal text" if f.type == "decimal" else ""
        absent = "" if f.required else "; NULL when the answer has none"
        return [(f"{doc}{what}{absent}.", f"const char *{h}_{f.name}(const {h} *{v})")]
    if f.type == "int":
        return [(f"{doc}: true and *out (when out is not NULL) set when the answer has it.",
                 f"bool {h}_{f.name}(const {h} *{v}, int64_t *out)")]
    if f.type == "bool":
        return [(f"{doc}: true and *out (when out is not NULL) set when the answer has it.",
                 f"bool {h}_{f.name}(const {h} *{v}, bool *out)")]
    if f.type == "string_list":
        return [(f"{doc}: how many.", f"size_t {h}_{f.name}_count(const {h} *{v})"),
                (f"{doc}: item i, or NULL when i is out of range.",
                 f"const char *{h}_{singular(f.name)}(const {h} *{v}, size_t i)")]
    if f.type == "json":
        return [(f"{doc}, as compact JSON (numbers as strings); NULL when memory ran out "
                 "building it (every field is still there).", f"const char *{h}_json(const {h} *{v})")]
    raise ValueError(f"record {r.name}: no C accessor for {f.type}")


def record_symbols(r, lists) -> List[str]:
    names = [decl.split("(")[0].split()[-1].lstrip("*") for f in r.fields
             for _, decl in accessor_docs(r, f)]
    names.append(f"yv_{r.snake}_free")
    if r.name in lists:
        names += [f"yv_{r.snake}_list_count", f"yv_{r.snake}_list_get", f"yv_{r.snake}_list_free"]
    return names


def c_params(e: Endpoint) -> List[str]:
    args = ["yv_client *client"]
    if e.c_handle:
        args.append(f"const {e.c_handle} *params")
    else:
        for p in e.params:
            args += c_args(p)
    return args + ["const yv_call *call"] + outputs(e) + ["yv_error **err"]


def result_handle(e: Endpoint) -> str:
    """The C type a call's result is handed over as (yv_buffer for JSON), or "" for none."""
    if e.returns == "none":
        return ""
    if e.record:
        return "yv_" + snake_record(e.record) + ("_list" if e.returns_list else "")
    return "yv_buffer"


def done_type(e: Endpoint) -> str:
    """The completion callback type of the call's _start twin."""
    handle = result_handle(e)
    return f"{handle}_done_fn" if handle else "yv_done_fn"


def call_params(e: Endpoint) -> List[str]:
    """The blocking call's parameters without its outputs and yv_error: what its run function and
    its _start twin take."""
    return c_params(e)[: -len(outputs(e)) - 1]


def param_names(params: List[str]) -> List[str]:
    return [p.split()[-1].lstrip("*") for p in params]


def start_params(e: Endpoint) -> List[str]:
    return (["yv_loop *loop"] + call_params(e) +
            [f"{done_type(e)} done", "void *user_data", "yv_pending **pending", "yv_error **err"])


def start_doc(e: Endpoint) -> str:
    handle = result_handle(e)
    text = f"yv_client_{e.name} without blocking (see \"Event loop\"): done gets "
    text += f"a {handle} (freed with {handle}_free)" if handle else "no result"
    return text + " or the error. pending may be NULL."


def zero_arg(param: str) -> str:
    """A test's placeholder for a C parameter: NULL, 0, false or YV_BOOL_UNSET."""
    kind = param.rsplit(" ", 1)[0]
    if "*" in param:
        return "nullptr"
    return {"bool": "false", "yv_optional_bool": "YV_BOOL_UNSET"}.get(kind, "0")


def start_case_args(e: Endpoint) -> List[str]:
    """Placeholders for the parameters between the client and the yv_call of a _start twin."""
    return [zero_arg(p) for p in call_params(e)[1:-1]]


def done_typedefs(api) -> List[tuple]:
    """(handle, typedef) of the completion callback of every record or list an endpoint returns,
    in the order of the records."""
    handles = {result_handle(e) for e in api.endpoints if e.record}
    out = []
    for r in api.records:
        for handle in ("yv_" + r.snake, "yv_" + r.snake + "_list"):
            if handle in handles:
                out.append((handle, f"typedef void (*{handle}_done_fn)(void *user_data, yv_status "
                                    f"status, {handle} *result, yv_error *err);"))
    return out


def param_doc(p: Param) -> str:
    text = f"{arg_name(p)}: {p.doc}"
    if p.type == "string_list":
        text += f" ({p.name}_count strings)"
    if p.type == "json":
        text += " (JSON text: any JSON value; not JSON = YV_INVALID_ARGUMENT)"
    if p.tristate:
        return text + "; YV_BOOL_TRUE or YV_BOOL_FALSE, YV_BOOL_UNSET = unset (nothing sent)."
    if p.optional:
        unset = "0" if p.type == "int" else "NULL"
        if p.has_default:
            text += f"; {unset} = {c_literal(p.default)}"
        else:
            text += f" ({unset} = unset)" if "unset" in p.doc else f"; {unset} = unset"
    return text + "."


def docs(e: Endpoint) -> str:
    lines = [e.doc]
    lines.append(f"{e.method} {e.path}; " + {
        "read": "read-only (safe to repeat).",
        "write": "a write: retried only with the call's idempotency key.",
        "moves_value": "moves value: always carries an Idempotency-Key (the call's, else a new "
                       "UUIDv4), in the result and, on failure, in yv_error_idempotency_key().",
    }[e.kind])
    if e.two_factor == "required":
        lines.append("Sends X-2FA-Token: the call's code, or one from the client's TOTP secret.")
    elif e.two_factor == "on_demand":
        lines.append("Sends X-2FA-Token when the call has a code, or from the TOTP secret when "
                     "the server asks.")
    if not e.c_handle:
        lines += [param_doc(p) for p in e.params]
    elif all(p.optional for p in e.params):
        lines.append("params NULL = every parameter unset.")
    if e.record:
        handle = "yv_" + snake_record(e.record) + ("_list" if e.returns_list else "")
        lines.append(f"*out: a {handle} the caller frees with {handle}_free.")
    elif e.returns == "json":
        lines.append("*out: the payload as compact JSON (numbers as strings), freed with "
                     "yv_buffer_free.")
    return "\n".join(lines)


def symbols_of(e: Endpoint, api) -> List[str]:
    names = [f"yv_client_{e.name}", f"yv_client_{e.name}_start"]
    if e.c_handle:
        names += [f"{e.c_handle}_new", f"{e.c_handle}_free"]
        names += [f"{e.c_handle}_set_{p.name}" for p in e.params]
    return names


def symbols_text(current: str, wanted: List[str]) -> str:
    """capi/symbols.txt with every generated symbol present (new ones appended at NEXT_VERSION)."""
    have = {line.split()[0] for line in current.splitlines() if line and not line.startswith("#")}
    missing = [s for s in wanted if s not in have]
    if not missing:
        return current
    return current.rstrip("\n") + "\n" + "".join(f"{s} {NEXT_VERSION}\n" for s in missing)


def render(ctx, out) -> None:
    api = ctx.api
    endpoints = [dict(e=e, params=c_params(e), docs=docs(e), conv=[c_value(p) for p in e.params],
                      call_params=call_params(e), call_args=param_names(call_params(e)),
                      start_params=start_params(e), start_doc=start_doc(e),
                      result=result_handle(e),
                      assigns=[struct_assign(p) for p in e.params],
                      setters=[(p, setter_arg(p), setter_value(p), setter_doc(p))
                               for p in e.params])
                 for e in api.endpoints]
    out.region(HEADER, "endpoints", tmpl("capi/decls.j2", groups=api.groups,
                                         by_name={x["e"].name: x for x in endpoints}))
    out.file("capi/src/endpoints_c.cpp", tmpl("capi/endpoints_c.cpp.j2", endpoints=endpoints,
                                              snake_record=snake_record))
    out.region(HEADER, "completions", tmpl("capi/completions.j2", typedefs=done_typedefs(api)))
    records, lists = api.generated_records, api.list_records()
    out.region(HEADER, "records", tmpl("capi/records_decls.j2", records=records, lists=lists,
                                       accessor_docs=accessor_docs))
    out.file("capi/src/records_gen.hpp", tmpl("capi/records_gen.hpp.j2", records=records,
                                               lists=lists))
    out.file("capi/src/records_c.cpp", tmpl("capi/records_c.cpp.j2", records=records,
                                             lists=lists, singular=singular))
    out.file("tests/capi/record_cases_gen.inc",
             tmpl("capi/record_cases.inc.j2", records=records, lists=lists, singular=singular))
    out.file("tests/capi/start_cases_gen.inc",
             tmpl("capi/start_cases.inc.j2",
                  starts=[(e.name, start_case_args(e)) for e in api.endpoints]))
    wanted = [s for r in records for s in record_symbols(r, lists)]
    wanted += [s for e in api.endpoints for s in symbols_of(e, api)]
    path = ctx.root / SYMBOLS
    out.file(SYMBOLS, symbols_text(path.read_text(), wanted))
