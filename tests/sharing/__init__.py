"""Tests of what shares the spec beyond Python: JSON bundle, HTML reference, TypeScript.

A package (unlike most test folders) so that its conftest and browser helper have
module names of their own (``sharing.conftest``) next to the other folders' conftests.
"""
