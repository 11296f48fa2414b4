"""The go target of `python3 -m codegen`: an endpoint row appended to a copy of the description
becomes an internal cgo wrapper and a public service method (parameters positional, or a Params
struct from two body parameters on), a bool the Go zero value cannot leave unset is refused, and
no default of the description is written into Go code.

Run: python3 tests/codegen/test_go.py"""

from __future__ import annotations

import pathlib
import shutil
import subprocess
import sys
import tempfile
import tomllib
import unittest

REPO = pathlib.Path(__file__).resolve().parents[2]
API = "api/endpoints.toml"
INTERNAL = "bindings/go/internal/capi/endpoints.go"
PUBLIC = "bindings/go/yativo/endpoints.go"
CLIENT = "bindings/go/yativo/client.go"

GET_ACCOUNT = '''
[[endpoint]]
name = "get_account"
group = "accounts"
verb = "get"
method = "GET"
path = "/accounts/{account_id}"
kind = "read"
returns = "json"
doc = "One account."
params = [{ name = "account_id", type = "string", doc = "the account's id" }]

[[endpoint]]
name = "rename_account"
group = "accounts"
verb = "rename"
method = "PUT"
path = "/accounts/{account_id}/name"
kind = "write"
returns = "none"
doc = "Renames an account."
params = [
  { name = "account_id", type = "string", doc = "the account's id" },
  { name = "account_name", type = "string", doc = "the new name" },
  { name = "notify", type = "bool", required = false, default = false, doc = "tell the owner" },
]
'''

BOOL_DEFAULT_TRUE = '''
[[endpoint]]
name = "freeze_account"
group = "accounts"
verb = "freeze"
method = "POST"
path = "/accounts/freeze"
kind = "write"
returns = "none"
doc = "Freezes an account."
params = [{ name = "notify", type = "bool", required = false, default = true, doc = "tell the owner" }]
'''


def codegen(root: pathlib.Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "codegen", "--only", "go", "--root", str(root),
         "--status", str(REPO / "core/include/yativo/status.def"), *args],
        cwd=REPO, capture_output=True, text=True)


class GoTarget(unittest.TestCase):
    def setUp(self) -> None:
        self.tmp = pathlib.Path(tempfile.mkdtemp(prefix="yv-codegen-go-"))
        self.addCleanup(shutil.rmtree, self.tmp)
        (self.tmp / API).parent.mkdir(parents=True)
        shutil.copyfile(REPO / API, self.tmp / API)
        # The hand-written file whose regions the target fills (the Client's services).
        (self.tmp / CLIENT).parent.mkdir(parents=True)
        shutil.copyfile(REPO / CLIENT, self.tmp / CLIENT)

    def generate(self, extra: str) -> subprocess.CompletedProcess:
        with open(self.tmp / API, "a") as f:
            f.write(extra)
        return codegen(self.tmp)

    def test_committed_files_are_fresh(self) -> None:
        run = codegen(REPO, "--check")
        self.assertEqual(run.returncode, 0, run.stdout + run.stderr)

    def test_new_rows_become_wrappers_and_methods(self) -> None:
        run = self.generate(GET_ACCOUNT)
        self.assertEqual(run.returncode, 0, run.stderr)
        internal = (self.tmp / INTERNAL).read_text()
        public = (self.tmp / PUBLIC).read_text()
        self.assertIn("func (c *Client) GetAccount(accountID string, call *Call) ([]byte, error)",
                      internal)
        self.assertIn("C.yv_client_get_account(a.client, a.str(accountID), a.call, out, a.err)",
                      internal)
        self.assertIn("C.yv_client_rename_account(a.client, a.str(accountID), a.str(accountName), "
                      "C.bool(notify), a.call, a.err)", internal)
        # A path parameter is positional; two body parameters travel in a Params struct.
        self.assertIn("func (s *AccountsService) Get(ctx context.Context, accountID string, "
                      "opts ...CallOption) (json.RawMessage, error)", public)
        self.assertIn("type RenameAccountParams struct", public)
        self.assertIn("func (s *AccountsService) Rename(ctx context.Context, accountID string, "
                      "p RenameAccountParams, opts ...CallOption) error", public)
        self.assertIn("// Get returns one account (GET /accounts/{account_id}).", public)

    def test_a_bool_that_defaults_to_true_is_refused(self) -> None:
        run = self.generate(BOOL_DEFAULT_TRUE)
        self.assertNotEqual(run.returncode, 0)
        self.assertIn("freeze_account.notify", run.stderr)

    def test_no_default_of_the_description_is_in_go_code(self) -> None:
        with open(REPO / API, "rb") as f:
            api = tomllib.load(f)
        defaults = {p["default"] for e in api["endpoint"] for p in e.get("params", [])
                    if isinstance(p.get("default"), str)}
        self.assertTrue(defaults)
        for path in (REPO / "bindings/go").rglob("*.go"):
            if path.name.endswith("_test.go"):
                continue
            text = path.read_text()
            for value in defaults:
                self.assertNotIn(f'"{value}"', text, f"{path.relative_to(REPO)} repeats a default")


if __name__ == "__main__":
    unittest.main()
