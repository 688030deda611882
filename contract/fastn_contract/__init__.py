"""Check a Fastn API server against ``openapi/fastn.yaml`` and say what the evidence showed.

The spec marks what each element rests on (``x-fastn-evidence``: seed, docs, sdk or inferred).
This package turns traffic into evidence: every exchange seen (a contract run, the link walk, or
an application's own traffic through the recording proxy) confirms, contradicts or leaves
unexercised each marked element, and the report says which.
"""
