"""The safe Rust crate (bindings/rust/yativo): every endpoint's method, its resource handle and
its parameter struct, generated into a region of the file that holds the group's hand-written
rest (records and their conversion from C handles, verification helpers).

A method converts its arguments for C, passes "unset" as NULL / 0 and reports the status; every
default and check stays in the core.

The groups' place on the client is generated too, so a new [[group]] row needs no hand edit:
Client's accessor per group (client.accounts()) and the imports of their handles (regions of
client.rs), and lib.rs's re-export of every handle and parameter struct.
"""

from __future__ import annotations

import textwrap

from .api import Endpoint, Param
from .templating import pascal
from .templating import render as tmpl

CRATE = "bindings/rust/yativo/src/"

# Where each group's generated code goes; a group not named here goes to resources.rs.
FILES = {"api_keys": "keys.rs", "webhooks": "webhooks.rs"}
DEFAULT_FILE = "resources.rs"
CLIENT = CRATE + "client.rs"
LIB = CRATE + "lib.rs"

def c_handle(e: Endpoint) -> str:
    """The C parameter handle's name without its yv_ prefix (send), or ""."""
    handle = e.c_handle
    return handle[len("yv_"):] if handle else ""


def doc_comment(paragraphs: list, bullets: list = (), indent: str = "    ") -> str:
    """/// lines: paragraphs separated by an empty /// line, then a list whose items wrap with a
    hanging indent (the form rustdoc reads as one item)."""
    width = 96 - len(indent) - 4
    out = []
    for para in paragraphs:
        if out:
            out.append("")
        out += textwrap.wrap(para, width, break_on_hyphens=False, break_long_words=False)
    if bullets and out:
        out.append("")
    for item in bullets:
        out += textwrap.wrap(item, width, subsequent_indent="  ", break_on_hyphens=False,
                             break_long_words=False)
    return "\n".join((indent + "/// " + line).rstrip() for line in out)


# Rust keywords a parameter may be named after: written r#type as a field, type_ as a local.
KEYWORDS = {"as", "async", "await", "break", "const", "continue", "dyn", "else", "enum", "extern",
            "false", "fn", "for", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut",
            "pub", "ref", "return", "static", "struct", "trait", "true", "type", "unsafe", "use",
            "where", "while", "abstract", "become", "box", "do", "final", "macro", "override",
            "priv", "try", "typeof", "unsized", "virtual", "yield"}
# Locals every generated method uses; a parameter may not take one of these names.
RESERVED = {"c", "call", "out", "err", "raw", "params", "self", "crate", "super"}


def ident(name: str) -> str:
    return "r#" + name if name in KEYWORDS else name


def local(name: str) -> str:
    return name + "_" if name in KEYWORDS else name


def what(p: Param) -> str:
    return p.name.replace("_", " ")


def struct_name(e: Endpoint) -> str:
    return e.names.get("rust_struct", e.struct)


def rust_type(p: Param, lifetime: str = "") -> str:
    """The Rust type a caller gives: a borrowed value, Option when the parameter is optional."""
    lt = f"'{lifetime} " if lifetime else ""
    if p.type in ("string", "decimal", "enum"):
        base = f"&{lt}str"
    elif p.type == "string_list":
        base = f"&{lt}[&{lt}str]"
    elif p.type == "int":
        base = "u32"  # the C ABI's uint32_t; 0 is its "unset"
    elif p.type == "bool":
        if p.optional and not p.has_default:
            raise ValueError(f"{p.name}: an optional bool needs a default to be passed as bool")
        return "bool"
    elif p.type == "fields":
        base = f"&{lt}Value"
    else:
        raise ValueError(f"{p.name}: type {p.type} has no Rust form")
    if p.optional and p.type != "string_list":
        return f"Option<{base}>"
    if p.optional:
        raise ValueError(f"{p.name}: an optional string_list has no Rust form yet")
    return base


def param_doc(p: Param) -> str:
    doc = p.doc
    if p.optional and p.type != "bool":
        if p.has_default:
            default = p.default if p.type == "int" else f'"{p.default}"'
            doc += f"; `None` = the core's default, `{default}`"
        elif "unset" not in doc:
            doc += "; `None` = unset"
    return doc


def convert(p: Param, value: str) -> tuple:
    """(statements that make the C value, the C arguments) of one parameter."""
    name = local(p.name)
    if p.type in ("string", "decimal", "enum"):
        if p.optional:
            return ([f'let {name} = opt_c_string({value}, "{what(p)}")?;'], [f"c_ptr(&{name})"])
        return ([f'let {name} = c_string({value}, "{what(p)}")?;'], [f"{name}.as_ptr()"])
    if p.type == "string_list":
        return ([f'let {name} = CStringArray::new({value}, "{what(p)}")?;'],
                [f"{name}.as_ptr()", f"{name}.len()"])
    if p.type == "int":
        return ([], [f"{value}.unwrap_or(0)" if p.optional else value])
    if p.type == "bool":
        return ([], [value])
    if p.type == "fields":
        if p.optional:
            return ([f'let {name} = {value}.map(|v| c_string(&v.to_string(), "{what(p)}")).transpose()?;'],
                    [f"c_ptr(&{name})"])
        return ([f'let {name} = c_string(&{value}.to_string(), "{what(p)}")?;'], [f"{name}.as_ptr()"])
    raise ValueError(p.type)


def setter(p: Param, obj: str, value: str) -> list:
    """Statements that give one parameter to a C parameter object: always when it is required
    (or a bool, which cannot be unset), only when Some when it is optional."""
    set_fn = f"sys::yv_{obj}_set_{p.name}"
    name = local(p.name)
    optional = p.optional and p.type != "bool"
    v = name if optional else value
    if p.type in ("string", "decimal", "enum"):
        body = [f'let {name} = c_string({v}, "{what(p)}")?;',
                f"check(|err| unsafe {{ {set_fn}(raw.0, {name}.as_ptr(), err) }})?;"]
    elif p.type in ("int", "bool"):
        body = [f"check(|err| unsafe {{ {set_fn}(raw.0, {v}, err) }})?;"]
    else:
        raise ValueError(f"{p.name}: a parameter object takes no {p.type}")
    if optional:
        return [f"if let Some({name}) = {value} {{"] + body + ["}"]
    return body


def method(e: Endpoint) -> dict:
    for p in e.params:
        if p.name in RESERVED:
            raise ValueError(f"{e.name}: parameter name {p.name} is one the generated code uses")
    struct = struct_name(e)
    lines, args, setup = [], [], []
    if struct:
        signature_args = [f"params: &{struct}<'_>"]
        source = lambda p: f"params.{ident(p.name)}"  # noqa: E731
    else:
        signature_args = [f"{ident(p.name)}: {rust_type(p)}" for p in e.params]
        source = lambda p: ident(p.name)  # noqa: E731
    obj = c_handle(e)
    if obj:
        if not struct:
            raise ValueError(f"{e.name}: a parameter object needs a struct")
        # The handle is built by the struct's c_handle(), which the pager (pager.rs) uses too.
        build = [f"let mut raw = Raw{pascal(obj)}(ptr::null_mut());",
                 f"check(|err| unsafe {{ sys::yv_{obj}_new(&mut raw.0, err) }})?;"]
        for p in e.params:
            build += setter(p, obj, f"self.{ident(p.name)}")
        setup.append("let raw = params.c_handle()?;")
        args.append("raw.0")
    else:
        for p in e.params:
            stmts, c_args = convert(p, source(p))
            lines += stmts
            args += c_args
    # A value-moving call can also hand back its idempotency key alone; the payload carries it
    # already (the core adds it), so the binding asks for nothing more.
    extra_out = ["ptr::null_mut()"] if e.kind == "moves_value" else []
    if e.returns == "json":
        result, ret = "json", "Value"
    elif e.returns == "none":
        result, ret = "unit", "()"
    elif e.returns_list:
        result, ret = "record_list", f"Vec<{e.record}>"
    else:
        result, ret = "record", e.record
    doc = [e.doc]
    if e.two_factor == "required":
        doc.append("Sends `X-2FA-Token`: the call's code, or one from the client's TOTP secret.")
    elif e.two_factor == "on_demand":
        doc.append("Sends `X-2FA-Token` when the call gives a code, or from the client's TOTP "
                   "secret when the server asks for one.")
    if e.paged:
        doc.append("With [`CallOptions::envelope`](crate::CallOptions::envelope) the whole "
                   "answer, whose `pagination` holds `page`, `limit`, `total` and `pages`.")
    bullets = [] if struct else [f"- `{p.name}`: {param_doc(p)}" for p in e.params]
    return dict(e=e, doc=doc_comment(doc, bullets), name=e.verb,
                signature=", ".join(["&self"] + signature_args), ret=ret, result=result,
                setup=setup, lines=lines, args=", ".join(["c"] + args + ["call"]),
                extra_out=", ".join(extra_out), record=e.record,
                object=(f"Raw{pascal(obj)}", f"sys::yv_{obj}") if obj else None,
                struct=struct, build=build if obj else [])


def struct_def(e: Endpoint) -> dict:
    fields = [dict(name=ident(p.name), type=rust_type(p, "a"), doc=doc_comment([param_doc(p)[:1].upper() + param_doc(p)[1:]]))
              for p in e.params]
    return dict(name=struct_name(e), e=e, fields=fields)


def use_line(prefix: str, module: str, names: list) -> str:
    names = sorted(names)
    items = names[0] if len(names) == 1 else "{" + ", ".join(names) + "}"
    return f"{prefix}use {module}::{items};\n"


def accessor(g) -> str:
    name = pascal(g.name)
    doc = doc_comment([g.accessor_doc]) + "\n" if g.accessor_doc else ""
    return (f"{doc}    pub fn {ident(g.name)}(&self) -> {name}<'_> {{\n"
            f"        {name}::new(self)\n    }}\n")


def client_regions(api, out) -> None:
    """The accessor of every group on Client, and lib.rs's re-exports of what the groups' files
    generate (handles and parameter structs)."""
    handles, types = {}, {}
    for g in api.groups:
        module = FILES.get(g.name, DEFAULT_FILE)[: -len(".rs")]
        handles.setdefault(module, []).append(pascal(g.name))
        types.setdefault(module, []).append(pascal(g.name))
        types[module] += [struct_name(e) for e in g.endpoints if struct_name(e)]
    out.region(CLIENT, "group handles",
               "".join(use_line("", f"crate::{m}", n) for m, n in sorted(handles.items())))
    out.region(CLIENT, "group accessors", "\n" + "\n".join(accessor(g) for g in api.groups))
    out.region(LIB, "group types",
               "".join(use_line("pub ", m, n) for m, n in sorted(types.items())))


def render(ctx, out) -> None:
    api = ctx.api
    by_file = {}
    for g in api.groups:
        by_file.setdefault(FILES.get(g.name, DEFAULT_FILE), []).append(g)
    for file, groups in sorted(by_file.items()):
        handles = []
        for g in groups:
            handles.append(dict(
                name=pascal(g.name), doc=doc_comment([g.doc]),
                structs=[struct_def(e) for e in g.endpoints if struct_name(e)],
                methods=[method(e) for e in g.endpoints]))
        out.region(CRATE + file, "endpoints", tmpl("rust/endpoints.rs.j2", handles=handles))
    client_regions(api, out)
