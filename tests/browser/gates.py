"""Shared by the gate tests: one failure message that names every page and what broke there."""


def assert_no_failures(failures, rule):
    """`failures` maps a page label to what is wrong on it; an empty map passes."""
    failures = {label: problem for label, problem in failures.items() if problem}
    details = "\n".join(f"- {label} : {problem}" for label, problem in failures.items())
    assert not failures, f"{rule} — {len(failures)} page(s) en défaut :\n{details}"
