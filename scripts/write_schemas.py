"""Write data/schemas/*.schema.json from the data models (runnersback/model). Run after changing a
model; tests/unit/test_schemas.py fails while the committed schemas differ from the models."""

from __future__ import annotations

from pathlib import Path

from runnersback.model.schemas import MODELS, schema_text

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    for name in MODELS:
        path = ROOT / "data" / "schemas" / f"{name}.schema.json"
        path.write_text(schema_text(name), encoding="utf-8")
        print(path.relative_to(ROOT))


if __name__ == "__main__":
    main()
