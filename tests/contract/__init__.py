"""The schemathesis contract suite, run in-process against the mock."""
