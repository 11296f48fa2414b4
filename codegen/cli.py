"""The CLI: cli/src/commands_gen.cpp, one `yativo <group> <verb>` command per endpoint.

Every endpoint row becomes data (its words, its parameters with their types, enum values and
docs, its kind and 2FA rule) plus one small call function that hands the parsed values to the
core's typed method and turns the typed answer into rows of documented fields. Everything else
(option names, parsing and checking values, help, 2FA, idempotency keys, printing) is the one
hand-written dispatcher in cli/src/generated.cpp, so a new row needs no CLI edit.

Rules (docs/cli.md says them to users):
  - words: group and verb in kebab-case (api_keys.update_permissions -> `api-keys
    update-permissions`); a hand-written command with the same words wins (the generated one is
    left out of the table at start-up; the `keys ...` commands keep their own names).
  - path parameters are operands, in path order, named in capitals (WEBHOOK_ID).
  - every other parameter is an option --<name-in-kebab>; the fields parameter is --data JSON;
    a second parameter of the endpoint with the same option, or (at start-up) one whose option a
    global, switch, secret or repeatable hand-written option has, is --param-<name>.
  - string_list: one option, comma-separated. bool: true or false. int: a whole number. enum:
    a value or alias (checked by the CLI, usage error). decimal: exact text (checked by the core).
  - record fields of type json (raw) are never printed; secret fields only by sensitive
    endpoints (the answer exists to show the secret once).
"""

from __future__ import annotations

from .api import Endpoint, Param, Record
from .templating import c_string

PARAM_TYPE = {"string": "ParamType::String", "decimal": "ParamType::Decimal",
              "int": "ParamType::Int", "bool": "ParamType::Bool",
              "string_list": "ParamType::StringList", "enum": "ParamType::Enum",
              "fields": "ParamType::Fields", "json": "ParamType::Json"}
KIND = {"read": "CallKind::Read", "write": "CallKind::Write",
        "moves_value": "CallKind::MovesValue"}
TWO_FACTOR = {"none": "TwoFactorRule::None", "required": "TwoFactorRule::Required",
              "on_demand": "TwoFactorRule::OnDemand"}
# A record field's cell, by field type; json fields are left out.
PUT = {"string": "put_text", "decimal": "put_decimal", "int": "put_int", "bool": "put_bool",
       "string_list": "put_list", "secret": "put_secret"}


def kebab(name: str) -> str:
    return name.replace("_", "-")


def option_name(p: Param) -> str:
    return "--data" if p.type == "fields" else "--" + kebab(p.name)


def metavar(p: Param) -> str:
    if p.type == "enum":
        return "|".join(p.values)
    if p.type in ("fields", "json"):
        return "JSON"
    if p.type == "string" and (p.name == "id" or p.name.endswith("_id")):
        return "ID"
    return {"string": "TEXT", "decimal": "DECIMAL", "int": "N", "bool": "true|false",
            "string_list": "A,B,..."}.get(p.type, "VALUE")


def options_of(e: Endpoint) -> dict:
    """Each option parameter's option; a name that another parameter of the endpoint already
    takes (a string named data beside the fields parameter's --data) becomes --param-<name>."""
    out, taken = {}, set()
    for p in sorted((p for p in e.params if not p.in_path), key=lambda p: p.type != "fields"):
        name = option_name(p)
        if name in taken:
            name = "--param-" + kebab(p.name)
        taken.add(name)
        out[p.name] = name
    return out


def param_row(p: Param, option: str) -> str:
    default = "" if p.default is None else (
        ("true" if p.default else "false") if isinstance(p.default, bool) else str(p.default))
    aliases = ",".join(f"{a}={b}" for a, b in p.aliases.items())
    return ("{" + ", ".join([
        c_string(p.name), c_string(option),
        c_string(p.name.upper() if p.in_path else metavar(p)), PARAM_TYPE[p.type],
        "true" if p.required else "false", "true" if p.in_path else "false",
        "true" if p.refuse_empty else "false", c_string("|".join(p.values)), c_string(aliases),
        c_string(default), c_string(" ".join(p.doc.split()))]) + "}")


def arg_expr(e: Endpoint, p: Param) -> str:
    """The value handed to the core's method for one parameter (positional form)."""
    n = c_string(p.name)
    if p.type == "string_list":
        return f"v.list({n})"
    if p.type == "int":
        if p.required:
            return f"v.integer({n})"
        fallback = f"std::optional<std::int64_t>({p.default})" if p.has_default else "std::nullopt"
        return f"(v.has({n}) ? std::optional<std::int64_t>(v.integer({n})) : {fallback})"
    if p.type == "bool":
        if p.tristate:
            return f"(v.has({n}) ? std::optional<bool>(v.flag({n})) : std::nullopt)"
        fallback = "true" if p.default else "false"
        return f"(v.has({n}) ? v.flag({n}) : {fallback})"
    return f"std::string_view(v.text({n}))"


def struct_lines(e: Endpoint) -> list:
    """Fills the core's parameter struct, leaving its defaults where an option is not given."""
    lines = [f"yativo::{e.struct} params;"]
    for p in e.params:
        n = c_string(p.name)
        if p.type == "string_list":
            value = f"v.list({n})"
        elif p.type == "int":
            value = f"static_cast<int>(v.int32({n}))"
        elif p.type == "bool":
            value = f"v.flag({n})"
        else:
            value = f"v.text({n})"
        lines.append(f"if (v.has({n})) params.{p.name} = {value};")
    return lines


def call_function(e: Endpoint) -> str:
    if e.struct:
        setup = struct_lines(e)
        args = ["params", "call"]
    else:
        setup = []
        args = [arg_expr(e, p) for p in e.params] + ["call"]
    invoke = f"c.{e.name}({', '.join(args)})"
    if e.returns == "none":
        tail = [f"{invoke};", "return Answer::nothing();"]
    elif e.returns == "json":
        tail = [f"return Answer::json({invoke});"]
    elif e.returns_list:
        tail = ["Answer a = Answer::many();", f"for (const auto &r : {invoke}) {{",
                "a.rows.emplace_back();", "row_of(a.rows.back(), r, reveal);", "}", "return a;"]
    else:
        tail = ["Answer a = Answer::one();", f"row_of(a.rows.back(), {invoke}, reveal);",
                "return a;"]
    reveal_used = e.record and not e.returns == "json"
    head = (f"Answer call_{e.name}(yativo::Client &c, const Values &v, "
            f"const yativo::CallOptions &call, bool {'reveal' if reveal_used else '/*reveal*/'}) {{")
    if not e.params:
        head = head.replace("const Values &v", "const Values & /*v*/")
    return "\n".join([head] + setup + tail + ["}"])


def row_function(r: Record) -> str:
    lines = [f"void row_of(Row &row, const yativo::{r.name} &r, bool reveal) {{"]
    uses_reveal = False
    for f in r.fields:
        if f.type == "json":
            continue  # the whole object: internal, never a column
        put = PUT.get(f.type)
        if put is None:
            continue
        if f.type == "secret":
            uses_reveal = True
            lines.append(f"if (reveal) {put}(row, {c_string(f.name)}, r.{f.name});")
        else:
            lines.append(f"{put}(row, {c_string(f.name)}, r.{f.name});")
    lines.append("}")
    if not uses_reveal:
        lines[0] = lines[0].replace("bool reveal", "bool /*reveal*/")
    if len(lines) == 2:  # nothing documented to print (a record of its raw object only)
        lines[0] = lines[0].replace("Row &row", "Row & /*row*/").replace(" &r,", " & /*r*/,")
    return "\n".join(lines)


def printed_fields(e: Endpoint, records: dict) -> str:
    """The fields a command prints, in order: never json; secret ones only when sensitive."""
    if not e.record:
        return ""
    return ", ".join(f.name for f in records[e.record].fields
                     if f.type in PUT and (f.type != "secret" or e.sensitive))


def call_row(e: Endpoint, records: dict) -> str:
    words = f"{kebab(e.group)} {kebab(e.verb)}"
    options = options_of(e)
    params = ", ".join(param_row(p, options.get(p.name, "")) for p in e.params)
    return ("{" + ", ".join([
        c_string(e.name), c_string(words), c_string(e.group), c_string(f"{e.method} {e.path}"),
        KIND[e.kind], TWO_FACTOR[e.two_factor], "true" if e.sensitive else "false",
        c_string(e.doc), c_string(e.returns if e.record else ""),
        c_string(printed_fields(e, records)),
        "{" + params + "}", f"call_{e.name}"]) + "}")


def render(ctx, out) -> None:
    api = ctx.api
    used = {e.record for e in api.endpoints if e.record}
    records = [r for r in api.records if r.name in used]
    parts = [
        "// " + "generated by `python3 -m codegen` from api/endpoints.toml; do not edit",
        "// One command per endpoint (codegen/cli.py): its data and the call of the core's typed",
        "// method; cli/src/generated.cpp parses, checks, calls and prints for all of them.",
        "#include <cstdint>", "#include <optional>", "#include <string_view>", "",
        '#include "generated.hpp"', '#include "yativo/client.hpp"', "",
        "namespace yvcli {", "namespace {", "",
    ]
    parts += [row_function(r) + "\n" for r in records]
    parts += [call_function(e) + "\n" for e in api.endpoints]
    parts += ["}  // namespace", "",
              "const std::vector<GeneratedGroup> &generated_groups() {",
              "static const std::vector<GeneratedGroup> table = {",
              ",\n".join("{" + c_string(kebab(g.name)) + ", " + c_string(" ".join(g.doc.split()))
                         + "}" for g in api.groups if g.endpoints),
              "};", "return table;", "}", "",
              "const std::vector<GeneratedCall> &generated_calls() {",
              "static const std::vector<GeneratedCall> table = {",
              ",\n".join(call_row(e, {r.name: r for r in api.records}) for e in api.endpoints),
              "};", "return table;", "}", "", "}  // namespace yvcli"]
    out.file("cli/src/commands_gen.cpp", "\n".join(parts))
