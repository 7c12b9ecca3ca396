"""The JSON Schemas of the data files, generated from the models (python -m scripts.write_schemas writes
them to data/schemas/, where the ``yaml-language-server`` line of each data file points)."""

from __future__ import annotations

import json
from typing import Any

from .care import CareLevelsFile
from .conditions import ConditionsFile
from .exercises import ExercisesFile
from .flowchart import FlowchartFile
from .pages import PageMeta
from .regions import RegionsFile
from .return_to_running import ReturnToRunning
from .signs import WarningSignsFile
from .sources import SourcesFile

# Schema name -> model. Each data file data/<name>.yml has data/schemas/<name>.schema.json; "page"
# is the front matter of every page under docs/.
MODELS = {
    "sources": SourcesFile,
    "regions": RegionsFile,
    "care_levels": CareLevelsFile,
    "warning_signs": WarningSignsFile,
    "exercises": ExercisesFile,
    "conditions": ConditionsFile,
    "flowchart": FlowchartFile,
    "return_to_running": ReturnToRunning,
    "page": PageMeta,
}


def schema(name: str) -> dict[str, Any]:
    out = {"$schema": "https://json-schema.org/draft/2020-12/schema"}
    out.update(MODELS[name].model_json_schema())
    return out


def schema_text(name: str) -> str:
    return json.dumps(schema(name), indent=2, ensure_ascii=False) + "\n"
