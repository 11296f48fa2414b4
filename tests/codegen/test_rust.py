"""The rust target of `python3 -m codegen`: an endpoint row appended to a copy of the description
becomes a method of its group's handle in the safe crate, the hand-written rest of the file does
not move, and no default of the description is written into Rust code (only into its docs).

Run: python3 tests/codegen/test_rust.py"""

from __future__ import annotations

import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
import unittest

REPO = pathlib.Path(__file__).resolve().parents[2]
API = "api/endpoints.toml"
CRATE = "bindings/rust/yativo/src/"
FILES = [CRATE + name for name in ("resources.rs", "keys.rs", "webhooks.rs")]
# The files of the groups' place on the client (accessors, imports, re-exports).
CLIENT_FILES = [CRATE + "client.rs", CRATE + "lib.rs"]
REGION = re.compile(r"BEGIN GENERATED: endpoints.*?END GENERATED: endpoints", re.S)

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
'''


def codegen(root: pathlib.Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "codegen", "--only", "rust", "--root", str(root),
         "--status", str(REPO / "core/include/yativo/status.def"), *args],
        cwd=REPO, capture_output=True, text=True)


class RustTarget(unittest.TestCase):
    def setUp(self) -> None:
        self.tmp = pathlib.Path(tempfile.mkdtemp(prefix="yv-codegen-rust-"))
        self.addCleanup(shutil.rmtree, self.tmp)
        for rel in [API] + FILES + CLIENT_FILES:
            (self.tmp / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(REPO / rel, self.tmp / rel)
        # The groups that keep their rows in api/groups/ (read with endpoints.toml as one table).
        if (REPO / "api/groups").is_dir():
            shutil.copytree(REPO / "api/groups", self.tmp / "api/groups")

    def read(self, rel: str) -> str:
        return (self.tmp / rel).read_text()

    def test_committed_files_are_fresh(self) -> None:
        run = codegen(REPO, "--check")
        self.assertEqual(run.returncode, 0, run.stdout + run.stderr)

    def test_a_new_row_becomes_a_method_and_nothing_hand_written_moves(self) -> None:
        before = {rel: REGION.sub("", self.read(rel)) for rel in FILES + CLIENT_FILES}
        with open(self.tmp / API, "a") as f:
            f.write(GET_ACCOUNT)
        run = codegen(self.tmp)
        self.assertEqual(run.returncode, 0, run.stderr)
        resources = self.read(CRATE + "resources.rs")
        self.assertIn("/// One account.", resources)
        self.assertIn("pub fn get(&self, account_id: &str) -> Result<Value>", resources)
        self.assertIn("sys::yv_client_get_account(c, account_id.as_ptr(), call, out, err)",
                      resources)
        for rel in FILES + CLIENT_FILES:
            self.assertEqual(REGION.sub("", self.read(rel)), before[rel], rel)

    def test_defaults_stay_in_the_core(self) -> None:
        with open(REPO / API, "rb") as f:
            rows = tomllib.load(f)["endpoint"]
        defaults = {str(p["default"]) for e in rows for p in e.get("params", [])
                    if "default" in p and not isinstance(p["default"], bool)}
        self.assertIn("business", defaults)
        for rel in FILES:
            code = [line for line in REGION.search((REPO / rel).read_text()).group(0).splitlines()
                    if not line.lstrip().startswith("//")]
            for value in defaults:
                quoted = [line for line in code if f'"{value}"' in line or f"({value})" in line]
                self.assertEqual(quoted, [], f"{rel}: default {value!r} in code")


if __name__ == "__main__":
    unittest.main()
