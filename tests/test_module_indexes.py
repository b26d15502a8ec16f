"""Name and owner indexes of a module: types by namespace and name, nested types, members by
name, the owner of a member, generic parameters, interfaces, layout, constants, properties, events."""
import pytest

from clrpy.metadata import Module
from clrpy.metadata.schema import TableId as T
from conftest import compile_cs

SOURCE = r"""
using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
namespace A.B {
    public interface IThing { void Go(); }
    public class Outer<T> : IThing, IComparable<Outer<T>> where T : class, IDisposable, new() {
        public const int Answer = 42;
        public const string Greeting = "hi";
        public class Inner { public class Deepest { } }
        public event EventHandler Changed;
        public int Count { get; set; }
        public void Go() {}
        void IThing.Go() {}
        public int CompareTo(Outer<T> other) { return 0; }
        public void Overloaded() {}
        public void Overloaded(int x) {}
        public static U Pick<U>(U a) where U : struct { return a; }
    }
    [StructLayout(LayoutKind.Explicit, Size = 16, Pack = 4)]
    public struct Overlay { [FieldOffset(0)] public int I; [FieldOffset(0)] public float F; [FieldOffset(8)] public long L; }
    class Empty {}
}
public class Global { static int[] Table = { 1, 2, 3, 4, 5, 6, 7, 8, 9 }; }
"""


@pytest.fixture(scope="module")
def m():
    with Module.open(compile_cs(SOURCE, library=True)) as mod:
        yield mod


def test_find_types(m):
    outer = m.find_type("A.B", "Outer`1")
    assert outer and m.typedef_name(outer) == "A.B.Outer`1"
    assert m.find_type("", "Global")
    assert m.find_type("A.B", "Missing") == 0
    inner = m.find_nested_type(outer, "Inner")
    deepest = m.find_nested_type(inner, "Deepest")
    assert m.enclosing_type(deepest) == inner and m.enclosing_type(inner) == outer
    assert m.typedef_name(deepest) == "A.B.Outer`1/Inner/Deepest"
    assert m.typedef_name(deepest, "+") == "A.B.Outer`1+Inner+Deepest"
    assert m.find_type_by_name("A.B.Outer`1+Inner/Deepest") == deepest
    # A nested type is not found as a top-level type.
    assert m.find_type("", "Inner") == 0


def test_members_by_name_and_owner(m):
    outer = m.find_type("A.B", "Outer`1")
    assert len(m.find_methods(outer, "Overloaded")) == 2
    assert len(m.find_methods(outer, "A.B.IThing.Go")) == 1
    (count_getter,) = m.find_methods(outer, "get_Count")
    assert m.owner_of_method(count_getter) == outer
    (answer,) = m.find_fields(outer, "Answer")
    assert m.owner_of_field(answer) == outer
    for t in range(1, m.tables[T.TypeDef].num_rows + 1):
        for f in m.fields_of(t):
            assert m.owner_of_field(f) == t


def test_constants(m):
    outer = m.find_type("A.B", "Outer`1")
    (answer,) = m.find_fields(outer, "Answer")
    c = m.constant(0x04000000 | answer)
    assert c.type == 0x08 and int.from_bytes(c.value, "little") == 42
    (greeting,) = m.find_fields(outer, "Greeting")
    assert m.constant(0x04000000 | greeting).value.decode("utf-16-le") == "hi"


def test_generic_parameters_and_constraints(m):
    outer = m.find_type("A.B", "Outer`1")
    (gp,) = m.generic_params(0x02000000 | outer)
    assert gp.name == "T" and gp.number == 0
    assert gp.flags & 0x0004 and gp.flags & 0x0010          # class and new() constraints
    constraints = [m.typeref_name(c.constraint.rid) for c in m.generic_param_constraints(gp.rid)]
    assert constraints == ["System.IDisposable"]
    (pick,) = m.find_methods(outer, "Pick")
    (u,) = m.generic_params(0x06000000 | pick)
    assert u.name == "U" and u.flags & 0x0008                 # struct constraint


def test_interfaces_impls_properties_events(m):
    outer = m.find_type("A.B", "Outer`1")
    ifaces = m.interfaces_of(outer)
    assert len(ifaces) == 2
    impls = m.method_impls_of(outer)
    assert len(impls) == 1 and m.tables[T.MethodDef][impls[0].method_body.rid].name == "A.B.IThing.Go"
    props = [m.tables[T.Property][p].name for p in m.properties_of(outer)]
    assert props == ["Count"]
    events = [m.tables[T.Event][e].name for e in m.events_of(outer)]
    assert events == ["Changed"]
    sem = m.semantics_of(0x17000000 | list(m.properties_of(outer))[0])
    assert sorted(m.tables[T.MethodDef][s.method].name for s in sem) == ["get_Count", "set_Count"]


def test_explicit_layout(m):
    overlay = m.find_type("A.B", "Overlay")
    layout = m.class_layout(overlay)
    assert layout.class_size == 16 and layout.packing_size == 4
    offsets = {m.tables[T.Field][f].name: m.field_layout(f) for f in m.fields_of(overlay)}
    assert offsets == {"I": 0, "F": 0, "L": 8}


def test_field_rva_initial_data(m):
    # The array initialiser's bytes live in a field with an RVA in a compiler-generated type.
    rvas = [m.tables[T.FieldRVA][r] for r in range(1, m.tables[T.FieldRVA].num_rows + 1)]
    assert rvas
    data = m.field_initial_data(rvas[0].field, 36)
    assert [int.from_bytes(data[i:i + 4], "little") for i in range(0, 36, 4)] == list(range(1, 10))


def test_open_is_lazy_and_cheap(mscorlib_path):
    with Module.open(mscorlib_path) as corlib:
        assert all(t._rows is None for t in corlib.tables.tables.values())
        string = corlib.find_type("System", "String")
        concat = [r for r in corlib.find_methods(string, "Concat") if len(corlib.method_sig(r).params) == 2
                  and all(getattr(p, "element_type", None) == 0x0E for p in corlib.method_sig(r).params)]
        assert len(concat) == 1
        assert corlib.method_body(concat[0]).code
        # Only the rows asked for were decoded.
        decoded = sum(1 for r in (corlib.tables[T.MethodDef]._rows or []) if r is not None)
        assert decoded < 50
