"""Unit tests for macros/postbuild/abbreviations.py: each abbreviation is explained once per page."""

from __future__ import annotations


from macros.postbuild import abbreviations

NHS = '<abbr title="National Health Service (UK)">NHS</abbr>'
GP = '<abbr title="General practitioner">GP</abbr>'


def test_first_use_of_each_term_keeps_its_explanation_and_can_take_focus():
    html = f"<p>See a {GP} or the {NHS}.</p><p>The {NHS} says your {GP} can help.</p>"
    focusable = lambda abbr: abbr.replace("<abbr ", '<abbr tabindex="0" ')
    assert abbreviations.first_only(html) == \
        f"<p>See a {focusable(GP)} or the {focusable(NHS)}.</p><p>The NHS says your GP can help.</p>"


def test_page_without_abbreviations_is_unchanged():
    html = '<p>Nothing <abbr class="x">here</abbr> to do.</p>'
    assert abbreviations.first_only(html) == html


def test_terms_inside_links_stay_plain_and_do_not_count_as_explained():
    html = f'<p><a href="sources.html">{NHS} guide</a> and the {NHS}.</p>'
    focusable_nhs = NHS.replace("<abbr ", '<abbr tabindex="0" ')
    assert abbreviations.first_only(html) == \
        f'<p><a href="sources.html">NHS guide</a> and the {focusable_nhs}.</p>'
