"""`atlas check`, `atlas generate --out DIR`, `atlas figures`, `atlas new`, `atlas fmt`, `atlas ledger`.

Errors are for people: every problem of the run as `file:line:col: CODE message`,
exit status 1, and never a traceback, whatever the input.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .kinds import FOLDER_KINDS, KINDS
from .markdown import _FRONT_MATTER
from .site import build
from .sources import ID_RE


def _entity_id(value: str) -> str:
    if not ID_RE.match(value):
        raise argparse.ArgumentTypeError(f"'{value}' is not a valid id: use lower-case letters, digits and hyphens")
    return value


def _check(args) -> int:
    result = build(args.root)
    if len(result.problems):  # errors, or only warnings
        print(result.problems.report(), file=sys.stderr)
    if result.problems:
        print(f"{len(set(result.problems.errors))} problem(s) found; see CONTRIBUTING.md for each code", file=sys.stderr)
        return 1
    atlas = result.atlas
    counts = ", ".join(f"{len(atlas.entities[kind.name])} {kind.label.lower()}(s)" for kind in KINDS)
    print(f"ok: {counts}, {len(atlas.bib.entries)} references, {len(atlas.content)} hand-written pages")
    return 0


def _write(path: Path, data) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")


def _generate(args) -> int:
    result = build(args.root, args.site_url)
    if result.problems:
        print(result.problems.report(), file=sys.stderr)
        return 1
    out = Path(args.out)
    content_dir = Path(args.root) / "content"
    for path in sorted(content_dir.rglob("*")):
        if path.is_dir():
            continue
        target = out / path.relative_to(content_dir)
        if path.suffix == ".md":
            text = path.read_text(encoding="utf-8")
            head = _FRONT_MATTER.match(text)
            head_text = head.group(0) if head else ""
            src = path.relative_to(content_dir).as_posix()
            _write(target, head_text + result.content_page(text[len(head_text):], src))
        else:
            _write(target, path.read_bytes())
    for path, content in result.exports(args.site_url or "/").items():
        _write(out / path, content)
    for page in result.pages:
        _write(out / page.src_uri, page.markdown)
    print(f"wrote {len(result.pages)} generated pages and the hand-written ones to {out}")
    return 0


def _new(args) -> int:
    from .scaffold import new

    try:
        path = new(Path(args.root), args.kind, args.id)
    except FileExistsError as error:
        print(f"atlas: {error}", file=sys.stderr)
        return 1
    print(f"wrote {path}; fill in every TODO, then run `make check`")
    return 0


def _fmt(args) -> int:
    from .fmt import format_files

    data_dir = Path(args.root) / "data"
    paths = [Path(p) for p in args.paths] or sorted(data_dir.rglob("*.yaml"))
    changed = format_files(paths, data_dir, check=args.check)
    for path in changed:
        print(f"{path}: {'would be reformatted' if args.check else 'reformatted'}")
    return 1 if (changed and args.check) else 0


def _ledger(args) -> int:
    from .ledger import LEDGER, append_new
    from .model import load

    found, problems = load(Path(args.root))  # the URLs follow from the data; no page needs rendering
    if problems:
        print(problems.report(), file=sys.stderr)
        return 1
    added = append_new(found)
    print(f"{len(added)} new URL(s) added to {LEDGER}")
    return 0


def _figures(args) -> int:
    from .figures import contactsheet

    result = build(args.root)
    if result.problems:
        print(result.problems.report(), file=sys.stderr)
        return 1
    print(f"wrote {contactsheet.write(result.atlas, Path(args.out))}")
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="atlas", description="Check and render the Glute & Hamstring Atlas data.")
    parser.add_argument("--root", default=".", help="project folder holding data/, content/ and references.bib")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="validate every data file, page and reference").set_defaults(run=_check)
    generate = commands.add_parser("generate", help="write the generated Markdown pages to a folder")
    generate.add_argument("--out", required=True, help="folder to write into")
    generate.add_argument("--site-url", default="", help="the site's public address, for absolute links and exports")
    generate.set_defaults(run=_generate)
    new = commands.add_parser("new", help="write a commented skeleton for a new entity")
    new.add_argument("kind", choices=sorted(kind.name for kind in FOLDER_KINDS))
    new.add_argument("id", type=_entity_id, help="the id, which is also the file name and the URL")
    new.set_defaults(run=_new)
    fmt = commands.add_parser("fmt", help="normalise key order and style of data files, keeping comments")
    fmt.add_argument("paths", nargs="*", help="files to format (default: every file in data/)")
    fmt.add_argument("--check", action="store_true", help="only report files that would change; exit 1 if any")
    fmt.set_defaults(run=_fmt)
    figures = commands.add_parser("figures", help="write a contact sheet of every exercise figure to look at")
    figures.add_argument("--out", default="build/figures", help="folder to write into")
    figures.set_defaults(run=_figures)
    commands.add_parser("ledger", help="append the URLs this change publishes to data/published-urls.txt").set_defaults(
        run=_ledger)
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except Exception as error:  # a bug in the core, not in the data: say so in one line
        print(f"atlas: internal error ({type(error).__name__}: {error}); please report it", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
