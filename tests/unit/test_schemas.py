"""The JSON Schemas in data/schemas/ are what the models generate now, and every data file (and every
page's front matter) validates against its schema with a standard validator (jsonschema), as an
editor with the YAML extension checks it while it is typed."""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml

from conftest import ROOT
from runnersback.model.core import find_pages
from runnersback.model.pages import front_matter
from runnersback.model.schemas import MODELS, schema_text

DATA_FILES = [name for name in MODELS if name != "page"]


def _as_json(value):
    """YAML's values as JSON has them (dates become ISO text), as an editor's validator sees them."""
    return json.loads(json.dumps(value, default=str))


def _validator(name: str) -> jsonschema.Draft202012Validator:
    path = ROOT / "data" / "schemas" / f"{name}.schema.json"
    return jsonschema.Draft202012Validator(json.loads(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize("name", MODELS)
def test_committed_schema_is_what_the_model_generates(name):
    path = ROOT / "data" / "schemas" / f"{name}.schema.json"
    assert path.read_text(encoding="utf-8") == schema_text(name), \
        f"{path.relative_to(ROOT)} is out of date: run python -m scripts.write_schemas"


@pytest.mark.parametrize("name", DATA_FILES)
def test_data_file_names_its_schema_and_validates_against_it(name):
    text = (ROOT / "data" / f"{name}.yml").read_text(encoding="utf-8")
    assert text.startswith(f"# yaml-language-server: $schema=schemas/{name}.schema.json\n")
    validator = _validator(name)
    jsonschema.Draft202012Validator.check_schema(validator.schema)
    errors = [f"{list(e.absolute_path)}: {e.message}"
              for e in validator.iter_errors(_as_json(yaml.safe_load(text)))]
    assert not errors, errors


def test_schema_rejects_what_the_model_rejects():
    """The schemas are not empty shells: a misspelt field, a wrong type and an empty text fail."""
    doc = _as_json(yaml.safe_load((ROOT / "data" / "care_levels.yml").read_text(encoding="utf-8")))
    validator = _validator("care_levels")
    doc["care_levels"][0]["colour"] = "red"
    doc["care_levels"][1]["signs"] = "none"
    doc["care_levels"][2]["label"] = " "
    assert len(list(validator.iter_errors(doc))) == 3


def test_every_page_front_matter_validates_against_the_page_schema():
    validator = _validator("page")
    for src in sorted(find_pages(ROOT / "docs")):
        meta = front_matter((ROOT / "docs" / src).read_text(encoding="utf-8"))
        if "handout_of" in meta:  # handouts take their dates from the page they summarise
            continue
        errors = [e.message for e in validator.iter_errors(_as_json(meta))]
        assert not errors, (src, errors)
