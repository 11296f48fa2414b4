"""Every endpoint row gets its CLI command with no CLI edit: a fake group (gadgets) with a record and
three endpoints (a 2FA write with a path operand and an enum, a value-moving call taking its
parameters as a struct with every parameter type, and a list) is appended to a copy of the
description, `python3 -m codegen` runs over the copy, and cli/src/commands_gen.cpp must hold the
commands, their parameters and the calls of the core's new methods, and compile against the
core's regenerated headers.

Run: python3 tests/codegen/test_cli.py"""

from __future__ import annotations

import os
import pathlib
import shlex
import shutil
import subprocess
import sys
import unittest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from test_endpoints import REPO, GeneratedCopy  # noqa: E402

GADGETS = '''
[[group]]
name = "gadgets"
doc = "Virtual gadgets."

[[record]]
name = "Gadget"
doc = "A gadget."
list_unwrap = ["gadgets"]
fields = [
  { name = "id", type = "string", wire = ["gadget_id", "id"], required = true, doc = "the gadget's id" },
  { name = "limit", type = "decimal", doc = "the spending limit" },
  { name = "uses", type = "int", doc = "how often it was used" },
  { name = "frozen", type = "bool", doc = "whether it is frozen" },
  { name = "labels", type = "string_list", doc = "its labels" },
  { name = "raw", type = "json", doc = "the whole object" },
]

[[record]]
name = "GadgetFunding"
doc = "The answer to fund."
fields = [
  { name = "id", type = "string", doc = "the funding's id" },
  { name = "amount", type = "decimal", doc = "the amount" },
  { name = "idempotency_key", type = "string", from_call = true, doc = "the key the call carried" },
  { name = "raw", type = "json", doc = "the whole object" },
]

[[endpoint]]
name = "freeze_gadget"
group = "gadgets"
verb = "freeze"
method = "POST"
path = "/gadgets/{gadget_id}/freeze"
kind = "write"
two_factor = "required"
returns = "Gadget"
doc = "Freezes a gadget."
params = [
  { name = "gadget_id", type = "string", doc = "the gadget's id" },
  { name = "reason", type = "enum", values = ["lost", "stolen", "other"], aliases = { missing = "lost" }, required = false, default = "other", doc = "why" },
  { name = "note", type = "string", required = false, doc = "a note" },
]

[[endpoint]]
name = "fund_gadget"
group = "gadgets"
verb = "fund_from_wallet"
method = "POST"
path = "/gadgets/{gadget_id}/fund"
kind = "moves_value"
two_factor = "on_demand"
returns = "GadgetFunding"
struct = "FundGadget"
doc = "Moves funds onto a gadget."
params = [
  { name = "gadget_id", type = "string", doc = "the gadget's id" },
  { name = "amount", type = "decimal", doc = "the amount" },
  { name = "tags", type = "string_list", doc = "tags" },
  { name = "urgent", type = "bool", required = false, default = false, doc = "skip the queue" },
  { name = "split", type = "int", required = false, min = 1, max = 10, doc = "parts" },
  { name = "timeout", type = "int", required = false, doc = "a parameter named like a global option" },
  { name = "data", type = "string", required = false, doc = "a parameter named like the fields option" },
  { name = "extra", type = "fields", required = false, doc = "further fields" },
]

[[record]]
name = "Receipt"
doc = "A record with nothing documented but its whole object."
fields = [{ name = "raw", type = "json", doc = "the whole object" }]

[[endpoint]]
name = "gadget_receipt"
group = "gadgets"
verb = "receipt"
method = "GET"
path = "/gadgets/{gadget_id}/receipts/{receipt_id}"
kind = "read"
returns = "Receipt"
doc = "One receipt of a gadget: two operands."
params = [
  { name = "gadget_id", type = "string", doc = "the gadget's id" },
  { name = "receipt_id", type = "string", doc = "the receipt's id" },
]

[[endpoint]]
name = "list_gadgets"
group = "gadgets"
verb = "list"
method = "GET"
path = "/gadgets"
kind = "read"
returns = "[Gadget]"
doc = "Every gadget."
'''


class EveryEndpointGainsItsCommand(GeneratedCopy):
    ROW = GADGETS

    def setUp(self) -> None:
        self.assertEqual(self.run_.returncode, 0, self.run_.stderr)
        self.gen = (self.tmp / "cli/src/commands_gen.cpp").read_text()

    def test_the_commands_are_generated_with_their_words(self) -> None:
        for words in ('"gadgets freeze"', '"gadgets fund-from-wallet"', '"gadgets list"',
                      '"gadgets receipt"'):
            self.assertIn(words, self.gen)
        self.assertIn('{"gadgets", "Virtual gadgets."}', self.gen)

    def test_every_parameter_is_an_operand_or_a_typed_option(self) -> None:
        flat = " ".join(self.gen.split())
        for row in ('{"gadget_id", "", "GADGET_ID", ParamType::String, true, true,',
                    '{"reason", "--reason", "lost|stolen|other", ParamType::Enum, false, false, '
                    'false, "lost|stolen|other", "missing=lost", "other",',
                    '{"amount", "--amount", "DECIMAL", ParamType::Decimal, true,',
                    '{"tags", "--tags", "A,B,...", ParamType::StringList, true,',
                    '{"urgent", "--urgent", "true|false", ParamType::Bool, false,',
                    '{"split", "--split", "N", ParamType::Int, false,',
                    '{"extra", "--data", "JSON", ParamType::Fields, false,',
                    '{"data", "--param-data", "TEXT", ParamType::String, false,'):
            self.assertIn(row, flat)
        self.assertIn("CallKind::MovesValue, TwoFactorRule::OnDemand", flat)
        self.assertIn("CallKind::Write, TwoFactorRule::Required", flat)

    def test_the_core_methods_are_called_and_records_printed_without_raw(self) -> None:
        flat = " ".join(self.gen.split())
        self.assertIn("yativo::FundGadget params;", flat)
        self.assertIn("c.fund_gadget(params, call)", flat)
        self.assertIn('if (v.has("split")) params.split = static_cast<int>(v.int32("split"));', flat)
        self.assertIn('c.freeze_gadget(std::string_view(v.text("gadget_id")), '
                      'std::string_view(v.text("reason")), std::string_view(v.text("note")), call)',
                      flat)
        self.assertIn("for (const auto &r : c.list_gadgets(call))", flat)
        self.assertIn('c.gadget_receipt(std::string_view(v.text("gadget_id")), '
                      'std::string_view(v.text("receipt_id")), call)', flat)
        self.assertIn('put_int(row, "uses", r.uses);', flat)
        self.assertIn('put_bool(row, "frozen", r.frozen);', flat)
        self.assertIn('put_list(row, "labels", r.labels);', flat)
        self.assertIn('put_text(row, "idempotency_key", r.idempotency_key);', flat)
        gadget = flat.split("const yativo::Gadget &r")[1].split("}")[0]
        self.assertNotIn("raw", gadget)

    def test_the_generated_commands_compile_against_the_new_core(self) -> None:
        cxx = shutil.which("c++") or shutil.which("g++")
        if not cxx:
            self.skipTest("no C++ compiler")
        argv = [cxx, "-std=c++17", "-fsyntax-only", "-Wall", "-Wextra", "-Wshadow", "-Werror",
                f"-I{self.tmp / 'core/include'}", f"-I{self.tmp / 'cli/src'}",
                str(self.tmp / "cli/src/commands_gen.cpp")]
        run = subprocess.run(argv, capture_output=True, text=True)
        self.assertEqual(run.returncode, 0, run.stderr[-3000:])

    def test_only_the_cli_file_of_the_cli_changes(self) -> None:
        changed = subprocess.run(["git", "diff", "--name-only", "--", "cli"], cwd=self.tmp,
                                 capture_output=True, text=True, check=True).stdout.split()
        self.assertEqual(changed, ["cli/src/commands_gen.cpp"])


class TheBuiltCommandRunsTheNewEndpoint(GeneratedCopy):
    """The regenerated core calls and CLI commands, compiled and linked with the CLI's other
    objects and the core library of the build (YV_BUILD_DIR), make a `yativo` that has the new
    commands: help, usage errors, and calls that reach the new paths through the core."""

    ROW = GADGETS

    @classmethod
    def setUpClass(cls) -> None:
        super().setUpClass()
        build = pathlib.Path(os.environ.get("YV_BUILD_DIR", REPO / "build"))
        objects = sorted((build / "cli/CMakeFiles/yativo_cli.dir/src").glob("*.o"))
        core = build / "core/libyativo_core.a"
        # The build's compiler and flags (a sanitizer build's objects link only with its flags).
        cxx = os.environ.get("YV_CXX") or shutil.which("c++") or shutil.which("g++")
        flags = shlex.split(os.environ.get("YV_CXX_FLAGS", ""))
        cls.exe = None
        if not cxx or not objects or not core.exists() or cls.run_.returncode != 0:
            cls.why = f"no CLI objects / core library under {build}, or no compiler"
            return
        t = cls.tmp
        steps = [
            [cxx, *flags, "-std=c++17", "-O0", "-DYV_VERSION_STRING=\"test\"", f"-I{t / 'core/include'}",
             f"-I{t / 'core/src'}", "-c", str(t / "core/src/endpoints_gen.cpp"), "-o",
             str(t / "endpoints_gen.o")],
            [cxx, *flags, "-std=c++17", "-O0", f"-I{t / 'core/include'}", f"-I{t / 'cli/src'}", "-c",
             str(t / "cli/src/commands_gen.cpp"), "-o", str(t / "commands_gen.o")],
            # The new endpoints_gen.o defines every call the library's did, and the new ones.
            [cxx, *flags, "-o", str(t / "yativo"), str(t / "endpoints_gen.o"), str(t / "commands_gen.o")]
            + [str(o) for o in objects if o.name != "commands_gen.cpp.o"]
            + [str(core), "-lcurl", "-lssl", "-lcrypto", "-pthread"],
        ]
        for argv in steps:
            run = subprocess.run(argv, capture_output=True, text=True)
            if run.returncode != 0:
                raise AssertionError(f"{argv[0]} failed: {run.stderr[-3000:]}")
        cls.exe = t / "yativo"

    def setUp(self) -> None:
        if not self.exe:
            self.skipTest(self.why)

    def yativo(self, *args: str) -> subprocess.CompletedProcess:
        # Port 1 of the loopback: nothing listens, so a call fails fast with NETWORK (exit 30)
        # after the core built its request.
        env = {"PATH": "/usr/bin:/bin", "YATIVO_BASE_URL": "http://127.0.0.1:1/api/v1",
               "YATIVO_ACCESS_TOKEN": "test-session-token"}
        return subprocess.run([str(self.exe), *args], capture_output=True, text=True, env=env,
                              timeout=60)

    def test_the_group_and_its_commands_are_listed(self) -> None:
        run = self.yativo("--help")
        self.assertEqual(run.returncode, 0, run.stderr)
        self.assertRegex(run.stdout, r"\n  gadgets +Virtual gadgets\.")
        group = self.yativo("gadgets", "--help")
        for line in ("gadgets freeze GADGET_ID", "gadgets fund-from-wallet GADGET_ID",
                     "gadgets receipt GADGET_ID RECEIPT_ID", "gadgets list"):
            self.assertIn(line, group.stdout)

    def test_help_shows_the_options_with_colliding_names_renamed(self) -> None:
        run = self.yativo("gadgets", "fund-from-wallet", "--help")
        self.assertEqual(run.returncode, 0, run.stderr)
        flat = " ".join(run.stdout.split())
        for want in ("--amount DECIMAL --tags A,B,...", "[--param-timeout N]",
                     "[--param-data TEXT]", "[--data JSON]", "[--totp-code CODE]",
                     "[--idempotency-key K]"):
            self.assertIn(want, flat)
        self.assertNotIn("--api-secret", run.stdout)
        freeze = " ".join(self.yativo("gadgets", "freeze", "--help").stdout.split())
        self.assertIn("[--reason lost|stolen|other]", freeze)
        self.assertIn("(default other)", freeze)

    def test_usage_errors_name_the_operand_or_option(self) -> None:
        for args, says in ((["gadgets", "freeze"], "needs GADGET_ID"),
                           (["gadgets", "freeze", "c1", "--reason", "bored"],
                            "--reason must be one of lost, stolen, other (or missing)"),
                           (["gadgets", "fund-from-wallet", "c1", "--tags", "a"], "--amount"),
                           (["gadgets", "fund-from-wallet", "c1", "--amount", "1", "--tags", "a",
                             "--param-timeout", "soon"], "--param-timeout must be a whole number"),
                           (["gadgets", "list", "--amount", "1"],
                            "--amount is not an option of 'gadgets list'")):
            run = self.yativo(*args)
            self.assertEqual(run.returncode, 2, f"{args}: {run.stderr}")
            self.assertIn(says, run.stderr)

    def test_calls_reach_the_new_paths_through_the_core(self) -> None:
        run = self.yativo("--timeout", "5", "gadgets", "receipt", "c_1", "r_2")
        self.assertEqual(run.returncode, 30, run.stderr)  # NETWORK: nothing listens there
        self.assertIn("GET /gadgets/c_1/receipts/r_2", run.stderr)
        moved = self.yativo("--json", "gadgets", "fund-from-wallet", "c_9", "--amount", "2.50",
                            "--tags", "a,b", "--split", "2", "--param-timeout", "7",
                            "--idempotency-key", "cli-gen-test-key")
        self.assertEqual(moved.returncode, 30, moved.stderr)
        self.assertIn("POST /gadgets/c_9/fund", moved.stderr)
        self.assertIn('"idempotency_key":"cli-gen-test-key"', moved.stderr)


if __name__ == "__main__":
    unittest.main()
