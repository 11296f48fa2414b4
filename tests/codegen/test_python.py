"""The python target of `python3 -m codegen`: the public signature rules, on the real description
and on small made-up rows.

Run: python3 tests/codegen/test_python.py (the ctest codegen_python)."""

from __future__ import annotations

import ast
import pathlib
import sys
import unittest

REPO = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from codegen import api, python  # noqa: E402
from codegen.output import Output  # noqa: E402

RESOURCES = "bindings/python/libyativo/_resources.py"
CPP = "bindings/python/src/py_endpoints_gen.cpp"
ASYNC_RESOURCES = "bindings/python/libyativo/_async_resources.py"
ASYNC_CPP = "bindings/python/src/py_async_endpoints_gen.cpp"


class Ctx:
    def __init__(self, description: api.Api) -> None:
        self.root = REPO
        self.api = description


def rendered(description: api.Api) -> Output:
    out = Output(REPO)
    python.render(Ctx(description), out)
    return out


# What a value-moving call must return: a record carrying the key the call was sent with.
RECEIPT = {"name": "Receipt", "doc": "A receipt.", "fields": [
    {"name": "idempotency_key", "type": "string", "from_call": True, "doc": "the key"}]}


def one_endpoint(**row) -> api.Api:
    base = dict(name="do_thing", group="things", verb="do", method="POST", path="/things/do",
                kind="write", returns="json", doc="Does a thing.")
    if row.get("kind") == "moves_value":
        base["returns"] = "Receipt"
    base.update(row)
    return api.parse({"group": [{"name": "things", "doc": "Things."}], "endpoint": [base],
                      "record": [RECEIPT]})


def signature(source: str, cls: str, method: str) -> ast.arguments:
    tree = ast.parse(source)
    c = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == cls)
    f = next(n for n in c.body if isinstance(n, ast.FunctionDef) and n.name == method)
    return f.args


class PythonTarget(unittest.TestCase):
    def test_no_default_but_none_in_public_signatures(self) -> None:
        source = rendered(api.load(REPO / "api/endpoints.toml")).files[RESOURCES]
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.FunctionDef) and node.name != "__init__":
                args = node.args
                for name, d in list(zip(args.args[::-1], args.defaults[::-1])) + list(
                        zip(args.kwonlyargs, args.kw_defaults)):
                    if d is None:
                        continue  # a required keyword-only argument
                    want = False if name.arg == "envelope" else None
                    self.assertIsInstance(d, ast.Constant, (node.name, name.arg))
                    self.assertIs(d.value, want, (node.name, name.arg))

    def test_struct_optionals_are_keyword_only(self) -> None:
        params = [{"name": "name", "type": "string", "doc": "n"},
                  {"name": "note", "type": "string", "required": False, "doc": "o"}]
        plain = rendered(one_endpoint(params=params)).files[RESOURCES]
        args = signature(plain, "Things", "do")
        self.assertEqual([a.arg for a in args.args], ["self", "name", "note"])
        struct = rendered(one_endpoint(params=params, struct="DoThing")).files[RESOURCES]
        args = signature(struct, "Things", "do")
        self.assertEqual([a.arg for a in args.args], ["self", "name"])
        self.assertIn("note", [a.arg for a in args.kwonlyargs])

    def test_moving_value_takes_everything_by_keyword(self) -> None:
        params = [{"name": "amount", "type": "decimal", "doc": "a"}]
        source = rendered(one_endpoint(params=params, kind="moves_value")).files[RESOURCES]
        args = signature(source, "Things", "do")
        self.assertEqual([a.arg for a in args.args], ["self"])
        self.assertEqual([a.arg for a in args.kwonlyargs][:1], ["amount"])
        self.assertIn("amount_text(amount)", rendered(
            one_endpoint(params=params, kind="moves_value")).files[CPP])

    def test_options_follow_the_row(self) -> None:
        read = signature(rendered(one_endpoint(kind="read")).files[RESOURCES], "Things", "do")
        self.assertEqual([a.arg for a in read.kwonlyargs], ["timeout", "envelope"])
        two_fa = signature(rendered(one_endpoint(two_factor="required", returns="none"))
                           .files[RESOURCES], "Things", "do")
        self.assertEqual([a.arg for a in two_fa.kwonlyargs],
                         ["totp_code", "idempotency_key", "timeout"])

    def test_the_async_twin_has_the_signature_and_awaits_the_core(self) -> None:
        params = [{"name": "name", "type": "string", "doc": "n"},
                  {"name": "tags", "type": "string_list", "required": False, "doc": "t"},
                  {"name": "amount", "type": "decimal", "doc": "a"}]
        out = rendered(one_endpoint(params=params, kind="moves_value"))
        sync = signature(out.files[RESOURCES], "Things", "do")
        tree = ast.parse(out.files[ASYNC_RESOURCES])
        cls = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "AsyncThings")
        twin = next(n for n in cls.body if getattr(n, "name", "") == "do")
        self.assertIsInstance(twin, ast.AsyncFunctionDef)
        self.assertEqual(ast.dump(twin.args), ast.dump(sync))
        self.assertIn("await outcome(", ast.unparse(twin))
        cpp = out.files[ASYNC_CPP]
        # The work runs after the method returned: it captures converted values, by value.
        self.assertIn("s.start(std::move(call),", cpp)
        self.assertIn("[name, tags_items = std::move(tags_items), amount_digits = "
                      "std::move(amount_digits)]", " ".join(cpp.split()))
        self.assertNotIn("[&]", cpp)

    def test_an_optional_bool_argument_cannot_be_unset(self) -> None:
        params = [{"name": "flag", "type": "bool", "required": False, "default": False,
                   "doc": "f"}]
        with self.assertRaises(python.PythonTargetError):
            rendered(one_endpoint(params=params))


if __name__ == "__main__":
    unittest.main()
