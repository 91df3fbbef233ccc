"""The registry of kinds: the one table that says what each kind of data is.

Everything the core derives about a kind (where its files live, which schema checks
them, which templates draw its pages, its index page's title, its `atlas new` skeleton,
its open-data export, its search boost, the editor's schema mapping, the data reference)
comes from its entry here. Adding a kind is adding an entry, a schema and its templates;
tests/test_kinds.py says in plain words what is missing.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    name: str  # the word in x-ref, in `[text](name:id)` links and in `atlas new NAME`
    label: str  # what one item is called on the data reference page
    schema: str  # schemas/<schema>.json
    folder: str = ""  # one file per item: data/<folder>/<id>.yaml ...
    file: str = ""  # ... or one list of items: data/<file>
    url: str = ""  # pages at /<url>/ and /<url>/<id>/ ('' when the kind has no pages)
    index_title: str = ""
    index_description: str = ""
    boost: int | None = None  # search ranking of its pages (an exercise outranks a guide for its own name)
    export: bool = False  # published as /api/<url>.json
    # its index page is the bibliography (/references/), which lists every source, not only these
    bibliography_index: bool = False

    @property
    def has_pages(self) -> bool:
        return bool(self.url)

    @property
    def export_name(self) -> str:
        """The open-data file: /api/<export_name>.json."""
        return self.folder or self.url

    @property
    def page_template(self) -> str:
        return f"{self.name}.md.j2"

    @property
    def index_template(self) -> str:
        return f"{self.name}-index.md.j2"

    @property
    def skeleton(self) -> str:
        """The `atlas new` skeleton, in templates/; only kinds with one file per item have one."""
        return f"{self.name}.skeleton.yaml" if self.folder else ""

    @property
    def data_path(self) -> str:
        """Where a contributor edits it, relative to the project."""
        return f"data/{self.folder}/ID.yaml" if self.folder else f"data/{self.file}"

    @property
    def editor_glob(self) -> str:
        return f"data/{self.folder}/*.yaml" if self.folder else f"data/{self.file}"


KINDS = (
    Kind("exercise", "Exercise", "exercise", folder="exercises", url="exercises", boost=3, export=True,
         index_title="Exercises",
         index_description="Every exercise in the atlas with its movement category, pattern, equipment, level and "
                           "target muscles."),
    Kind("muscle", "Muscle", "muscle", folder="muscles", url="muscles", boost=2, export=True,
         index_title="Muscles",
         index_description="The muscles of the glutes, hamstrings and posterior chain: anatomy, actions and the "
                           "exercises that train them."),
    Kind("action", "Joint action", "action", folder="actions", url="actions", export=True,
         index_title="Joint actions",
         index_description="The joint actions of the posterior chain, the muscles that produce them and the "
                           "exercises that train them."),
    Kind("program", "Program", "program", folder="programs", url="programs", export=True,
         index_title="Programs",
         index_description="Sessions and routines from the sources, each exercise with its sets, reps, effort and rest."),
    Kind("equipment", "Piece of equipment", "equipment", file="equipment.yaml", url="equipment", export=True,
         index_title="Equipment",
         index_description="Every piece of equipment the atlas's exercises use, and what you can train with each: "
                           "with no equipment, with only bands or with only dumbbells."),
    Kind("study", "Study", "study", folder="studies", url="references", export=True, bibliography_index=True,
         index_title="References",
         index_description="Every source the Glute & Hamstring Atlas cites, with its kind of evidence and the pages "
                           "that cite it; each study the atlas read has its own page."),
    Kind("question", "Question", "question", folder="questions", export=True),
    Kind("pattern", "Movement pattern", "pattern", file="patterns.yaml"),
    Kind("muscle-group", "Muscle group", "vocabulary", file="muscle-groups.yaml"),
    Kind("glossary", "Glossary entry", "glossary", file="glossary.yaml"),
    Kind("copy-host", "Copy host", "copy-host", file="copy-hosts.yaml"),
)
BY_NAME = {kind.name: kind for kind in KINDS}
PAGE_KINDS = tuple(kind for kind in KINDS if kind.has_pages)
FOLDER_KINDS = tuple(kind for kind in KINDS if kind.folder)
FILE_KINDS = tuple(kind for kind in KINDS if kind.file)
# schema files that are not a kind's own: shared definitions, and the format we export to
EXTRA_SCHEMAS = ("common", "free-exercise-db")
SCHEMAS = tuple(dict.fromkeys([*EXTRA_SCHEMAS[:1], *(kind.schema for kind in KINDS), *EXTRA_SCHEMAS[1:]]))


def kind_of_url(prefix: str) -> Kind:
    """The page kind whose pages live under /<prefix>/."""
    return next(kind for kind in PAGE_KINDS if kind.url == prefix)
