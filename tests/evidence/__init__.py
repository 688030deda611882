"""Responses written from Fastn's public docs and SDK, through the generated client and the mock."""
