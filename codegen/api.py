"""The endpoint description (api/endpoints.toml) as checked Python objects.

Every target reads these objects, never the TOML: a mistake in a row is reported here once, with
the endpoint's name, instead of as broken code in five languages.
"""

from __future__ import annotations

import pathlib
import re
import tomllib
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional

PARAM_TYPES = {"string", "decimal", "int", "bool", "string_list", "enum", "fields", "json"}
# Methods whose non-path parameters travel in the query string (they send no body).
QUERY_METHODS = {"GET", "DELETE"}
FIELD_TYPES = {"string", "int", "decimal", "bool", "string_list", "secret", "json"}
KINDS = {"read", "write", "moves_value"}
TWO_FACTOR = {"none", "required", "on_demand"}
METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE"}
CHECKS = {"permissions", "address", "http_url"}
LANGUAGES = {"python", "go", "rust"}
ENDPOINT_NAMES = {"go_params", "rust_struct"}
NAME = re.compile(r"^[a-z][a-z0-9_]*$")


class DescriptionError(ValueError):
    pass


def snake_of(pascal: str) -> str:
    """A PascalCase type name in snake_case: ApiKey -> api_key, TransactionQuery ->
    transaction_query (C handles, decoders, converters are named from it)."""
    out = ""
    for ch in pascal:
        out += ("_" + ch.lower()) if ch.isupper() and out else ch.lower()
    return out


@dataclass
class Param:
    name: str
    type: str
    doc: str
    required: bool = True
    default: Any = None
    wire: str = ""
    values: List[str] = field(default_factory=list)
    aliases: Dict[str, str] = field(default_factory=dict)
    check: str = ""
    min: Optional[int] = None
    max: Optional[int] = None
    in_path: bool = False
    names: Dict[str, str] = field(default_factory=dict)  # published names per language
    refuse_empty: bool = False

    def public(self, language: str, fallback: str) -> str:
        return self.names.get(language, fallback)

    @property
    def optional(self) -> bool:
        return not self.required

    @property
    def has_default(self) -> bool:
        return self.default is not None

    @property
    def tristate(self) -> bool:
        """An optional bool without a default: unset, false or true (unset sends nothing)."""
        return self.type == "bool" and self.optional and not self.has_default


@dataclass
class RecordField:
    name: str
    type: str
    wire: List[str]
    doc: str = ""
    required: bool = False  # always present: read from the answer (PROTOCOL when missing), or
    from_call: bool = False  # set by the core from the call, never read from the answer


@dataclass
class Record:
    name: str
    doc: str
    fields: List[RecordField]
    unwrap: List[str] = field(default_factory=list)  # members an answer may wrap it in
    list_unwrap: List[str] = field(default_factory=list)  # members a list may come in
    hand_written: bool = False

    @property
    def generated(self) -> bool:
        return not self.hand_written

    @property
    def snake(self) -> str:
        return snake_of(self.name)

    @property
    def raw(self) -> Optional[RecordField]:
        """The json field (the whole object), when the record has one."""
        return next((f for f in self.fields if f.type == "json"), None)


@dataclass
class Fallback:
    """The endpoint in the API's other dialect (SPEC §1): tried when the primary answers 404 or
    405 (the request was not processed), then used for the group's later calls."""

    method: str
    path: str
    wire: Dict[str, str] = field(default_factory=dict)  # parameter name -> its wire key there

    @property
    def path_pattern(self) -> str:
        return re.sub(r"\{[a-z_]+\}", "*", self.path)

    @property
    def path_names(self) -> List[str]:
        return re.findall(r"\{([a-z_]+)\}", self.path)

    @property
    def in_query(self) -> bool:
        return self.method in QUERY_METHODS


@dataclass
class Endpoint:
    name: str
    group: str
    verb: str
    method: str
    path: str
    kind: str
    two_factor: str
    sensitive: bool
    returns: str
    doc: str
    params: List[Param]
    body: str = "generated"
    struct: str = ""
    c_handle: str = ""
    paged: bool = False
    names: Dict[str, str] = field(default_factory=dict)  # published type names per language
    fallback: Optional[Fallback] = None
    auth: str = "required"  # none: a public path (sign-in), sent without credentials
    session: str = ""  # adopt: the answer's tokens become the client's session; refresh: also
    # sent with the session's refresh token instead of the credentials

    @property
    def family(self) -> str:
        """The dialect family whose choice a client remembers: the endpoint's group."""
        return self.group

    def fallback_wire(self, p: Param) -> str:
        return self.fallback.wire.get(p.name, p.wire) if self.fallback else p.wire

    @property
    def fallback_params(self) -> List[Param]:
        """The parameters the fallback sends in its body or query (not in its path)."""
        if not self.fallback:
            return []
        return [p for p in self.params if p.name not in self.fallback.path_names]

    @property
    def path_params(self) -> List[Param]:
        return [p for p in self.params if p.in_path]

    @property
    def body_params(self) -> List[Param]:
        """The parameters that are not in the path: the JSON body's members, or (GET, DELETE)
        the query string's."""
        return [p for p in self.params if not p.in_path]

    @property
    def in_query(self) -> bool:
        """The non-path parameters travel in the URL's query string (GET, DELETE send no body)."""
        return self.method in QUERY_METHODS

    @property
    def query_params(self) -> List[Param]:
        return self.body_params if self.in_query else []

    @property
    def read_only(self) -> bool:
        return self.kind == "read"

    @property
    def has_body(self) -> bool:
        """A JSON body is sent when there are body parameters (all unset: `{}`); none otherwise."""
        return bool(self.body_params) and not self.in_query

    @property
    def has_query(self) -> bool:
        """A query string is built (unset optionals omitted; none at all when every one is
        unset)."""
        return bool(self.query_params)

    @property
    def returns_list(self) -> bool:
        return self.returns.startswith("[")

    @property
    def record(self) -> str:
        """The record name of a typed result (ApiKey for ApiKey and [ApiKey]), or ""."""
        r = self.returns.strip("[]")
        return "" if r in ("json", "none") else r

    @property
    def path_pattern(self) -> str:
        """The path with each {param} as *: the form the core's route table matches."""
        return re.sub(r"\{[a-z_]+\}", "*", self.path)


@dataclass
class Route:
    method: str
    path: str
    kind: str
    two_factor: str
    endpoint: str = ""  # the typed endpoint this row describes, when there is one

    @property
    def path_pattern(self) -> str:
        return re.sub(r"\{[a-z_]+\}", "*", self.path)


@dataclass
class Group:
    name: str
    doc: str
    accessor_doc: str = ""  # the doc comment of the client's accessor, where a binding has one
    endpoints: List[Endpoint] = field(default_factory=list)


@dataclass
class Api:
    groups: List[Group]
    endpoints: List[Endpoint]
    records: List[Record]
    routes: List[Route]  # every endpoint's, then the extra [[route]] rows

    def endpoint(self, name: str) -> Endpoint:
        return next(e for e in self.endpoints if e.name == name)

    def record(self, name: str) -> Record:
        return next(r for r in self.records if r.name == name)

    @property
    def generated_records(self) -> List[Record]:
        return [r for r in self.records if r.generated]

    def list_records(self) -> set:
        """The names of the records some endpoint returns a list of."""
        return {e.record for e in self.endpoints if e.record and e.returns_list}


def _take(row: Dict[str, Any], where: str, allowed: set) -> None:
    extra = set(row) - allowed
    if extra:
        raise DescriptionError(f"{where}: unknown keys {sorted(extra)}")


def _param(row: Dict[str, Any], where: str, path_names: List[str]) -> Param:
    _take(row, where, {"name", "type", "doc", "required", "default", "wire", "values", "aliases",
                       "check", "min", "max", "names", "refuse_empty"})
    for key in ("name", "type", "doc"):
        if key not in row:
            raise DescriptionError(f"{where}: no {key}")
    p = Param(name=row["name"], type=row["type"], doc=row["doc"],
              required=row.get("required", True), default=row.get("default"),
              wire=row.get("wire", row["name"]), values=list(row.get("values", [])),
              aliases=dict(row.get("aliases", {})), check=row.get("check", ""),
              min=row.get("min"), max=row.get("max"), in_path=row["name"] in path_names,
              names=dict(row.get("names", {})), refuse_empty=row.get("refuse_empty", False))
    where = f"{where} ({p.name})"
    if not NAME.match(p.name):
        raise DescriptionError(f"{where}: a name is lower_snake_case")
    if p.type not in PARAM_TYPES:
        raise DescriptionError(f"{where}: type {p.type!r} is not one of {sorted(PARAM_TYPES)}")
    if p.check and p.check not in CHECKS:
        raise DescriptionError(f"{where}: check {p.check!r} is not one of {sorted(CHECKS)}")
    if p.in_path and (p.type != "string" or not p.required):
        raise DescriptionError(f"{where}: a path parameter is a required string")
    if (p.type == "enum") != bool(p.values):
        raise DescriptionError(f"{where}: values belong to (and only to) an enum")
    for alias, target in p.aliases.items():
        if target not in p.values:
            raise DescriptionError(f"{where}: alias {alias} names no value")
    if p.default is not None:
        if p.required:
            raise DescriptionError(f"{where}: a required parameter has no default")
        if p.type == "enum" and p.default not in p.values:
            raise DescriptionError(f"{where}: default {p.default!r} is not a value")
        want = {"string": str, "enum": str, "int": int, "bool": bool}.get(p.type)
        if want is None or type(p.default) is not want:
            raise DescriptionError(f"{where}: default {p.default!r} does not fit type {p.type}")
    if set(p.names) - LANGUAGES:
        raise DescriptionError(f"{where}: names are given for {sorted(LANGUAGES)}")
    if p.refuse_empty and (p.required or p.type != "string"):
        raise DescriptionError(f"{where}: refuse_empty is for optional strings")
    if (p.min is not None or p.max is not None) and p.type != "int":
        raise DescriptionError(f"{where}: min/max are for int")
    return p


def _group(row: Dict[str, Any]) -> Group:
    where = f"group {row.get('name', '?')}"
    _take(row, where, {"name", "doc", "accessor_doc"})
    for key in ("name", "doc"):
        if key not in row:
            raise DescriptionError(f"{where}: no {key}")
    if not NAME.match(row["name"]):
        raise DescriptionError(f"{where}: a name is lower_snake_case")
    accessor_doc = " ".join(row.get("accessor_doc", "").split())
    return Group(row["name"], row["doc"], accessor_doc=accessor_doc)


def _record(row: Dict[str, Any]) -> Record:
    where = f"record {row.get('name', '?')}"
    _take(row, where, {"name", "doc", "fields", "unwrap", "list_unwrap", "hand_written"})
    if not re.match(r"^[A-Z][A-Za-z0-9]*$", row.get("name", "")):
        raise DescriptionError(f"{where}: a record's name is PascalCase")
    fields = []
    for f in row["fields"]:
        _take(f, where, {"name", "type", "wire", "doc", "required", "from_call"})
        if not NAME.match(f.get("name", "")):
            raise DescriptionError(f"{where}: field {f.get('name')!r}: lower_snake_case")
        if f["type"] not in FIELD_TYPES:
            raise DescriptionError(f"{where}: field {f['name']}: type {f['type']!r}")
        wire = f.get("wire", [f["name"]])
        from_call = f.get("from_call", False)
        fields.append(RecordField(f["name"], f["type"], [wire] if isinstance(wire, str) else wire,
                                  doc=f.get("doc", ""),
                                  required=f.get("required", False) or from_call,
                                  from_call=from_call))
    r = Record(row["name"], row["doc"], fields, unwrap=list(row.get("unwrap", [])),
               list_unwrap=list(row.get("list_unwrap", [])),
               hand_written=row.get("hand_written", False))
    names = [f.name for f in fields]
    if len(set(names)) != len(names):
        raise DescriptionError(f"{where}: a field is named twice")
    if r.generated:
        if any(f.type == "secret" for f in fields):
            raise DescriptionError(f"{where}: a record with a secret is hand_written")
        if [f for f in fields if f.type == "json"][1:] or (r.raw and r.raw.name != "raw"):
            raise DescriptionError(f"{where}: at most one json field, named raw")
        for f in fields:
            if not f.doc:
                raise DescriptionError(f"{where}: field {f.name} has no doc")
            if f.required and f.type not in ("string", "decimal"):
                raise DescriptionError(f"{where}: field {f.name}: only strings are required")
        # The decoder gives each member to one field (one pass over the object, a slot per key).
        readers: Dict[str, str] = {}
        for f in fields:
            for key in ([] if f.from_call or f.type == "json" else f.wire):
                if key in readers:
                    raise DescriptionError(f"{where}: JSON key {key!r} is read by field "
                                           f"{readers[key]} and by field {f.name}: one only")
                readers[key] = f.name
    return r


def parse(data: Dict[str, Any]) -> Api:
    _take(data, "endpoints.toml", {"group", "endpoint", "record", "route"})
    groups = [_group(g) for g in data.get("group", [])]
    by_group = {g.name: g for g in groups}
    if len(by_group) != len(groups):
        raise DescriptionError("a group is declared twice")
    records = [_record(r) for r in data.get("record", [])]
    record_names = {r.name for r in records}
    endpoints: List[Endpoint] = []
    seen = set()
    for row in data.get("endpoint", []):
        name = row.get("name", "?")
        where = f"endpoint {name}"
        _take(row, where, {"name", "group", "verb", "method", "path", "kind", "two_factor",
                           "sensitive", "returns", "doc", "params", "body", "struct", "c_handle",
                           "paged", "names", "fallback", "auth", "session"})
        for key in ("name", "group", "verb", "method", "path", "kind", "returns", "doc"):
            if key not in row:
                raise DescriptionError(f"{where}: no {key}")
        if not NAME.match(name) or name in seen:
            raise DescriptionError(f"{where}: names are lower_snake_case and unique")
        seen.add(name)
        path_names = re.findall(r"\{([a-z_]+)\}", row["path"])
        params = [_param(p, where, path_names) for p in row.get("params", [])]
        missing = set(path_names) - {p.name for p in params}
        if missing:
            raise DescriptionError(f"{where}: path parameters without a row: {sorted(missing)}")
        e = Endpoint(name=name, group=row["group"], verb=row["verb"], method=row["method"],
                     path=row["path"], kind=row["kind"], two_factor=row.get("two_factor", "none"),
                     sensitive=row.get("sensitive", False), returns=row["returns"],
                     doc=" ".join(row["doc"].split()), params=params,
                     body=row.get("body", "generated"), struct=row.get("struct", ""),
                     c_handle=row.get("c_handle", ""), names=dict(row.get("names", {})),
                     paged=row.get("paged", False), auth=row.get("auth", "required"))
        if e.auth not in ("required", "none"):
            raise DescriptionError(f"{where}: auth is required or none")
        e.session = row.get("session", "")
        if e.session not in ("", "adopt", "refresh"):
            raise DescriptionError(f"{where}: session is adopt or refresh")
        if e.session and (e.returns in ("json", "none") or not e.sensitive):
            raise DescriptionError(f"{where}: a session answer is sensitive and returns a record "
                                   "(its tokens never reach the caller)")
        if "fallback" in row:
            fb = row["fallback"]
            _take(fb, f"{where}: fallback", {"method", "path", "wire"})
            if "method" not in fb or "path" not in fb:
                raise DescriptionError(f"{where}: a fallback has a method and a path")
            e.fallback = Fallback(fb["method"], fb["path"], dict(fb.get("wire", {})))
            if e.fallback.method not in METHODS or not e.fallback.path.startswith("/"):
                raise DescriptionError(f"{where}: fallback method / path")
            names = {p.name for p in params}
            if set(e.fallback.path_names) - names or set(e.fallback.wire) - names:
                raise DescriptionError(f"{where}: the fallback names a parameter the endpoint "
                                       "has not")
            if any(p.type == "fields" for p in e.fallback_params) and e.fallback.in_query:
                raise DescriptionError(f"{where}: a {e.fallback.method} fallback takes no "
                                       "fields parameter")
            if e.paged:
                raise DescriptionError(f"{where}: a paged endpoint has no fallback yet")
            if e.fallback.method == "GET" and not e.read_only:
                raise DescriptionError(f"{where}: a GET fallback is read")
        if e.group not in by_group:
            raise DescriptionError(f"{where}: group {e.group!r} is not declared")
        if e.method not in METHODS or not e.path.startswith("/"):
            raise DescriptionError(f"{where}: method {e.method} / path {e.path}")
        if e.kind not in KINDS or e.two_factor not in TWO_FACTOR:
            raise DescriptionError(f"{where}: kind {e.kind} / two_factor {e.two_factor}")
        if e.method == "GET" and not e.read_only:
            raise DescriptionError(f"{where}: a GET is read")
        if e.returns not in ("json", "none") and e.record not in record_names:
            raise DescriptionError(f"{where}: returns {e.returns!r}: no such record")
        if e.kind == "moves_value":
            record = next((r for r in records if r.name == e.record), None)
            key = record and next((f for f in record.fields if f.name == "idempotency_key"), None)
            if not key or key.type != "string" or not key.from_call:
                raise DescriptionError(f"{where}: moves value: its record has an "
                                       f"idempotency_key string field, from_call")
        if set(e.names) - ENDPOINT_NAMES:
            raise DescriptionError(f"{where}: names are given for {sorted(ENDPOINT_NAMES)}")
        if e.c_handle and not e.struct:
            raise DescriptionError(f"{where}: a c_handle carries a struct")
        if e.body not in ("generated", "custom"):
            raise DescriptionError(f"{where}: body is generated or custom")
        if e.in_query and any(p.type == "fields" for p in e.body_params):
            raise DescriptionError(f"{where}: a {e.method} sends its parameters in the query "
                                   "string: no fields parameter")
        if any(p.check == "address" for p in params) and "chain" not in {p.name for p in params}:
            raise DescriptionError(f"{where}: check address reads the chain parameter: none")
        if [p for p in e.params if p.type == "fields"][1:]:
            raise DescriptionError(f"{where}: at most one fields parameter")
        verbs = [x.verb for x in by_group[e.group].endpoints]
        if e.verb in verbs:
            raise DescriptionError(f"{where}: verb {e.verb} twice in group {e.group}")
        by_group[e.group].endpoints.append(e)
        endpoints.append(e)
    routes = [Route(e.method, e.path, e.kind, e.two_factor, e.name) for e in endpoints]
    # A fallback's path has the rules of its endpoint, for request() too.
    routes += [Route(e.fallback.method, e.fallback.path, e.kind, e.two_factor, e.name)
               for e in endpoints if e.fallback]
    for row in data.get("route", []):
        where = f"route {row.get('method')} {row.get('path')}"
        _take(row, where, {"method", "path", "kind", "two_factor"})
        r = Route(row["method"], row["path"], row["kind"], row.get("two_factor", "none"))
        if r.kind not in KINDS or r.two_factor not in TWO_FACTOR or r.method not in METHODS:
            raise DescriptionError(f"{where}: kind / two_factor / method")
        routes.append(r)
    keys = [(r.method, r.path_pattern) for r in routes]
    dup = {k for k in keys if keys.count(k) > 1}
    if dup:
        raise DescriptionError(f"routes described twice: {sorted(dup)}")
    return Api(groups, endpoints, records, routes)


def read(path) -> Dict[str, Any]:
    """The rows of endpoints.toml, then those of every groups/*.toml beside it (by file name), as
    one table: a resource group may keep its rows in a file of its own."""
    path = pathlib.Path(path)
    with open(path, "rb") as f:
        data = tomllib.load(f)
    for extra in sorted((path.parent / "groups").glob("*.toml")):
        with open(extra, "rb") as f:
            rows = tomllib.load(f)
        _take(rows, extra.name, {"group", "endpoint", "record", "route"})
        for kind, items in rows.items():
            data.setdefault(kind, []).extend(items)
    return data


def load(path) -> Api:
    return parse(read(path))
