"""The hostile corpus: mistaken or hostile inputs a stranger's pull request can make, as data.

Each case edits a copy of the base fixture and names the exact error codes `atlas check` must
report (the first cause only: one broken thing is one error), or `OK` when the check must
accept it; the OK cases of the unsafe families are also published in fixtures/hostile/ and
checked in the built site and in Chromium (tests/test_corpus.py). A fuzzer's find becomes a case here.
"""
from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

GB, HT = "data/exercises/glute-bridge.yaml", "data/exercises/hip-thrust.yaml"
MU, AC, PR = "data/muscles/gluteus-maximus.yaml", "data/actions/hip-extension.yaml", "data/programs/mini.yaml"
EQ, GL, BIB, IDX = "data/equipment.yaml", "data/glossary.yaml", "references.bib", "content/index.md"
GUIDE = "content/guide.md"
OK = frozenset()


@dataclass(frozen=True)
class Case:
    name: str
    family: str
    edits: tuple
    expect: frozenset  # error codes, exactly; OK when the check accepts it

    def apply(self, root: Path) -> None:
        for op, path, *args in self.edits:
            target = root / path
            if op == "sub":
                text = target.read_text(encoding="utf-8")
                assert args[0] in text, (self.name, args[0])
                target.write_text(text.replace(args[0], args[1], 1), encoding="utf-8")
            elif op == "write":
                target.parent.mkdir(parents=True, exist_ok=True)
                data = args[0]
                target.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
            elif op == "append":
                with target.open("ab") as file:
                    file.write(args[0] if isinstance(args[0], bytes) else args[0].encode("utf-8"))
            elif op == "link":
                target.parent.mkdir(parents=True, exist_ok=True)
                if target.is_dir() and not target.is_symlink():
                    shutil.rmtree(target)
                elif target.exists() or target.is_symlink():
                    target.unlink()
                os.symlink(args[0], target)
            else:
                raise ValueError(op)


def sub(path, old, new):
    return ("sub", path, old, new)


def write(path, data):
    return ("write", path, data)


def page(body, head="title: A guide\ndescription: A page of the corpus.\n"):
    return write(GUIDE, f"---\n{head}---\n\n{body}\n")


THIRD = Path(__file__).parent / "fixtures" / "base" / GB
SLB = "data/exercises/single-leg-bridge.yaml"


def third_exercise(extra=""):
    """A third exercise (for cycles): the glute bridge under another id and name."""
    text = THIRD.read_text(encoding="utf-8").replace("id: glute-bridge", "id: single-leg-bridge") \
        .replace("name: Glute bridge", "name: Single-leg bridge")
    return write(SLB, text + extra)


def related(exercise, relation):
    return f"variations:\n  - exercise: {exercise}\n    relation: {relation}\n"


HT_HARDER_SLB = sub(HT, "    relation: regression\n",
                    "    relation: regression\n  - exercise: single-leg-bridge\n    relation: progression\n")


def case(name, family, expect, *edits):
    return Case(name, family, tuple(edits), frozenset(expect.split()) if isinstance(expect, str) else expect)


CASES = [
    # --- crashes: numbers that are not numbers -------------------------------------------------
    case("knee-nan", "numbers", "A210", sub(GB, "knee: 121", "knee: .nan")),
    case("trunk-nan", "numbers", "A210", sub(GB, "trunk: -90", "trunk: .nan")),
    case("trunk-NaN-caps", "numbers", "A210", sub(GB, "trunk: -90", "trunk: .NaN")),
    case("ankle-inf", "numbers", "A210", sub(GB, "ankle: -24.5", "ankle: .inf")),
    case("hip-minus-inf", "numbers", "A210", sub(GB, "hip: 55", "hip: -.inf")),
    case("hip-nan-found-by-the-fuzzer", "numbers", "A210", sub(GB, "hip: 55", "hip: .nan")),
    case("angle-overflows-to-inf", "numbers", "A210", sub(GB, "trunk: -90", "trunk: 1.0e+400")),
    case("sets-nan", "numbers", "A210", sub(GB, "sets: 2", "sets: .nan")),
    case("program-reps-inf", "numbers", "A210", sub(PR, "reps: 15", "reps: .inf")),
    case("frontmatter-boost-nan", "numbers", "A210", page("Text.", "title: A guide\nsearch:\n  boost: .nan\n")),
    case("angle-400", "numbers", "A205", sub(GB, "knee: 121", "knee: 400")),
    case("angle-text", "numbers", "A203", sub(GB, "knee: 121", "knee: bent")),
    case("angle-boolean", "numbers", "A203", sub(GB, "trunk: -90", "trunk: true")),
    case("zero-sets", "numbers", "A211", sub(GB, "sets: 2", "sets: 0")),
    case("zero-reps", "numbers", "A211", sub(GB, "reps: 15", "reps: 0")),
    case("reps-15-3", "numbers", "A212", sub(GB, "reps: 15", "reps: 15-3")),
    case("program-reps-12-8", "numbers", "A212", sub(PR, "reps: 8-12", "reps: 12-8")),
    case("rpe-11", "numbers", "A211", sub(GB, "reps: 15", "reps: 15\n    rpe: 11")),
    case("rpe-9-7", "numbers", "A212", sub(GB, "reps: 15", "reps: 15\n    rpe: 9-7")),
    case("rir-negative", "numbers", "A211", sub(GB, "reps: 15", "reps: 15\n    rir: -1")),
    case("rir-12", "numbers", "A211", sub(GB, "reps: 15", "reps: 15\n    rir: 12")),
    case("percent-250", "numbers", "A211", sub(GB, "reps: 15", "reps: 15\n    percent_1rm: 250")),
    case("percent-80-120", "numbers", "A211", sub(GB, "reps: 15", "reps: 15\n    percent_1rm: 80-120")),
    case("rest-1e20", "numbers", "A211", sub(PR, "rest_s: 60-90", "rest_s: 100000000000000000000")),
    case("tempo-99", "numbers", "A211", sub(GB, "reps: 15", "reps: 15\n    tempo_s: 99")),
    case("hold-0", "numbers", "A211", sub(GB, "reps: 15", "reps: 15\n    hold_s: 0")),
    case("sets-3-40", "numbers", "A211", sub(PR, "sets: 3-4", "sets: 3-40")),
    case("reps-range-ok", "numbers", OK, sub(GB, "reps: 15", "reps: 8-12\n    rpe: 7-8\n    rir: 2\n    rest_s: 60-90")),
    # --- crashes: nesting, size, encoding, YAML itself ------------------------------------------
    case("flow-nesting-100000", "files", "A111", write(GB, "id: [" + "[" * 100_000 + "]" * 100_001 + "\n")),
    case("flow-mapping-nesting", "files", "A111", write(GB, "a: " + "{a: " * 5_000 + "1" + "}" * 5_000 + "\n")),
    case("block-nesting-dashes", "files", "A111", write(GB, "steps:\n  " + "- " * 60 + "x\n")),
    case("nesting-in-list-file", "files", "A111", write(EQ, "- " * 40 + "x\n")),
    case("nesting-in-front-matter", "files", "A111", page("Text.", "title: [" + "[" * 50 + "]" * 51 + "\n")),
    case("data-file-300k", "files", "A107", write(GB, "# " + "x" * 300_000 + "\n")),
    case("page-600k", "files", "A107", page("x" * 600_000)),
    case("string-25000", "files", "A116", sub(GB, "Squeeze the glutes.", "y" * 25_000)),
    case("key-25000", "files", "A116", sub(GB, "level: beginner", "level: beginner\n? " + "k" * 25_000 + "\n: 1")),
    case("data-not-utf8", "files", "A101", ("append", GB, b"# \xff\n")),
    case("data-latin1", "files", "A101", write(MU, (THIRD.parent.parent / "muscles" / "gluteus-maximus.yaml").read_text().replace("Ilium", "Ili\u00e9um").encode("latin-1"))),
    case("guide-not-utf8", "files", "A101", write(GUIDE, b"---\ntitle: Guide\n---\n\nCaf\xe9 and bridges.\n")),
    case("bib-not-utf8", "files", "A101", ("append", BIB, b"\n% caf\xe9\n")),
    case("utf16-file", "files", "A101", write(AC, "id: hip-extension\n".encode("utf-16"))),
    case("empty-data-file", "files", "A102", write(GB, "")),
    case("alias-bomb", "files", "A106", sub(GB, "level: beginner", "level: beginner\nx: &a [1, 1]\ny: [*a, *a]")),
    case("python-tag", "files", "A110", sub(GB, "level: beginner", "level: !!python/object:os.system beginner")),
    case("tab-indent", "files", "A104", sub(GB, "  - muscle: gluteus-maximus", "\t- muscle: gluteus-maximus")),
    case("yaml-syntax", "files", "A103", sub(GB, "level: beginner", "level: [beginner")),
    case("template-missing", "files", "A120", page("Text.", "title: A guide\ntemplate: nothere.html\n")),
    case("template-traversal", "files", "A120", page("Text.", "title: A guide\ntemplate: ../../../etc/passwd\n")),
    case("frontmatter-unknown-key", "files", "A118", page("Text.", "title: A guide\nextra_css: evil.css\n")),
    case("frontmatter-title-list", "files", "A118", page("Text.", "title: [a, b]\n")),
    case("frontmatter-not-mapping", "files", "A118", page("Text.", "- a\n- b\n")),
    case("frontmatter-hide-everything", "files", "A118", page("Text.", "title: A guide\nhide: [everything]\n")),
    case("frontmatter-blank-title", "files", "A118", page("Text.", "title: '   '\n")),
    case("frontmatter-tag", "files", "A110", page("Text.", "title: !!python/name:os.system\n")),
    case("frontmatter-anchor", "files", "A106", page("Text.", "title: &t A guide\ndescription: *t\n")),
    case("frontmatter-yaml-error", "files", "A103", page("Text.", "title: [unclosed\n")),
    # --- unsafe: links and names, refused before anything is read -----------------------------
    case("link-page-to-bib", "links and names", "A114", ("link", "content/secret.md", "../references.bib")),
    case("link-page-absolute", "links and names", "A114", ("link", "content/hosts.md", "/etc/hosts")),
    case("link-static-file", "links and names", "A114", ("link", "content/env.txt", "/proc/self/environ")),
    case("link-folder-in-content", "links and names", "A114", ("link", "content/etc", "/etc")),
    case("link-data-file", "links and names", "A114", ("link", "data/exercises/evil.yaml", "../../references.bib")),
    case("link-list-file", "links and names", "A114", ("link", EQ, "/etc/hostname")),
    case("link-data-folder", "links and names", "A114", ("link", "data/programs", "/etc")),
    case("link-references-bib", "links and names", "A114", ("link", BIB, "/etc/hostname")),
    case("link-contributing", "links and names", "A114", ("link", "CONTRIBUTING.md", "/etc/hostname")),
    case("name-hash", "links and names", "A115", write("content/a#b.md", "# A\n")),
    case("name-question", "links and names", "A115", write("content/what?.md", "# A\n")),
    case("name-space", "links and names", "A115", write("content/with space.md", "# A\n")),
    case("name-non-ascii", "links and names", "A115", write("content/\u00fcber.md", "# A\n")),
    case("name-percent", "links and names", "A115", write("content/100%.md", "# A\n")),
    case("folder-name-space", "links and names", "A115", write("content/bad dir/x.md", "# A\n")),
    case("data-name-hash", "links and names", "A115", write("data/exercises/a#b.yaml", "id: a\n")),
    case("data-name-upper", "links and names", "A303", write("data/exercises/Glute.yaml", "id: glute\n")),
    case("script-file", "links and names", "A117", write("content/evil.js", "alert(1)\n")),
    case("module-file", "links and names", "A117", write("content/assets/x.mjs", "alert(1)\n")),
    case("html-file", "links and names", "A117", write("content/page.html", "<script>alert(1)</script>\n")),
    case("svg-file", "links and names", "A117", write("content/pic.svg", "<svg onload=alert(1)/>\n")),
    case("theme-asset-override", "links and names", "A117",
         write("content/assets/javascripts/atlas-search.js", "alert(1)\n")),
    case("hidden-file-skipped", "links and names", OK, write("content/.DS_Store", "x")),
    # --- broken output: ids the site owns, link kinds, anchors, headings ------------------------
    case("id-index", "broken output", "A306", write("data/exercises/index.yaml", THIRD.read_text().replace(
        "id: glute-bridge", "id: index").replace("name: Glute bridge", "name: Index bridge"))),
    case("id-search", "broken output", "A306", write("data/exercises/search.yaml", THIRD.read_text().replace(
        "id: glute-bridge", "id: search").replace("name: Glute bridge", "name: Search bridge"))),
    case("muscle-id-api", "broken output", "A306", write("data/muscles/api.yaml", (
        THIRD.parent.parent / "muscles" / "gluteus-maximus.yaml").read_text().replace("id: gluteus-maximus", "id: api")
        .replace("name: Gluteus maximus", "name: Api muscle"))),
    case("equipment-id-index", "broken output", "A306", ("append", EQ, "- id: index\n  name: Index bar\n  free_exercise_db: other\n")),
    case("former-id-index", "broken output", "A306", sub(GB, "name: Glute bridge", "name: Glute bridge\nformer_ids: [index]")),
    case("former-id-assets", "broken output", "A306", sub(AC, "name: Hip extension", "name: Hip extension\nformer_ids: [assets]")),
    case("alias-index", "broken output", "A306", sub(GB, "name: Glute bridge", "name: Glute bridge\naliases: [Index]")),
    case("alias-schemas", "broken output", "A306", sub(GB, "name: Glute bridge", "name: Glute bridge\naliases: [Schemas]")),
    case("link-kind-plural", "broken output", "A423", page("See [the bridge](exercises:glute-bridge).")),
    case("link-kind-capital", "broken output", "A423", page("See [the bridge](Exercise:glute-bridge).")),
    case("link-kind-typo", "broken output", "A423", page("See [it](musle:gluteus-maximus).")),
    case("link-javascript", "broken output", "A423", page("See [click](javascript:alert('XSS70'))")),
    case("link-data-url", "broken output", "A423", page("See [click](data:text/html,hi)")),
    case("anchor-unknown", "broken output", "A424", page("See [cues](exercise:glute-bridge#cuez).")),
    case("anchor-unknown-muscle", "broken output", "A424", page("See [it](muscle:gluteus-maximus#nowhere).")),
    case("anchor-known", "broken output", OK, page("See [cues](exercise:glute-bridge#cues) and [x](muscle:gluteus-maximus).")),
    case("citation-in-heading", "broken output", "A425", page("## Bridges [@coach2024]\n\nText.")),
    case("citation-in-h1", "broken output", "A425", page("# Bridges [@coach2024; @anatomy2020]\n\nText.")),
    case("citation-in-code-heading", "broken output", OK, page("```\n# not a heading [@nokey]\n```\n\nText [@coach2024].")),
    # --- nonsense: hidden characters, blank text, names twice ---------------------------------
    case("name-rlo", "text", "A213", sub(GB, "name: Glute bridge", "name: \"Glute \\u202Eegdirb\"")),
    case("name-zero-width", "text", "A213", sub(GB, "name: Glute bridge", "name: \"Glute\\u200B bridge\"")),
    case("name-bom-inside", "text", "A213", sub(GB, "name: Glute bridge", "name: \"Glute \\uFEFFbridge\"")),
    case("alias-bidi", "text", "A213", sub(GB, "name: Glute bridge", "name: Glute bridge\naliases: [\"\\u202Etsurht pih\"]")),
    case("alias-isolate", "text", "A213", sub(GB, "name: Glute bridge", "name: Glute bridge\naliases: [\"\\u2066hip thrust\"]")),
    case("step-bell", "text", "A213", sub(GB, "- Raise the hips.", "- \"Raise\\a the hips.\"")),
    case("summary-lrm", "text", "A213", sub(GB, "summary: Lifting the hips from the floor with the glutes, lying on the back.",
                                            "summary: \"\\u200ELifting the hips from the floor with the glutes, lying on the back.\"")),
    case("cue-nul", "text", "A213", sub(GB, "text: Squeeze the glutes.", "text: \"Squeeze\\0 the glutes.\"")),
    case("muscle-name-zwj", "text", "A213", sub(MU, "name: Gluteus maximus", "name: \"Gluteus\\u200D maximus\"")),
    case("glossary-term-rlo", "text", "A213", sub(GL, "definition: Effort on a 1 to 10 scale.",
                                                  "definition: \"\\u202EEffort on a 1 to 10 scale.\"")),
    case("text-newlines-ok", "text", OK, sub(GB, "- Raise the hips.", "- |\n      Raise the hips.\n      Hold it.")),
    case("name-blank", "text", "A208", sub(GB, "name: Glute bridge", "name: '   '")),
    case("step-blank", "text", "A208", sub(GB, "- Raise the hips.", "- '    '")),
    case("cue-ideographic-space", "text", "A208", sub(GB, "text: Squeeze the glutes.", "text: \"\\u3000\"")),
    case("same-name", "text", "A307", sub(HT, "name: Hip thrust", "name: Glute bridge")),
    case("same-name-case", "text", "A307", sub(HT, "name: Hip thrust", "name: GLUTE BRIDGE")),
    case("same-name-nfkc", "text", "A307", sub(HT, "name: Hip thrust", "name: \uff27lute bridge")),
    case("alias-is-other-name", "text", "A307", sub(HT, "name: Hip thrust", "name: Hip thrust\naliases: [glute Bridge]")),
    case("alias-is-own-name", "text", "A307", sub(GB, "name: Glute bridge", "name: Glute bridge\naliases: [GLUTE BRIDGE]")),
    case("name-with-markup", "text", "A205", sub(GB, "name: Glute bridge", "name: '<b>Glute</b> bridge'")),
    case("pattern-name-rlo", "text", "A213", sub("data/patterns.yaml", "name: Bridge", "name: \"Bri\\u202Edge\"")),
    case("muscle-group-name-zero-width", "text", "A213", sub("data/muscle-groups.yaml", "name: Glutes", "name: \"Glu\\u200Btes\"")),
    case("muscle-group-nesting", "files", "A111", write("data/muscle-groups.yaml", "- " * 50 + "x\n")),
    case("program-name-blank", "text", "A208", sub(PR, "name: Mini session", "name: '  '")),
    case("program-item-nan-rest", "numbers", "A210", sub(PR, "rest_s: 60-90", "rest_s: .nan")),
    case("action-summary-bell", "text", "A213", sub(AC, "summary: Moving the thigh backwards relative to the pelvis.",
                                                    "summary: \"Moving the thigh backwards\\a relative to the pelvis.\"")),
    case("glossary-nesting", "files", "A111", write(GL, "- " * 50 + "x\n")),
    case("ledger-symlink", "links and names", "A114", ("link", "data/published-urls.txt", "/etc/hostname")),
    # --- nonsense: relations -----------------------------------------------------------------
    case("related-to-itself", "relations", "A420", ("append", GB, related("glute-bridge", "progression"))),
    case("variation-of-itself", "relations", "A420", ("append", GB, related("glute-bridge", "variation"))),
    case("two-kinds-one-pair", "relations", "A422", third_exercise(),
         ("append", GB, related("single-leg-bridge", "progression")
          + "  - exercise: single-leg-bridge\n    relation: regression\n")),
    case("same-pair-twice", "relations", "A422", third_exercise(),
         ("append", GB, related("single-leg-bridge", "variation")
          + "  - exercise: single-leg-bridge\n    relation: variation\n")),
    case("declared-in-both-files", "relations", "A407", ("append", GB, related("hip-thrust", "progression"))),
    case("progression-cycle", "relations", "A421", HT_HARDER_SLB, third_exercise(related("glute-bridge", "progression"))),
    case("mixed-cycle", "relations", "A421", HT_HARDER_SLB, third_exercise(),
         ("append", GB, related("single-leg-bridge", "regression"))),
    case("chain-no-cycle", "relations", OK, HT_HARDER_SLB, third_exercise()),
    case("unknown-related", "relations", "A401", ("append", GB, related("hip-thrusts", "progression"))),
    case("drawn-barbell-unused", "relations", "A840",
         sub(GB, "  poses:", "  equipment:\n    - item: barbell\n      at: hips\n  poses:")),
    case("renamed-muscle-suggests-new-id", "relations", "A401",
         sub(MU, "name: Gluteus maximus", "name: Gluteus maximus\nformer_ids: [glute-max]"),
         sub(GB, "muscle: gluteus-maximus", "muscle: glute-max")),
    # --- limits on lists ---------------------------------------------------------------------
    case("aliases-24000", "limits", "A119", sub(GB, "name: Glute bridge", "name: Glute bridge\naliases:\n"
                                                 + "".join(f"  - b{i}\n" for i in range(24_000)))),
    case("aliases-51", "limits", "A119", sub(GB, "name: Glute bridge", "name: Glute bridge\naliases: ["
                                             + ", ".join(f"b{i}" for i in range(51)) + "]")),
    case("former-ids-60", "limits", "A119", sub(GB, "name: Glute bridge", "name: Glute bridge\nformer_ids: ["
                                                + ", ".join(f"old-{i}" for i in range(60)) + "]")),
    case("variations-60", "limits", "A119", ("append", GB, "variations:\n" + "".join(
        "  - exercise: hip-thrust\n    relation: variation\n" for _ in range(60)))),
    case("muscle-aliases-60", "limits", "A119", sub(MU, "name: Gluteus maximus", "name: Gluteus maximus\naliases: ["
                                                    + ", ".join(f"m{i}" for i in range(60)) + "]")),
    # --- references.bib -----------------------------------------------------------------------
    case("bib-string-doubling", "bibtex", "A514", write(BIB, "".join(
        f"@string{{m{i} = m{i - 1} # m{i - 1}}}\n" if i else "@string{m0 = \"xx\"}\n" for i in range(40))
        + (THIRD.parent.parent.parent / BIB).read_text())),
    case("bib-string-lowercase-paren", "bibtex", "A514", ("append", BIB, "\n@STRING(j = \"Journal\")\n")),
    case("bib-too-large", "bibtex", "A512", ("append", BIB, "\n% " + "x" * 1_100_000 + "\n")),
    case("bib-field-20000", "bibtex", "A513", sub(BIB, "title  = {Bridges for Beginners},",
                                                  "title  = {Bridges for Beginners},\n  note = {" + "n" * 20_000 + "},")),
    case("bib-one-bad-byte-one-error", "bibtex", "A101", ("append", BIB, b"\xc3\n")),
    case("bib-unclosed-brace-one-error", "bibtex", "A501", sub(BIB, "year      = {2020},", "year      = {2020,")),
    case("bib-javascript-url", "bibtex", "A508", sub(BIB, "https://example.org/bridges", "javascript:alert(1)")),
    case("bib-duplicate-key", "bibtex", "A505", ("append", BIB, "\n@misc{coach2024,\n  title = {X},\n  url = {https://e.org},\n  design = {web article},\n}\n")),
    # --- messages --------------------------------------------------------------------------
    case("long-unknown-key-is-cut", "messages", "A201", sub(GB, "level: beginner", "level: beginner\n? " + "q" * 5_000 + "\n: 1")),
    case("long-bad-value-is-cut", "messages", "A204", sub(GB, "level: beginner", "level: " + "z" * 15_000)),
]

# The unsafe inputs that the check accepts: published by fixtures/hostile/ and proven harmless in the
# built site and in Chromium. Each is (marker, what it tries); the marker must never run or become markup.
PUBLISHED = [
    ("XSS01", "<script src> to a file of the same pull request"), ("XSS02", "inline <script>"),
    ("XSS03", "img onerror"), ("XSS04", "javascript: href"), ("XSS05", "javascript: hidden by a tab entity"),
    ("XSS06", "iframe"), ("XSS07", "object"), ("XSS08", "embed"), ("XSS09", "svg onload"),
    ("XSS10", "math namespace confusion"), ("XSS11", "form posting elsewhere"), ("XSS12", "base href"),
    ("XSS13", "meta refresh"), ("XSS14", "link stylesheet from another host"), ("XSS15", "style element"),
    ("XSS16", "style attribute overlay"), ("XSS17", "attr_list onclick"), ("XSS18", "details ontoggle"),
    ("XSS19", "button onclick"), ("XSS20", "video source onerror"), ("XSS21", "data: URL link"),
    ("XSS22", "textarea breakout"), ("XSS23", "noscript mXSS"), ("XSS24", "template script"),
    ("XSS25", "a site script's data attribute"), ("XSS26", "input autofocus onfocus"), ("XSS27", "marquee onstart"),
    ("XSS28", "vbscript: href"), ("XSS29", "front-matter title with a script"), ("XSS30", "front-matter description breaking out of the meta"),
    ("XSS31", "data text that begins like a list item"), ("XSS32", "data text that begins like a numbered item"),
    ("XSS33", "attr_list id clobbering"), ("XSS34", "srcdoc on an iframe"),
]
