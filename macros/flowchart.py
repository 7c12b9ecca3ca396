"""Decision flowchart: placeholder until the flowchart renderer lands (work in progress)."""


def load(site, path):
    if path.exists():
        raise NotImplementedError("flowchart renderer not written yet")


def drawing(site, linker, cited):
    raise NotImplementedError


def steps(site, linker, cited):
    raise NotImplementedError
