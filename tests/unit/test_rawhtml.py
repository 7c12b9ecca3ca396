"""Unit tests for macros/rawhtml.py: macro HTML reaches the page unchanged, past Markdown's parser."""

from __future__ import annotations

import markdown
import pytest

from macros import rawhtml

EXTENSIONS = ["toc", "attr_list", "md_in_html", "admonition"]


def convert(text: str, store: rawhtml.Store) -> tuple[str, markdown.Markdown]:
    md = markdown.Markdown(extensions=EXTENSIONS + [rawhtml.Extension(store)])
    return md.convert(text), md


def test_block_html_comes_back_byte_for_byte():
    store = rawhtml.Store()
    # HTML that Markdown would otherwise read: blank lines inside, Markdown-like text, a stray "*".
    html = '<div class="card">\n<p>Use *ice* &amp; rest</p>\n\n<ul>\n<li>2 * 3</li>\n</ul>\n</div>'
    out, _ = convert("Intro.\n\n" + store.block(html) + "\nAfter.", store)
    assert html in out
    assert "<p><div" not in out and "<em>" not in out
    assert out.startswith("<p>Intro.</p>") and out.endswith("<p>After.</p>")


def test_headings_in_block_output_stay_markdown_and_reach_the_toc():
    store = rawhtml.Store()
    text = store.block('<p class="a">One</p>\n\n## Signs in runners { #signs }\n\n<ul>\n<li>x</li>\n</ul>')
    out, md = convert(text, store)
    assert '<h2 id="signs">Signs in runners</h2>' in out
    assert [t["id"] for t in md.toc_tokens] == ["signs"]
    assert out.index('<p class="a">One</p>') < out.index("<h2") < out.index("<ul>")


def test_inline_html_sits_inside_its_paragraph():
    store = rawhtml.Store()
    cite = '<small class="cite">[<a href="sources.html#src-nhs">NHS</a>]</small>'
    out, _ = convert(f"- Rest for a day or two. {store.inline(cite)}\n- Then walk.", store)
    assert f"<li>Rest for a day or two. {cite}</li>" in out


def test_tokens_of_another_page_fail_loudly():
    store = rawhtml.Store()
    token = store.inline("<b>old</b>")
    store.reset()
    with pytest.raises(KeyError, match="belongs to no macro output"):
        convert(f"Text {token}", store)


def test_text_without_tokens_is_untouched():
    store = rawhtml.Store()
    out, _ = convert("# Title\n\n<div markdown>\n*Markdown* inside\n</div>", store)
    assert "<em>Markdown</em>" in out
