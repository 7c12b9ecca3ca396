"""The clinic's details for the exercise sheet's header, set for a clinic's own copy in mkdocs.yml:

```yaml
extra:
  clinic:
    name: Riverside Physio
    phone: 01632 960 123
    address: 2 Mill Lane, Oxbridge
    web: riverside-physio.example
    logo: assets/images/clinic-logo.png   # a PNG or JPEG under docs/
```

Every key is optional; a clinician can also type them (and choose a logo) in the builder, which keeps
them in that browser only. A mistake stops the build naming mkdocs.yml and the field.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from .errors import DataError, raise_all

TEXT_FIELDS = ("name", "phone", "address", "web")
MAX_CHARS = 80  # the builder's fields take this as their maxlength (render/sheet_builder.py)
# A logo is a picture the browser shows as it is: PNG or JPEG, told by its first bytes.
LOGO_SIGNATURES = {".png": (b"\x89PNG\r\n\x1a\n",), ".jpg": (b"\xff\xd8\xff",), ".jpeg": (b"\xff\xd8\xff",)}
LOGO_MAX_BYTES = 200_000  # a small picture: the sheet prints it at most 40 by 14 mm


def details(config: object, docs_dir: Path, where: str = "mkdocs.yml") -> dict[str, str]:
    """``extra.clinic`` checked: each text field ("" when unset) and ``logo``, the logo's path
    under docs/ as the built site has it ("" when unset)."""
    if config is None:
        config = {}
    if not isinstance(config, dict):
        raise DataError(where, "extra.clinic is a mapping of name, phone, address, web and logo",
                        field="extra.clinic")
    problems = []
    found = {key: "" for key in (*TEXT_FIELDS, "logo")}
    for key, value in config.items():
        field = f"extra.clinic.{key}"
        if key not in found:
            problems.append(DataError(where, f"unknown field (known: {', '.join(found)})", field=field))
        elif value is None:
            continue
        elif not isinstance(value, (str, int)) or isinstance(value, bool):
            problems.append(DataError(where, "must be text", field=field))
        elif len(str(value).strip()) > MAX_CHARS:
            problems.append(DataError(where, f"at most {MAX_CHARS} characters", field=field))
        else:
            found[key] = str(value).strip()
    if found["logo"]:
        problem = _logo_problem(found["logo"], docs_dir)
        if problem:
            problems.append(DataError(where, problem, field="extra.clinic.logo"))
    raise_all(problems)
    return found


def _logo_problem(logo: str, docs_dir: Path) -> str | None:
    path = PurePosixPath(logo)
    if path.is_absolute() or ".." in path.parts or "\\" in logo or ":" in logo:
        return f"'{logo}' must be a path inside docs/, such as assets/images/clinic-logo.png"
    suffix = path.suffix.lower()
    if suffix not in LOGO_SIGNATURES:
        return f"'{logo}' must be a PNG or JPEG picture (.png, .jpg or .jpeg)"
    file = docs_dir / path
    if not file.is_file():
        return f"'{logo}': no such file under docs/"
    size = file.stat().st_size
    if size > LOGO_MAX_BYTES:
        return f"'{logo}' is {size:,} bytes; a logo is at most {LOGO_MAX_BYTES:,} (make it smaller)"
    with file.open("rb") as handle:
        start = handle.read(8)
    if not start.startswith(LOGO_SIGNATURES[suffix]):
        return f"'{logo}' is not a {suffix[1:].upper()} picture"
    return None
