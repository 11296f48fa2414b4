"""The status target of `python3 -m codegen` follows core/include/yativo/status.def into every
language: a row appended to a copy of the table shows up in the C enum, docs/errors.md, Go,
Rust and the Python stub, and nothing else in those files moves; a bad table writes nothing.

Run: python3 tests/codegen/test_status.py (the ctest codegen_status)."""

from __future__ import annotations

import difflib
import pathlib
import shutil
import subprocess
import sys
import tempfile
import unittest

REPO = pathlib.Path(__file__).resolve().parents[2]
STATUS_DEF = "core/include/yativo/status.def"
HEADER = "capi/include/yativo.h"
ERRORS_MD = "docs/errors.md"
GO = "bindings/go/yativo/status_gen.go"
RUST = "bindings/rust/yativo/src/kind.rs"
PYI = "bindings/python/libyativo/_errors.pyi"
OUTPUTS = [HEADER, ERRORS_MD, GO, RUST, PYI]
QUOTA = '\nYV_STATUS(QUOTA_EXCEEDED, 208, QuotaError, "Over quota.")\n'


def codegen(root: pathlib.Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "codegen", "--only", "status", "--root", str(root), *args],
        cwd=REPO, capture_output=True, text=True)


class StatusTarget(unittest.TestCase):
    def setUp(self) -> None:
        self.tmp = pathlib.Path(tempfile.mkdtemp(prefix="yv-codegen-"))
        self.addCleanup(shutil.rmtree, self.tmp)
        # .clang-format too: codegen formats the C header it writes with the repository's style.
        for rel in [STATUS_DEF, ".clang-format"] + OUTPUTS:
            (self.tmp / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(REPO / rel, self.tmp / rel)

    def read(self, rel: str) -> str:
        return (self.tmp / rel).read_text()

    def append_to_table(self, text: str) -> None:
        with open(self.tmp / STATUS_DEF, "a") as f:
            f.write(text)

    def test_committed_files_are_fresh(self) -> None:
        run = codegen(REPO, "--check")
        self.assertEqual(run.returncode, 0, run.stdout + run.stderr)

    def test_a_new_code_reaches_every_language(self) -> None:
        before = {rel: self.read(rel) for rel in OUTPUTS}
        self.append_to_table(QUOTA)
        run = codegen(self.tmp)
        self.assertEqual(run.returncode, 0, run.stderr)
        after = {rel: self.read(rel) for rel in OUTPUTS}

        # Each file only gains lines: nothing hand-written or already generated moves.
        for rel in OUTPUTS:
            diff = list(difflib.ndiff(before[rel].splitlines(), after[rel].splitlines()))
            removed = [line for line in diff if line.startswith("- ")]
            self.assertEqual(removed, [], rel)
            self.assertTrue(any(line.startswith("+ ") for line in diff), f"{rel} did not change")

        header = after[HEADER]
        region = header[header.index("BEGIN GENERATED: status"):header.index("END GENERATED: status")]
        self.assertIn("    /* Over quota. */\n    YV_E_QUOTA_EXCEEDED = 208,\n", region)
        self.assertLess(region.index("YV_E_INTERNAL = 502"), region.index("YV_E_QUOTA_EXCEEDED"))

        self.assertIn("| 208 | `QUOTA_EXCEEDED` | `YV_E_QUOTA_EXCEEDED` | `QuotaError` | Over quota. |\n",
                      after[ERRORS_MD])
        self.assertLess(after[ERRORS_MD].index("`QUOTA_EXCEEDED`"),
                        after[ERRORS_MD].index("## HTTP statuses"))

        go = after[GO]
        for line in ["\t// CodeQuotaExceeded (QUOTA_EXCEEDED): Over quota.\n",
                     "\tCodeQuotaExceeded Code = 208\n",
                     '\tCodeQuotaExceeded:     "QUOTA_EXCEEDED",\n',
                     "\tErrQuotaExceeded error = &statusError{CodeQuotaExceeded}\n",
                     "\tCodeQuotaExceeded:     ErrQuotaExceeded,\n"]:
            self.assertIn(line, go)
        gofmt = shutil.which("gofmt") or "/usr/local/go/bin/gofmt"
        if pathlib.Path(gofmt).exists():
            fmt = subprocess.run([gofmt, "-l", str(self.tmp / GO)], capture_output=True, text=True)
            self.assertEqual((fmt.returncode, fmt.stdout, fmt.stderr), (0, "", ""), "gofmt")

        rust = after[RUST]
        for line in ["    /// Over quota.\n    QuotaExceeded,\n",
                     "        ErrorKind::QuotaExceeded,\n",
                     "            ErrorKind::QuotaExceeded => 208,\n",
                     '            ErrorKind::QuotaExceeded => "QUOTA_EXCEEDED",\n',
                     "            208 => Some(ErrorKind::QuotaExceeded),\n"]:
            self.assertIn(line, rust)

        pyi = after[PYI]
        self.assertIn("    QUOTA_EXCEEDED = 208\n", pyi)
        self.assertIn("\nclass QuotaError(YativoError): ...\n", pyi)

        # The result is now the fresh state: a second run finds nothing stale.
        self.assertEqual(codegen(self.tmp, "--check").returncode, 0)

    def assert_rejected(self, line: str, message: str) -> None:
        before = {rel: self.read(rel) for rel in OUTPUTS}
        self.append_to_table(line)
        run = codegen(self.tmp)
        self.assertNotEqual(run.returncode, 0)
        self.assertIn(message, run.stderr)
        self.assertEqual(before, {rel: self.read(rel) for rel in OUTPUTS}, "a file was written")

    def test_a_duplicate_number_is_rejected(self) -> None:
        self.assert_rejected('\nYV_STATUS(QUOTA_EXCEEDED, 207, QuotaError, "Over quota.")\n',
                             "QUOTA_EXCEEDED reuses number 207 of SERVER")

    def test_a_duplicate_name_is_rejected(self) -> None:
        self.assert_rejected('\nYV_STATUS(TLS, 208, TLSError, "Again.")\n', "TLS is defined twice")

    def test_a_malformed_row_is_rejected(self) -> None:
        self.assert_rejected("\nYV_STATUS(QUOTA_EXCEEDED, 208, QuotaError)\n", "cannot parse")


if __name__ == "__main__":
    unittest.main()
