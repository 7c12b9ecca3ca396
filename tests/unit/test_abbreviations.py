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


def _article(body: str) -> str:
    return f'<p class="rb-announce">Go to A&amp;E now</p><article class="md-content__inner">{body}</article>'


def test_first_use_without_everyday_words_in_its_sentence_is_reported():
    html = _article(f"<h2>When to see a {GP}</h2><p>Rest first. Then see a {GP} if it lasts. "
                    f"A {GP} (family doctor) can help.</p>")
    assert abbreviations.unexplained(html) == ["GP: Then see a GP if it lasts."]


def test_first_use_with_everyday_words_passes_and_later_uses_need_none():
    html = _article(f"<p>See a {GP} (family doctor) or physio (physiotherapist). Then a {GP} again, "
                    "and a physio.</p><p>The NHS (the UK's health service) says so. The NHS agrees.</p>")
    assert abbreviations.unexplained(html) == []


def test_names_and_routes_are_not_prose():
    # Citations, links, the banner and the care levels' routes name things; the first use in running
    # text is the one that must be explained.
    html = _article('<p>Walk. <small class="cite">[<a href="s.html">NHS: Back pain</a>]</small></p>'
                    '<p class="care-card__heading">Get an urgent GP appointment or call NHS 111 today</p>'
                    '<p><a href="x.html">See a GP</a>. Call NHS 111 today. The NHS says so.</p>')
    assert abbreviations.unexplained(html) == ["NHS: The NHS says so."]
