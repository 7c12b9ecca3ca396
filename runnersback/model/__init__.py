"""Load the data files, validate them with pydantic models, cross-check references between them,
and answer queries about them. Never imports a renderer."""
