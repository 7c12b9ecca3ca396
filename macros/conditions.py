"""Condition pages: placeholder until the conditions renderer lands (work in progress)."""


def load(site, path):
    if path.exists():
        raise NotImplementedError("conditions renderer not written yet")


def condition_page(site, linker, condition_id, cited):
    raise NotImplementedError


def overview(site, linker, cited):
    raise NotImplementedError


def helped_by(site, linker, topic):
    return ""
