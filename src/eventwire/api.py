"""HTTP API and dashboard server (being built by the web engineer; see docs/DEVELOPING.md)."""
