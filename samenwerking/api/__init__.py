"""The public REST API of the register under /api/v1/ (see docs/api.md)."""
