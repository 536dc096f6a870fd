"""The embedded demo corpus (synthetic), shipped as package data: see README.md here."""
