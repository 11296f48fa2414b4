"""python3 -m codegen [--check] [--root DIR] [--api FILE] [--status FILE]"""

from __future__ import annotations

import argparse
import importlib
import pathlib
import sys

from .output import Output

# Each target module has render(ctx, out). Order does not matter: targets never read each other.
TARGETS = ["status", "core", "capi", "python", "go", "rust", "docs", "cli"]


class Context:
    """What the targets read: the repository root and the two descriptions, loaded once."""

    def __init__(self, root: pathlib.Path, api_path: pathlib.Path, status_path: pathlib.Path):
        from . import api, status

        self.root = root
        self.api = api.load(api_path) if api_path.exists() else None
        self.status = status.load(status_path)


def main(argv=None) -> int:
    here = pathlib.Path(__file__).resolve().parent.parent
    p = argparse.ArgumentParser(prog="python3 -m codegen", description=__doc__)
    p.add_argument("--check", action="store_true", help="write nothing; exit 1 when stale")
    p.add_argument("--root", type=pathlib.Path, default=here, help="repository root")
    p.add_argument("--api", type=pathlib.Path, help="endpoint description (api/endpoints.toml)")
    p.add_argument("--status", type=pathlib.Path, help="status table (status.def)")
    p.add_argument("--only", action="append", choices=TARGETS, help="run only these targets")
    args = p.parse_args(argv)
    root = args.root.resolve()
    ctx = Context(root, args.api or root / "api/endpoints.toml",
                  args.status or root / "core/include/yativo/status.def")
    out = Output(root)
    for name in args.only or TARGETS:
        module = importlib.import_module(f".{name}", __package__)
        module.render(ctx, out)
    stale = out.apply(check=args.check)
    for path in stale:
        print(f"{path} is {'stale' if args.check else 'rewritten'}", file=sys.stderr)
    if args.check and stale:
        print("run `python3 -m codegen` and commit the result", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
