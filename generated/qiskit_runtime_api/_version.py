"""The package version (generated: do not edit)."""

__version__ = "0.41.6.post10"
API_VERSION = "0.41.6"
"""The spec's ``info.version`` this package was generated from."""
