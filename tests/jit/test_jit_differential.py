"""The JIT's instruction tests: every test method of tests/jit/programs/ runs under clrpy and under Mono,
and the results must be the same (differential.py describes the canonical form)."""
import pytest

from differential import ClrpyRunner, build, declared_tests, mono_results, sources, variants

SOURCES = [(src, variant) for src in sources() for variant in variants(src)]
CASES = [(src, variant, name) for src, variant in SOURCES for name in declared_tests(src)]


class _Program:
    def __init__(self, src, variant):
        assembly = build(src, variant)
        self.expected = mono_results(assembly)
        self.runner = ClrpyRunner(assembly)                     # in tiers, as by default
        self.optimised = ClrpyRunner(assembly, tiered=False)    # every method at the optimising tier

    def close(self):
        self.runner.close()
        self.optimised.close()


@pytest.fixture(scope="session")
def programs():
    """(source, variant) -> its Mono results and its clrpy runtimes, built on first use in each worker."""
    cache = {}
    yield cache
    for p in cache.values():
        p.close()


def _program(programs, src, variant) -> _Program:
    p = programs.get((src, variant))
    if p is None:
        p = programs[(src, variant)] = _Program(src, variant)
    return p


@pytest.mark.parametrize("src,variant,name", CASES, ids=[f"{s.name}-{v}::{n}" for s, v, n in CASES])
def test_same_result_as_mono(programs, src, variant, name):
    p = _program(programs, src, variant)
    assert name in p.expected, f"Mono did not run {name}"
    results = {"tiered": p.runner.call(name), "optimised": p.optimised.call(name)}
    assert results == {"tiered": p.expected[name], "optimised": p.expected[name]}


@pytest.mark.parametrize("src,variant", SOURCES, ids=[f"{s.name}-{v}" for s, v in SOURCES])
def test_every_test_method_is_compared(programs, src, variant):
    p = _program(programs, src, variant)
    declared = set(declared_tests(src))
    assert declared == set(p.expected), "the pattern that finds test methods disagrees with Mono's reflection"
    assert declared == set(p.runner.methods), "clrpy's view of the test methods disagrees with Mono's"
