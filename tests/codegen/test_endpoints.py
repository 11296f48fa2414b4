"""One endpoint row reaches every language: a fake endpoint appended to a copy of the
description, `python3 -m codegen` run over a copy of the repository, and every surface checked
for the new call (core, C header + shim + symbols, Python, Go, Rust, docs). The files it changes
must be exactly the generated ones. A second case adds an endpoint in a new [[group]]: each
binding's client must gain the group's accessor with no hand edit. A third adds a [[record]]
with a field of every type and endpoints returning it alone and in a list: every language gains
the typed record, its decoder, its C accessors and their invalid-argument rows.

Run: python3 tests/codegen/test_endpoints.py"""

from __future__ import annotations

import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

REPO = pathlib.Path(__file__).resolve().parents[2]

UPDATE_ACCOUNT = '''
[[endpoint]]
name = "rename_account"
group = "accounts"
verb = "rename"
method = "PUT"
path = "/accounts/{account_id}"
kind = "write"
returns = "json"
doc = "Renames an account."
params = [
  { name = "account_id", type = "string", doc = "the account's id" },
  { name = "account_name", type = "string", doc = "the new name" },
  { name = "note", type = "string", required = false, doc = "why it was renamed" },
]
'''

# Where each language's surface must show the new call: path -> texts it must contain.
EXPECTED = {
    "core/include/yativo/client.hpp": ["Payload rename_account(std::string_view account_id,"],
    "core/src/endpoints_gen.cpp": ["Payload Client::rename_account(",
                                   '{"PUT", "/accounts/*", Kind::Write, TwoFactor::None}'],
    "capi/include/yativo.h": ["YV_API yv_status yv_client_rename_account(yv_client *client,",
                              "YV_API yv_status yv_client_rename_account_start(yv_loop *loop,"],
    "capi/src/endpoints_c.cpp": ["YV_API yv_status yv_client_rename_account(",
                                 "YV_API yv_status yv_client_rename_account_start("],
    "capi/symbols.txt": ["yv_client_rename_account 0.2.0"],
    "bindings/go/internal/capi/endpoints.go": ["func (c *Client) RenameAccount("],
    "bindings/go/yativo/endpoints.go": ["func (s *AccountsService) Rename("],
    "bindings/rust/yativo/src/resources.rs": ["pub fn rename("],
    "docs/endpoints.md": ["`yv_client_rename_account`", "`c.accounts.rename`"],
}
# Python's files are named by its target; the method must appear in the stubs and in the package.
PYTHON_DIR = "bindings/python"


SWAPS = '''
[[group]]
name = "swaps"
doc = "Swaps between assets."

[[endpoint]]
name = "quote_swap"
group = "swaps"
verb = "quote"
method = "POST"
path = "/swaps/quote"
kind = "read"
returns = "json"
doc = "Quotes a swap of one asset for another."
params = [
  { name = "from_asset", type = "string", doc = "the asset given" },
  { name = "to_asset", type = "string", doc = "the asset received" },
  { name = "amount", type = "decimal", doc = "the amount given" },
]
'''

# A new group's surfaces: path -> patterns (regular expressions) it must match.
EXPECTED_GROUP = {
    "capi/include/yativo.h": [r"YV_API yv_status yv_client_quote_swap\("],
    "bindings/python/libyativo/_resources.py": [r"\nclass Swaps:", r"def quote\("],
    "bindings/python/libyativo/_client.py": [r"from \._resources import (\([^)]*|[^\n]*)\bSwaps\b",
                                             r"__slots__ = \{[^}]*\"swaps\"",
                                             r"self\.swaps = Swaps\(self\._c\)"],
    "bindings/go/yativo/endpoints.go": [r"type SwapsService struct",
                                        r"func \(s \*SwapsService\) Quote\("],
    "bindings/go/yativo/client.go": [r"\n\tSwaps +\*SwapsService\n",
                                     r"c\.Swaps = &SwapsService\{c\}"],
    "bindings/rust/yativo/src/resources.rs": [r"resource_handle!\(\s*///[^\n]*\n\s*Swaps\s*\)",
                                              r"impl Swaps<'_> \{", r"pub fn quote\("],
    "bindings/rust/yativo/src/client.rs": [r"use crate::resources::\{[^}]*\bSwaps\b",
                                           r"pub fn swaps\(&self\) -> Swaps<'_> \{\s*"
                                           r"Swaps::new\(self\)"],
    "bindings/rust/yativo/src/lib.rs": [r"pub use resources::\{[^}]*\bSwaps\b"],
    "docs/endpoints.md": [r"`c\.swaps\.quote`", r"`client\.swaps\(\)\.quote`"],
}


QUOTE = '''
[[record]]
name = "Quote"
doc = "A swap quote."
list_unwrap = ["quotes"]
fields = [
  { name = "id", type = "string", wire = ["quote_id", "id"], required = true, doc = "the quote's id" },
  { name = "rate", type = "decimal", doc = "units received per unit given" },
  { name = "ttl_seconds", type = "int", wire = ["ttl", "ttl_seconds"], doc = "how long it holds" },
  { name = "firm", type = "bool", doc = "whether it is guaranteed" },
  { name = "routes", type = "string_list", doc = "the venues it routes through" },
  { name = "raw", type = "json", doc = "the whole object" },
]

[[endpoint]]
name = "get_quote"
group = "transactions"
verb = "get_quote"
method = "GET"
path = "/swap/quotes/{quote_id}"
kind = "read"
returns = "Quote"
doc = "One swap quote."
params = [{ name = "quote_id", type = "string", doc = "the quote's id" }]

[[endpoint]]
name = "list_quotes"
group = "transactions"
verb = "list_quotes"
method = "GET"
path = "/swap/quotes"
kind = "read"
returns = "[Quote]"
doc = "Every open swap quote."
'''

# A new record's surfaces: path -> texts it must contain.
EXPECTED_RECORD = {
    "core/include/yativo/types.hpp": ["struct Quote {", "std::optional<std::int64_t> ttl_seconds;",
                                      "std::optional<bool> firm;",
                                      "std::vector<std::string> routes;", "Payload raw;"],
    "core/include/yativo/client.hpp": ["Quote get_quote(", "std::vector<Quote> list_quotes("],
    "core/src/endpoints_gen.hpp": ["Quote decode_quote(Payload &payload);",
                                   "std::vector<Quote> decode_quote_list(Payload &payload);"],
    # One pass over the object: a slot per JSON key (quote_id, id, rate, ttl, ttl_seconds, ...).
    "core/src/endpoints_gen.cpp": ["int quote_slot(std::string_view key) {",
                                   'if (std::memcmp(key.data(), "ttl_seconds", 11) == 0) return 4;',
                                   "const RecordMembers<7> m(v, quote_slot);",
                                   "r.rate = field_decimal(m.aliases(2, 1));",
                                   "r.ttl_seconds = field_int(m.aliases(3, 2));",
                                   'record_list(payload.value(), {"quotes"}'],
    "capi/include/yativo.h": ["typedef struct yv_quote yv_quote;",
                              "YV_API const char *yv_quote_rate(const yv_quote *quote);",
                              "YV_API bool yv_quote_ttl_seconds(const yv_quote *quote, int64_t *out);",
                              "YV_API bool yv_quote_firm(const yv_quote *quote, bool *out);",
                              "YV_API size_t yv_quote_routes_count(const yv_quote *quote);",
                              "YV_API const char *yv_quote_route(const yv_quote *quote, size_t i);",
                              "YV_API const char *yv_quote_json(const yv_quote *quote);",
                              "yv_quote_list **out"],
    "capi/src/records_c.cpp": ["YV_API bool yv_quote_ttl_seconds("],
    "tests/capi/record_cases_gen.inc": ["CHECK_CASE(yv_quote_rate,", "CHECK_CASE(yv_quote_list_get,"],
    "bindings/go/yativo/records.go": ["type Quote struct", "TTLSeconds *int64", "Firm *bool"],
    "bindings/go/internal/capi/records_gen.c": ["yv_quote_ttl_seconds(r, "],
    "bindings/rust/yativo/src/records.rs": ["pub struct Quote", "pub ttl_seconds: Option<i64>",
                                            "pub firm: Option<bool>", "pub routes: Vec<String>"],
    "docs/endpoints.md": ["### Quote", "`ttl_seconds`"],
    "bindings/python/src/py_records_gen.cpp": ['py::class_<yativo::Quote>'],
    "bindings/python/libyativo/_core.pyi": ["class Quote:",
                                            "def ttl_seconds(self) -> Optional[int]: ...",
                                            "def rate(self) -> Optional[Decimal]: ..."],
    "bindings/python/libyativo/__init__.py": ['"Quote",'],
}


def tracked_files() -> list:
    out = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True)
    return [p for p in out.stdout.decode().split("\0") if p]


class GeneratedCopy(unittest.TestCase):
    """A copy of the repository with ROW appended to its description, regenerated."""

    ROW = ""
    NEW_SYMBOL = ""

    @classmethod
    def setUpClass(cls) -> None:
        cls.tmp = pathlib.Path(tempfile.mkdtemp(prefix="yv-codegen-all-"))
        for rel in tracked_files():
            src = REPO / rel
            if src.is_file():
                (cls.tmp / rel).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(src, cls.tmp / rel)
        subprocess.run(["git", "init", "-q"], cwd=cls.tmp, check=True)
        subprocess.run(["git", "add", "-A"], cwd=cls.tmp, check=True)
        with open(cls.tmp / "api/endpoints.toml", "a") as f:
            f.write(cls.ROW)
        cls.run_ = subprocess.run([sys.executable, "-m", "codegen", "--root", str(cls.tmp)],
                                  cwd=REPO, capture_output=True, text=True)

    @classmethod
    def tearDownClass(cls) -> None:
        shutil.rmtree(cls.tmp)

    def check_the_generator_accepts_the_row(self) -> None:
        self.assertEqual(self.run_.returncode, 0, self.run_.stderr)

    def check_only_generated_files_change(self) -> None:
        changed = subprocess.run(["git", "diff", "--name-only"], cwd=self.tmp,
                                 capture_output=True, text=True, check=True).stdout.split()
        changed.remove("api/endpoints.toml")
        # symbols.txt is append-only: the new symbols are added, nothing else moves.
        changed.remove("capi/symbols.txt")
        diff = subprocess.run(["git", "diff", "-U0", "capi/symbols.txt"], cwd=self.tmp,
                              capture_output=True, text=True, check=True).stdout
        edits = [l for l in diff.splitlines() if l[:1] in "+-" and l[:3] not in ("+++", "---")]
        wanted = [self.NEW_SYMBOL] if isinstance(self.NEW_SYMBOL, str) else self.NEW_SYMBOL
        # Every endpoint comes with its non-blocking twin (yv_client_<name>_start).
        wanted = [n for s in wanted for n in ([s, s + "_start"] if s.startswith("yv_client_")
                                               else [s])]
        self.assertEqual(edits, [f"+{s} 0.2.0" for s in wanted])
        for rel in changed:
            text = (self.tmp / rel).read_text()
            self.assertRegex(text, r"generated by `python3 -m codegen`|BEGIN GENERATED:",
                             f"{rel} changed but is not generated")

    def check_the_generated_cxx_compiles(self) -> None:
        cxx = shutil.which("c++") or shutil.which("g++")
        if not cxx:
            self.skipTest("no C++ compiler")
        capi = ["core/include", "capi/include", "capi/src"]
        for src, includes in (("core/src/endpoints_gen.cpp", ["core/include", "core/src"]),
                              ("capi/src/endpoints_c.cpp", capi),
                              ("capi/src/records_c.cpp", capi)):
            argv = [cxx, "-std=c++17", "-fsyntax-only", "-Wall", "-Werror"]
            argv += [f"-I{self.tmp / i}" for i in includes] + [str(self.tmp / src)]
            run = subprocess.run(argv, capture_output=True, text=True)
            self.assertEqual(run.returncode, 0, f"{src}: {run.stderr[-2000:]}")

    def check_the_python_package_compiles(self) -> None:
        for path in (self.tmp / PYTHON_DIR / "libyativo").glob("*.py"):
            compile(path.read_text(), str(path), "exec")


class EveryLanguageGainsTheEndpoint(GeneratedCopy):
    ROW = UPDATE_ACCOUNT
    NEW_SYMBOL = "yv_client_rename_account"

    def test_the_generator_accepts_the_row(self) -> None:
        self.check_the_generator_accepts_the_row()

    def test_every_language_has_the_call(self) -> None:
        for rel, texts in EXPECTED.items():
            text = (self.tmp / rel).read_text()
            for want in texts:
                self.assertIn(want, text, f"{rel} lacks {want!r}")

    def test_python_has_the_call_in_stubs_and_package(self) -> None:
        stubs = (self.tmp / PYTHON_DIR / "libyativo/_core.pyi").read_text()
        self.assertIn("def rename_account(", stubs)
        package = "".join(p.read_text() for p in (self.tmp / PYTHON_DIR / "libyativo").glob("*.py"))
        self.assertIn("def rename(", package)
        bound = "".join(p.read_text() for p in (self.tmp / PYTHON_DIR / "src").glob("*.cpp"))
        self.assertIn('"rename_account"', bound)

    def test_only_generated_files_change(self) -> None:
        self.check_only_generated_files_change()

    def test_the_generated_cxx_compiles(self) -> None:
        self.check_the_generated_cxx_compiles()

    def test_a_broken_row_is_refused_with_its_name(self) -> None:
        bad = self.tmp / "bad.toml"
        bad.write_text((self.tmp / "api/endpoints.toml").read_text().replace(
            'name = "note", type = "string"', 'name = "note", type = "float"'))
        run = subprocess.run([sys.executable, "-m", "codegen", "--root", str(self.tmp),
                              "--api", str(bad), "--check"], cwd=REPO, capture_output=True,
                             text=True)
        self.assertNotEqual(run.returncode, 0)
        self.assertIn("rename_account", run.stderr)
        self.assertIn("float", run.stderr)


class EveryBindingGainsTheGroup(GeneratedCopy):
    """A new [[group]] with one endpoint: no binding needs a hand edit to reach it."""

    ROW = SWAPS
    NEW_SYMBOL = "yv_client_quote_swap"

    def test_the_generator_accepts_the_row(self) -> None:
        self.check_the_generator_accepts_the_row()

    def test_every_client_has_the_group(self) -> None:
        for rel, patterns in EXPECTED_GROUP.items():
            text = (self.tmp / rel).read_text()
            for pattern in patterns:
                self.assertRegex(text, pattern, f"{rel} lacks {pattern!r}")

    def test_the_existing_groups_keep_their_order(self) -> None:
        client = (self.tmp / "bindings/python/libyativo/_client.py").read_text()
        attrs = re.findall(r"self\.(\w+) = \w+\(self\._c\)", client)
        # endpoints.toml's groups first, in their order; the new one and those of groups/ after.
        self.assertEqual(attrs[:6], ["api_keys", "accounts", "assets", "balance", "transactions",
                                     "webhooks"])
        self.assertIn("swaps", attrs)
        self.assertIn("self.transactions = Transactions(self._c)", client)
        self.assertIn("class Transactions(_resources.Transactions):", client)

    def test_only_generated_files_change(self) -> None:
        self.check_only_generated_files_change()

    def test_the_generated_cxx_compiles(self) -> None:
        self.check_the_generated_cxx_compiles()

    def test_the_python_package_compiles(self) -> None:
        self.check_the_python_package_compiles()


class EveryLanguageGainsTheRecord(GeneratedCopy):
    """A new [[record]]: the core's struct and decoder, the C handle and accessors (with their
    invalid-argument rows), each binding's type, and the docs, with no hand edit."""

    ROW = QUOTE
    NEW_SYMBOL = [f"yv_quote_{n}" for n in ("id", "rate", "ttl_seconds", "firm", "routes_count",
                                            "route", "json", "free", "list_count", "list_get",
                                            "list_free")] + ["yv_client_get_quote",
                                                             "yv_client_list_quotes"]

    def test_the_generator_accepts_the_row(self) -> None:
        self.check_the_generator_accepts_the_row()

    def test_every_language_has_the_record(self) -> None:
        for rel, texts in EXPECTED_RECORD.items():
            text = (self.tmp / rel).read_text()
            for want in texts:
                self.assertTrue(want in text, f"{rel} lacks {want!r}")

    def test_only_generated_files_change(self) -> None:
        self.check_only_generated_files_change()

    def test_the_generated_cxx_compiles(self) -> None:
        self.check_the_generated_cxx_compiles()

    def test_the_python_package_compiles(self) -> None:
        self.check_the_python_package_compiles()

    def test_a_record_without_a_required_id_type_is_refused(self) -> None:
        bad = self.tmp / "bad.toml"
        bad.write_text((self.tmp / "api/endpoints.toml").read_text().replace(
            'name = "firm", type = "bool"', 'name = "firm", type = "bool", required = true'))
        run = subprocess.run([sys.executable, "-m", "codegen", "--root", str(self.tmp),
                              "--api", str(bad), "--check"], cwd=REPO, capture_output=True,
                             text=True)
        self.assertNotEqual(run.returncode, 0)
        self.assertIn("record Quote", run.stderr)

    def test_a_key_read_by_two_fields_is_refused(self) -> None:
        bad = self.tmp / "bad.toml"
        bad.write_text((self.tmp / "api/endpoints.toml").read_text().replace(
            'wire = ["ttl", "ttl_seconds"]', 'wire = ["ttl", "rate"]'))
        run = subprocess.run([sys.executable, "-m", "codegen", "--root", str(self.tmp),
                              "--api", str(bad), "--check"], cwd=REPO, capture_output=True,
                             text=True)
        self.assertNotEqual(run.returncode, 0)
        self.assertIn("record Quote: JSON key 'rate' is read by field rate and by field "
                      "ttl_seconds", run.stderr)


SEARCH = '''
[[endpoint]]
name = "search_ledger"
group = "transactions"
verb = "search_ledger"
method = "GET"
path = "/ledger/{book_id}/search"
kind = "read"
returns = "json"
doc = "Searches a ledger."
params = [
  { name = "book_id", type = "string", doc = "the ledger's id" },
  { name = "text", type = "string", doc = "what to look for" },
  { name = "chains", type = "string_list", doc = "the chains to search" },
  { name = "min_amount", type = "decimal", required = false, doc = "the smallest amount" },
  { name = "limit", type = "int", required = false, min = 1, max = 100, doc = "at most this many" },
  { name = "order", type = "enum", values = ["asc", "desc"], required = false, doc = "the order" },
  { name = "filter", type = "json", required = false, doc = "a filter document" },
]

[[endpoint]]
name = "tag_ledger"
group = "transactions"
verb = "tag_ledger"
method = "POST"
path = "/ledger/{book_id}/tags"
kind = "write"
returns = "json"
doc = "Tags a ledger."
params = [
  { name = "book_id", type = "string", doc = "the ledger's id" },
  { name = "tags", type = "json", doc = "the tags, any JSON value" },
  { name = "note", type = "json", required = false, doc = "a note" },
]
'''

# json and query parameters: path -> texts it must contain.
EXPECTED_JSON_QUERY = {
    "core/include/yativo/client.hpp": [
        "Payload search_ledger(std::string_view book_id, std::string_view text,",
        "std::string_view filter_json",
        "Payload tag_ledger(std::string_view book_id, std::string_view tags_json,"],
    "core/src/endpoints_gen.cpp": [
        "detail::Query b;", 'b.field("text", text);', 'b.number("min_amount", min_amount_digits);',
        'if (limit) b.integer("limit", *limit);', 'b.strings("chains", chains);',
        'b.field("order", order_value, true);', 'b.json("filter", filter_json, "filter");',
        'detail::require(tags_json, "tags");', 'b.json("tags", tags_json, "tags");',
        'b.json("note", note_json, "note");'],
    "capi/include/yativo.h": ["const char *filter_json,", "const char *tags_json,",
                              "not JSON = YV_INVALID_ARGUMENT"],
    "capi/src/endpoints_c.cpp": ['yv_capi::need_str(tags_json, "tags")',
                                 "yv_capi::opt_str(filter_json)"],
    "bindings/go/yativo/endpoints.go": ["Filter json.RawMessage", "Tags json.RawMessage",
                                        "string(p.Filter)", "string(p.Tags)"],
    "bindings/go/internal/capi/endpoints.go": ["filterJSON string", "a.str(tagsJSON)",
                                               "a.opt(noteJSON)"],
    "bindings/rust/yativo/src/resources.rs": ["filter: Option<&Value>", "tags: &Value"],
    "bindings/python/src/py_endpoints_gen.cpp": ['json_value(tags, "tags")',
                                                 'filter.is_none() ? std::string() : json_value(filter, "filter")'],
    "docs/endpoints.md": ["any JSON value"],
}


class JsonAndQueryParameters(GeneratedCopy):
    """A json parameter in every language, and a GET whose parameters of every type travel in
    the query string (the core's Query builder instead of a body)."""

    ROW = SEARCH
    NEW_SYMBOL = ["yv_client_search_ledger", "yv_client_tag_ledger"]

    def test_the_generator_accepts_the_row(self) -> None:
        self.check_the_generator_accepts_the_row()

    def test_every_language_has_the_parameters(self) -> None:
        for rel, texts in EXPECTED_JSON_QUERY.items():
            text = (self.tmp / rel).read_text()
            for want in texts:
                self.assertIn(want, text, f"{rel} lacks {want!r}")

    def test_the_get_sends_no_body(self) -> None:
        text = (self.tmp / "core/src/endpoints_gen.cpp").read_text()
        body = text.split("Payload Client::search_ledger(", 1)[1].split("\n}\n", 1)[0]
        self.assertNotIn("detail::Body", body)
        self.assertIn("b.into(c);", body)

    def test_only_generated_files_change(self) -> None:
        self.check_only_generated_files_change()

    def test_the_generated_cxx_compiles(self) -> None:
        self.check_the_generated_cxx_compiles()

    def test_the_python_package_compiles(self) -> None:
        self.check_the_python_package_compiles()

    def refused(self, old: str, new: str) -> str:
        bad = self.tmp / "bad.toml"
        text = (self.tmp / "api/endpoints.toml").read_text()
        self.assertIn(old, text)
        bad.write_text(text.replace(old, new))
        run = subprocess.run([sys.executable, "-m", "codegen", "--root", str(self.tmp),
                              "--api", str(bad), "--check"], cwd=REPO, capture_output=True,
                             text=True)
        self.assertNotEqual(run.returncode, 0)
        return run.stderr

    def test_a_fields_parameter_of_a_get_is_refused(self) -> None:
        err = self.refused('name = "filter", type = "json"', 'name = "filter", type = "fields"')
        self.assertIn("search_ledger", err)
        self.assertIn("query", err)

    def test_a_json_parameter_takes_no_default(self) -> None:
        err = self.refused('name = "note", type = "json", required = false,',
                           'name = "note", type = "json", required = false, default = "x",')
        self.assertIn("tag_ledger", err)


RESCAN = '''
[[endpoint]]
name = "rescan_wallet"
group = "transactions"
verb = "rescan_wallet"
method = "POST"
path = "/wallets/{wallet_id}/rescan"
kind = "write"
returns = "json"
struct = "RescanWallet"
doc = "Rescans a wallet's history."
params = [
  { name = "wallet_id", type = "string", doc = "the wallet's id" },
  { name = "depth", type = "int", required = false, default = 50, min = 1, max = 1000, doc = "how many blocks back" },
  { name = "window", type = "int", required = false, min = 1, doc = "blocks per batch" },
]
'''


class StructParametersWithoutAHandle(GeneratedCopy):
    """A parameter struct without a C handle: the C function takes the parameters one by one and
    its shim fills the struct; an int with a default keeps the core's default when the C
    argument is 0 (unset)."""

    ROW = RESCAN
    NEW_SYMBOL = "yv_client_rescan_wallet"

    def test_the_generator_accepts_the_row(self) -> None:
        self.check_the_generator_accepts_the_row()

    def test_the_generated_cxx_compiles(self) -> None:
        self.check_the_generated_cxx_compiles()

    def test_an_unset_int_keeps_the_core_default(self) -> None:
        types = (self.tmp / "core/include/yativo/types.hpp").read_text()
        self.assertIn("int depth = 50;", types)
        shim = (self.tmp / "capi/src/endpoints_c.cpp").read_text()
        # The checks live in the run function the blocking call and its _start twin share.
        body = shim.split("auto rescan_wallet_call(", 1)[1].split("\n}\n", 1)[0]
        self.assertIn('yv_capi::opt_int(depth, "depth")', body)
        self.assertNotIn("p.depth = yv_capi::opt_int(", body)

    def test_only_generated_files_change(self) -> None:
        self.check_only_generated_files_change()

    def test_the_python_package_compiles(self) -> None:
        self.check_the_python_package_compiles()


TOGGLES = '''
[[endpoint]]
name = "toggle_wallet"
group = "transactions"
verb = "toggle_wallet"
method = "POST"
path = "/wallets/{wallet_id}/toggle"
kind = "write"
returns = "json"
doc = "Pauses or resumes a wallet."
params = [
  { name = "wallet_id", type = "string", doc = "the wallet's id" },
  { name = "paused", type = "bool", required = false, doc = "whether it is paused" },
]

[[endpoint]]
name = "tune_wallet"
group = "transactions"
verb = "tune_wallet"
method = "PUT"
path = "/wallets/{wallet_id}"
kind = "write"
returns = "json"
struct = "TuneWallet"
doc = "Changes a wallet's settings."
params = [
  { name = "wallet_id", type = "string", doc = "the wallet's id" },
  { name = "paused", type = "bool", required = false, doc = "whether it is paused" },
  { name = "note", type = "string", required = false, doc = "a note" },
]
'''

# An optional bool without a default: unset, false or true in every language.
EXPECTED_TRISTATE = {
    "core/include/yativo/client.hpp": ["std::optional<bool> paused = {}"],
    "core/include/yativo/types.hpp": ["std::optional<bool> paused;"],
    "core/src/endpoints_gen.cpp": ['if (paused) b.boolean("paused", *paused);',
                                   'if (params.paused) b.boolean("paused", *params.paused);'],
    "capi/include/yativo.h": ["yv_optional_bool paused", "YV_BOOL_UNSET = unset"],
    "capi/src/endpoints_c.cpp": ['yv_capi::opt_bool(paused, "paused")'],
    "bindings/go/internal/capi/endpoints.go": ["paused *bool", "optionalBool(paused)"],
    "bindings/go/yativo/endpoints.go": ["paused *bool", "Paused *bool"],
    "bindings/rust/yativo/src/resources.rs": ["paused: Option<bool>", "optional_bool(paused)",
                                              "optional_bool(params.paused)"],
    "bindings/python/libyativo/_resources.py": ["paused: Optional[bool] = None"],
    "bindings/python/src/py_endpoints_gen.cpp": ["std::optional<bool> paused"],
    "cli/src/commands_gen.cpp": ['(v.has("paused") ? std::optional<bool>(v.flag("paused")) : std::nullopt)'],
}


class OptionalBoolWithoutADefault(GeneratedCopy):
    """An optional bool without a default is three-valued everywhere: std::optional<bool> in the
    core, yv_optional_bool in C, *bool in Go, Option<bool> in Rust, Optional[bool] in Python; unset sends nothing."""

    ROW = TOGGLES
    NEW_SYMBOL = ["yv_client_toggle_wallet", "yv_client_tune_wallet"]

    def test_the_generator_accepts_the_row(self) -> None:
        self.check_the_generator_accepts_the_row()

    def test_every_language_has_three_states(self) -> None:
        for rel, texts in EXPECTED_TRISTATE.items():
            text = (self.tmp / rel).read_text()
            for want in texts:
                self.assertIn(want, text, f"{rel} lacks {want!r}")

    def test_the_generated_cxx_compiles(self) -> None:
        self.check_the_generated_cxx_compiles()

    def test_only_generated_files_change(self) -> None:
        self.check_only_generated_files_change()

    def test_the_python_package_compiles(self) -> None:
        self.check_the_python_package_compiles()


if __name__ == "__main__":
    unittest.main()
