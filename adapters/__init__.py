"""Engine adapters that need Python-Markdown (not MkDocs), so main.py can load them under Zensical too."""
