"""End-to-end tests: the generated client against the mock, over real HTTP on loopback."""
