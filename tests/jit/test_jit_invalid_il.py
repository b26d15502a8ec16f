"""Invalid IL (stack underflow, more entries than .maxstack, branches into the middle of an
instruction, inconsistent stacks at joins, ...) raises InvalidProgramException when the method is
compiled, through the embedding API, and never takes the process down.

Not differential: Mono 6.8 hangs compiling some of these methods (a branch into an instruction)."""
from pathlib import Path

import pytest

from conftest import assemble_il
from differential import ClrpyRunner, declared_tests

SOURCE = Path(__file__).resolve().parent / "invalid" / "il_invalid.il"
NAMES = declared_tests(SOURCE)
# The test methods that are valid and return normally, with their results.
VALID = {"test_invalid_method_never_called": "42"}


@pytest.fixture(scope="module")
def runner():
    r = ClrpyRunner(assemble_il(SOURCE.read_text(), library=True))
    yield r
    r.close()


@pytest.mark.parametrize("name", NAMES)
def test_invalid_program(runner, name):
    assert runner.call(name) == VALID.get(name, "!System.InvalidProgramException")


def test_message_names_the_method(runner):
    import clrpy
    method, _ = runner.methods["test_join_depth_mismatch"]
    with pytest.raises(clrpy.ManagedException) as info:
        method()
    assert info.value.type_name == "System.InvalidProgramException"
    assert "test_join_depth_mismatch" in info.value.message
