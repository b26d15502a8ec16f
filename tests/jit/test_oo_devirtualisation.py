"""Sealed and final methods are called directly: a callvirt whose target cannot be overridden (the
method is `final`, or its class is sealed) compiles to a call through the method's entry cell, with
only the null check callvirt requires, while an overridable one goes through the vtable. Checked on
the native code `clrpy jitdump` lists (it names calls through vtable slots)."""
import re

import pytest

from clrpy.cli.main import main
from conftest import compile_cs

SOURCE = r"""
namespace Devirt {
    public class Animal { public virtual int Legs() { return 4; } public virtual int Eyes() { return 2; } }
    public sealed class Bird : Animal { public override int Legs() { return 2; } }
    public class Spider : Animal { public sealed override int Legs() { return 8; } }
    public static class Calls {
        public static int ThroughBase(Animal a) { return a.Legs(); }
        public static int ThroughSealedClass(Bird b) { return b.Legs(); }
        public static int ThroughFinalMethod(Spider s) { return s.Legs(); }
        public static int InheritedThroughSealedClass(Bird b) { return b.Eyes(); }
        public static int Main() { return ThroughBase(new Bird()) + ThroughSealedClass(new Bird()) + ThroughFinalMethod(new Spider()) + InheritedThroughSealedClass(new Bird()) - 8; }
    }
}
"""


@pytest.fixture(scope="module")
def program():
    return compile_cs(SOURCE)


def native_code(capsys, program, method):
    code = main(["jitdump", str(program), method, "--no-ir", "--no-opt-ir"])
    out, err = capsys.readouterr()
    assert code == 0, err
    m = re.search(r"^==== native code \(x86-64\) ====\n(.*?)(?=^==== |\Z)", out, re.S | re.M)
    return m.group(1)


def test_overridable_call_goes_through_the_vtable(capsys, program):
    assert re.search(r"virtual call through vtable slot \d+ \(Devirt\.Animal::Legs\(\)\)",
                     native_code(capsys, program, "Calls::ThroughBase"))


@pytest.mark.parametrize("method", ["Calls::ThroughSealedClass", "Calls::ThroughFinalMethod",
                                    "Calls::InheritedThroughSealedClass"])
def test_sealed_or_final_call_is_direct(capsys, program, method):
    native = native_code(capsys, program, method)
    assert "virtual call through vtable slot" not in native
    assert "System.NullReferenceException" in native         # callvirt still checks `this`
