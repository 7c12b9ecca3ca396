"""The clinic's details for the exercise sheet from mkdocs.yml (extra.clinic,
runnersback/model/clinic.py) and the sheet's header the renderer writes from them."""

from __future__ import annotations

import pytest

from conftest import ROOT
from runnersback.model import clinic, site as sitedata
from runnersback.model.errors import DataError
from runnersback.render import sheet_builder
from runnersback.render.html import Linker

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 40


@pytest.fixture
def docs(tmp_path):
    (tmp_path / "assets" / "images").mkdir(parents=True)
    (tmp_path / "assets" / "images" / "logo.png").write_bytes(PNG)
    (tmp_path / "assets" / "images" / "logo.jpg").write_bytes(JPEG)
    (tmp_path / "assets" / "images" / "fake.png").write_bytes(JPEG)
    (tmp_path / "assets" / "images" / "logo.svg").write_text("<svg/>")
    return tmp_path


def test_unset_gives_empty_fields(docs):
    assert clinic.details(None, docs) == {"name": "", "phone": "", "address": "", "web": "", "logo": ""}


def test_fields_and_logo_are_read(docs):
    found = clinic.details({"name": " Riverside Physio ", "phone": 1632960123, "logo": "assets/images/logo.jpg"},
                           docs)
    assert found["name"] == "Riverside Physio" and found["phone"] == "1632960123"
    assert found["logo"] == "assets/images/logo.jpg"


@pytest.mark.parametrize("config, field, words", [
    ({"logo": "assets/images/missing.png"}, "extra.clinic.logo", "no such file"),
    ({"logo": "assets/images/logo.svg"}, "extra.clinic.logo", "PNG or JPEG"),
    ({"logo": "assets/images/fake.png"}, "extra.clinic.logo", "is not a PNG"),
    ({"logo": "../secret.png"}, "extra.clinic.logo", "inside docs/"),
    ({"logo": "/etc/logo.png"}, "extra.clinic.logo", "inside docs/"),
    ({"logo": "https://example.org/logo.png"}, "extra.clinic.logo", "inside docs/"),
    ({"fax": "01632"}, "extra.clinic.fax", "unknown field"),
    ({"name": ["a"]}, "extra.clinic.name", "must be text"),
    ({"name": "x" * 81}, "extra.clinic.name", "at most 80"),
    ("Riverside", "extra.clinic", "mapping"),
])
def test_a_mistake_stops_the_build_naming_the_field(docs, config, field, words):
    with pytest.raises(DataError) as raised:
        clinic.details(config, docs)
    assert raised.value.file == "mkdocs.yml" and raised.value.field == field, str(raised.value)
    assert words in str(raised.value)


def test_a_logo_too_big_is_refused(docs):
    (docs / "big.png").write_bytes(PNG + b"\x00" * clinic.LOGO_MAX_BYTES)
    with pytest.raises(DataError, match="at most"):
        clinic.details({"logo": "big.png"}, docs)


@pytest.fixture(scope="module")
def site():
    return sitedata.load(ROOT / "data", ROOT / "docs")


def _render(site, details=None) -> str:
    return sheet_builder.sheet_builder(site, Linker("handouts/sheet-builder.md", site.pages),
                                       "https://example.org/", set(), details)


def test_the_configured_logo_is_in_the_sheet_s_header(site):
    html = _render(site, {"name": "Riverside Physio", "logo": "assets/images/clinic-logo.png"})
    head = html[html.index('<div class="sheet__site">'):html.index('<p class="sheet__clinic"')]
    assert ('<img class="sheet__logo" id="sheet-logo" alt="" src="../assets/images/clinic-logo.png" '
            'data-default="../assets/images/clinic-logo.png">') in head
    assert '<p class="sheet__clinic" id="sheet-clinic">' in html


def test_without_a_logo_there_is_no_image_and_the_form_offers_one(site):
    html = _render(site)
    assert 'id="sheet-logo"' not in html  # the script makes it when a logo is chosen
    assert '<p class="sheet__clinic" id="sheet-clinic" hidden>' in html
    assert ('<input type="file" id="clinic-logo" accept="image/png,image/jpeg" data-max-width="300" '
            'data-max-height="120">') in html
    # Saved programmes: their own labelled controls and a status line a screen reader announces.
    for part in ('<label for="programme-name">', 'id="programme-save">Save as a programme</button>',
                 '<label for="programme-link">Link to share</label>',
                 '<p class="sheet-form__status" id="programme-status" role="status"></p>'):
        assert part in html, part
