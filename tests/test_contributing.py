"""Contributing takes minutes: scaffolds, one formatter, checks before review, editor schemas."""
from __future__ import annotations

import json
import re
import shutil

import pytest
import yaml
from atlas.kinds import FOLDER_KINDS
from conftest import BIN, ROOT, make_project, run


def atlas_cli(project, *args):
    return run(str(BIN / "atlas"), "--root", str(project), *args)


@pytest.mark.parametrize("kind", [k.name for k in FOLDER_KINDS])
def test_a_scaffold_fails_the_check_naming_every_placeholder_line(tmp_path, kind):
    project = make_project(tmp_path)
    result = atlas_cli(project, "new", kind, "new-thing")
    assert result.returncode == 0, result.stderr
    folder = next(k.folder for k in FOLDER_KINDS if k.name == kind)
    path = project / "data" / folder / "new-thing.yaml"
    todo_lines = {n for n, line in enumerate(path.read_text().splitlines(), 1) if re.search(r":\s*\[?TODO|^\s*- TODO", line)}
    check = atlas_cli(project, "check")
    assert check.returncode == 1
    reported = re.findall(rf"data/{folder}/new-thing\.yaml:(\d+):\d+: (A\d+) ", check.stderr)
    assert {code for _, code in reported} == {"A206"}
    assert {int(line) for line, _ in reported} == todo_lines


FILLED_EXERCISE = {
    "name: TODO name as lifters say it": "name: My lift",
    "summary: TODO one or two sentences for the top of the page and for search results":
        "summary: A bridge variation used by the test suite to prove a filled scaffold passes.",
    "category: TODO": "category: tertiary", "pattern: TODO": "pattern: bridge", "equipment: [TODO]": "equipment: [bodyweight]",
    "level: TODO": "level: beginner", "muscle: TODO": "muscle: gluteus-maximus", "actions: [TODO]": "actions: [hip-extension]",
    "refs: [TODO]": "refs: [coach2024]", "- TODO": "- Do the thing", "text: TODO": "text: Do it well",
    "mistake: TODO what goes wrong": "mistake: Rushing", "fix: TODO how to fix it": "fix: Slow down", "sets: TODO": "sets: 3",
    "searched: TODO": "searched: PubMed for my lift; 2026-12-03",
}


def test_a_filled_scaffold_passes(tmp_path):
    project = make_project(tmp_path)
    atlas_cli(project, "new", "exercise", "my-lift")
    path = project / "data" / "exercises" / "my-lift.yaml"
    text = path.read_text()
    for placeholder, value in FILLED_EXERCISE.items():
        text = re.sub(re.escape(placeholder) + r"[^\n#]*", value + " ", text)
    path.write_text(text)
    result = atlas_cli(project, "check")
    assert result.returncode == 0, result.stderr


def test_new_refuses_to_overwrite_or_to_take_a_bad_id(tmp_path):
    project = make_project(tmp_path)
    assert atlas_cli(project, "new", "exercise", "glute-bridge").returncode == 1
    bad = atlas_cli(project, "new", "exercise", "Glute Bridge")
    assert bad.returncode == 2 and "not a valid id" in bad.stderr


def test_fmt_orders_keys_keeps_comments_and_is_idempotent(tmp_path):
    project = make_project(tmp_path)
    path = project / "data" / "muscles" / "gluteus-maximus.yaml"
    path.write_text(
        "# The largest glute. Keep this comment.\n"
        "summary: The largest gluteal muscle and the main extensor of the hip.\n"
        "name: Gluteus maximus  # as anatomists spell it\n"
        "id: gluteus-maximus\ngroup: glutes\n"
        + path.read_text().split("group: glutes\n", 1)[1].replace("summary: The largest gluteal muscle and the main extensor of the hip.\n", ""))
    assert atlas_cli(project, "fmt", "--check").returncode == 1
    assert atlas_cli(project, "fmt").returncode == 0
    once = path.read_text()
    assert "# The largest glute. Keep this comment." in once and "# as anatomists spell it" in once
    assert [line.split(":")[0] for line in once.splitlines() if re.match(r"^[a-z]", line)][:4] == ["id", "name", "group", "summary"]
    assert atlas_cli(project, "fmt").returncode == 0 and path.read_text() == once  # idempotent
    assert atlas_cli(project, "fmt", "--check").returncode == 0
    assert atlas_cli(project, "check").returncode == 0


def test_the_repository_data_is_formatted():
    result = run(str(BIN / "atlas"), "fmt", "--check")
    assert result.returncode == 0, result.stdout


def test_workflows_pass_actionlint():
    workflows = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
    assert {p.name for p in workflows} == {"pull-request.yml", "deploy.yml"}
    result = run(shutil.which("node") or "node", str(ROOT / "tests" / "tools" / "actionlint.mjs"), *map(str, workflows))
    assert result.returncode == 0, result.stdout + result.stderr
    deploy = yaml.safe_load((ROOT / ".github" / "workflows" / "deploy.yml").read_text())
    assert any(step.get("uses", "").startswith("actions/deploy-pages@") for step in deploy["jobs"]["deploy"]["steps"])
    pr = (ROOT / ".github" / "workflows" / "pull-request.yml").read_text()
    for needed in ("make check", "make site", "make test", "actions/upload-artifact@"):
        assert needed in pr


def test_actionlint_catches_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.evnt }}\n")
    result = run(shutil.which("node") or "node", str(ROOT / "tests" / "tools" / "actionlint.mjs"), str(broken))
    assert result.returncode == 1 and "evnt" in result.stdout


def test_pre_commit_runs_check_fmt_and_ruff():
    hooks = [h for repo in yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())["repos"] for h in repo["hooks"]]
    entries = {h["id"]: h["entry"] for h in hooks}
    assert entries == {"atlas-fmt": ".venv/bin/atlas fmt", "atlas-check": ".venv/bin/atlas check", "ruff": ".venv/bin/ruff check"}
    assert run(str(BIN / "ruff"), "check", str(ROOT)).returncode == 0


def test_editor_settings_map_every_schema_to_its_files():
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text())["yaml.schemas"]
    for schema_path, globs in settings.items():
        assert (ROOT / schema_path).exists(), schema_path
        for pattern in [globs] if isinstance(globs, str) else globs:
            assert list(ROOT.glob(pattern)), pattern
    mapped = {g for globs in settings.values() for g in ([globs] if isinstance(globs, str) else globs)}
    for path in (ROOT / "data").rglob("*.yaml"):
        assert any(path.relative_to(ROOT).match(g) for g in mapped), path
