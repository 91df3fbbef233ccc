"""`atlas figures --out DIR`: one page with every exercise's figure (start, motion, end) in the
light and the dark scheme, to look at before calling a drawing done (`make figures`)."""
from __future__ import annotations

import html
from pathlib import Path

from . import drawing

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Exercise figures: contact sheet</title>
<link rel="stylesheet" href="atlas.css"><style>
body {{ margin: 0; font: 14px/1.4 system-ui, sans-serif; }}
.scheme {{ padding: 8px; }}
[data-md-color-scheme="slate"] {{ background: #1e2129; color: #e2e4e9; --md-default-bg-color: #1e2129; --md-typeset-a-color: #5e8bde; }}
[data-md-color-scheme="default"] {{ background: #fff; color: #222; --md-default-bg-color: #fff; --md-typeset-a-color: #4051b5; }}
.sheet {{ display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 10px; }}
.sheet section {{ border: 1px solid #8888; padding: 4px; }} h2 {{ font-size: 13px; margin: 0 0 4px; }}
</style></head><body><h1>Exercise figures ({count})</h1>{schemes}</body></html>
"""


def sheet(atlas) -> str:
    cells = []
    for eid, exercise in atlas.entities["exercise"].items():
        drawn = drawing.exercise_figure(atlas, eid, exercise).replace(' id="figure"', "")
        cells.append(f'<section><h2>{html.escape(exercise["name"])} ({exercise["pose"]["view"]})</h2>{drawn}</section>')
    schemes = "".join(
        f'<div class="scheme" data-md-color-scheme="{scheme}"><h2>{label}</h2><div class="sheet">{"".join(cells)}</div></div>'
        for scheme, label in (("default", "Light"), ("slate", "Dark")))
    return PAGE.format(count=len(cells), schemes=schemes)


def write(atlas, out: Path) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    (out / "atlas.css").write_bytes((atlas.root / "content" / "assets" / "atlas.css").read_bytes())
    target = out / "index.html"
    target.write_text(sheet(atlas), encoding="utf-8")
    return target

