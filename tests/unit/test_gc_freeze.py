"""Unit tests for hooks/gc_freeze.py: start-up objects are set aside for a build, and come back."""

from __future__ import annotations

import gc

from conftest import load_hook

gc_freeze = load_hook("gc_freeze")


def test_objects_are_set_aside_for_the_build_and_return_after_it():
    assert gc.get_freeze_count() == 0
    gc_freeze.on_pre_build(config={})
    try:
        assert gc.get_freeze_count() > 0
    finally:
        gc_freeze.on_post_build(config={})
    assert gc.get_freeze_count() == 0


def test_a_failed_build_also_returns_them():
    gc_freeze.on_pre_build(config={})
    gc_freeze.on_build_error(error=RuntimeError("broken page"))
    assert gc.get_freeze_count() == 0
