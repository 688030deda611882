"""Tests of the Fastn mock (mock/fastn_mock), in-process and over loopback."""
