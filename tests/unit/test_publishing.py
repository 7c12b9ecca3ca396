"""The GitHub workflows and Dependabot: zizmor finds nothing at medium or high, every action is pinned
to a commit with its version beside it, nothing deploys without the tests, and the pinned versions
are kept up to date."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from conftest import ROOT

GITHUB = ROOT / ".github"
ZIZMOR = Path(sys.executable).parent / "zizmor"  # pinned in requirements-test.txt


def zizmor_findings(folder: Path) -> list[str]:
    """zizmor's medium and high findings for ``folder``, offline, one line each."""
    result = subprocess.run([str(ZIZMOR), "--offline", "--min-severity", "medium", "--format", "json",
                             "--no-progress", str(folder)], capture_output=True, text=True, timeout=120)
    # zizmor exits 0 when it finds nothing, 10 + the highest severity otherwise, and 1 or 2 on errors.
    assert result.returncode == 0 or result.returncode >= 10, result.stderr
    found = []
    for finding in json.loads(result.stdout or "[]"):
        where = finding["locations"][0]
        path = Path(where["symbolic"]["key"]["Local"]["verbatim_path"]).name
        line = where["concrete"]["location"]["start_point"]["row"] + 1
        found.append(f"{finding['ident']} ({finding['determinations']['severity']}) at {path}:{line}:"
                     f" {finding['desc']}")
    return found


def workflow(name: str) -> dict:
    data = yaml.safe_load((GITHUB / "workflows" / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def test_zizmor_finds_nothing_at_medium_or_high():
    assert zizmor_findings(GITHUB) == []


def test_zizmor_would_catch_an_action_pinned_to_a_tag(tmp_path):
    # The check above is only worth something if zizmor reads these files and flags the faults the
    # workflows were fixed for: an action on a tag, and checkout keeping its credentials.
    copy = tmp_path / ".github"
    shutil.copytree(GITHUB, copy)
    pages = copy / "workflows" / "pages.yml"
    text = pages.read_text(encoding="utf-8")
    text = re.sub(r"actions/deploy-pages@[0-9a-f]{40}", "actions/deploy-pages@v5.0.0", text)
    pages.write_text(re.sub(r"\n\s*persist-credentials: false", "", text), encoding="utf-8")
    found = " ".join(zizmor_findings(copy))
    assert "unpinned-uses" in found and "artipacked" in found, found


def test_every_action_is_pinned_to_a_commit_with_its_version_beside_it():
    uses = [(path.name, line.strip()) for path in sorted((GITHUB / "workflows").glob("*.yml"))
            for line in path.read_text(encoding="utf-8").splitlines() if re.match(r"\s*(- )?uses:", line)]
    assert uses
    for name, line in uses:
        if "uses: ./" in line:  # a workflow of this repository, at the same commit
            continue
        assert re.fullmatch(r"(- )?uses: [\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+", line), \
            f"{name}: {line}"


def test_nothing_deploys_unless_the_tests_passed_for_the_same_commit():
    pages, tests = workflow("pages.yml"), workflow("test.yml")
    jobs = pages["jobs"]
    assert jobs["test"]["uses"] == "./.github/workflows/test.yml"  # same commit as the caller
    assert jobs["build"]["needs"] == "test" and jobs["deploy"]["needs"] == "build"
    # Only the deploy job may publish; every other job reads the repository and nothing more.
    assert pages["permissions"] == {} and tests["permissions"] == {}
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    for job in (jobs["test"], jobs["build"], tests["jobs"]["test"]):
        assert job["permissions"] == {"contents": "read"}
    # The tests run on every pull request and, called by the Pages workflow, on every push to main.
    assert "pull_request" in tests["on"] and "workflow_call" in tests["on"]
    assert pages["on"]["push"]["branches"] == ["main"]
    steps = tests["jobs"]["test"]["steps"]
    assert steps[-1]["run"] == "bash .ci/run"


def test_dependabot_sends_one_pull_request_a_week_for_each_kind_of_package():
    config = yaml.safe_load((GITHUB / "dependabot.yml").read_text(encoding="utf-8"))
    updates = {u["package-ecosystem"]: u for u in config["updates"]}
    assert set(updates) == {"pip", "npm", "github-actions"}
    for update in updates.values():
        assert update["schedule"]["interval"] == "weekly"
        assert [group["patterns"] for group in update["groups"].values()] == [["*"]]
