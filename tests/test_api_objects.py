"""The embedding API's object model: creating objects from Python, calling their instance and virtual
methods, reading and writing instance and static fields, value types (boxed on the Python side),
overload selection from Python argument types, and the errors a wrong use gets."""
import gc

import pytest

import clrpy
from clrpy.errors import ClrpyError
from conftest import compile_cs

SOURCE = r"""
using System;
namespace Api
{
    public class Animal
    {
        public string Name;
        public int Legs;
        public static int Created;
        public static string Motto = "animals";
        public const int Const = 5;
        public Animal() : this("nobody", 0) { }
        public Animal(string name) : this(name, 4) { }
        public Animal(string name, int legs) { Name = name; Legs = legs; Created++; }
        public virtual string Sound() { return "..."; }
        public string Describe() { return Name + " says " + Sound(); }
        public virtual int Feed(int grams) { return grams; }
        public Animal Self() { return this; }
        public static Animal Make(string name) { return new Dog(name); }
        public override string ToString() { return "Animal:" + Name; }
    }

    public class Dog : Animal
    {
        public Animal Friend;
        public Dog(string name) : base(name, 4) { }
        public override string Sound() { return "woof"; }
        public override int Feed(int grams) { return base.Feed(grams) * 2; }
        public string Fetch(string what) { return Name + " fetched " + what; }
        public new int Legs() { return 44; }
    }

    public abstract class Shape { public abstract double Area(); }
    public interface INamed { string Name(); }
    public class Named : INamed { string INamed.Name() { return "explicit"; } }

    public struct Point
    {
        public int X, Y;
        public Point(int x, int y) { X = x; Y = y; }
        public int Sum() { return X + Y; }
        public void Move(int dx) { X += dx; }
        public static Point Origin() { return new Point(0, 0); }
    }

    public enum Color { Red, Green = 5 }

    public class Holder { public Point P; public Color C; public static Point Shared; public Point Get() { return P; } }

    public class Overloads
    {
        public string F(int x) { return "int"; }
        public string F(long x) { return "long"; }
        public string F(double x) { return "double"; }
        public string F(string x) { return "string"; }
        public string F(object x) { return "object"; }
        public string F(Animal a) { return "animal"; }
        public string F(Dog d) { return "dog"; }
        public string G(byte x) { return "byte"; }
        public string G(short x) { return "short"; }
        public string H(int a, int b) { return "int,int"; }
        public string H(long a, int b) { return "long,int"; }
        public static string S(int x) { return "static int"; }
        public static string S(bool b) { return "static bool"; }
        public static string S(char c) { return "static char"; }
        public static int SumPoint(Point p) { return p.X * 10 + p.Y; }
        public static Point Twice(Point p) { p.X *= 2; p.Y *= 2; return p; }
        public static int Mutate(Point p) { p.X = 1000; return p.X; }
        public static string Kind(object o) { return o == null ? "null" : o.GetType().Name; }
        public static Color Next(Color c) { return c + 1; }
    }

    public class Thrower
    {
        public Thrower(int x) { if (x < 0) throw new ArgumentException("negative"); }
        public int Divide(int a, int b) { return a / b; }
        public int Cast(object o) { return ((Dog)o).Legs(); }
    }

    public class Counter
    {
        public static int Hits;
        static Counter() { Hits = 100; }
        public static int Next() { return ++Hits; }
    }
}
"""


@pytest.fixture(scope="module")
def asm():
    rt = clrpy.Runtime()
    yield rt.load(compile_cs(SOURCE, library=True))
    rt.close()


# -- creating objects ----------------------------------------------------------------------------------
def test_construct_and_read_fields(asm):
    a = asm.type("Api.Animal")("rex", 3)
    assert a.Name == "rex" and a.Legs == 3
    assert a.type.full_name == "Api.Animal"


def test_constructor_overloads(asm):
    Animal = asm.type("Api.Animal")
    assert Animal().Name == "nobody"
    assert Animal("tom").Legs == 4
    assert Animal("tom", 2).Legs == 2


def test_constructor_runs_base_constructor(asm):
    d = asm.type("Api.Dog")("fido")
    assert (d.Name, d.Legs) == ("fido", 4)


def test_abstract_and_interface_types_cannot_be_created(asm):
    with pytest.raises(TypeError, match="abstract"):
        asm.type("Api.Shape")()
    with pytest.raises(TypeError):
        asm.type("Api.INamed")()


def test_constructor_exception_becomes_managed_exception(asm):
    with pytest.raises(clrpy.ManagedException) as e:
        asm.type("Api.Thrower")(-1)
    assert e.value.type_name == "System.ArgumentException"
    assert "negative" in e.value.message


def test_unknown_type(asm):
    with pytest.raises(ClrpyError, match="Api.Nope"):
        asm.type("Api.Nope")


# -- methods -------------------------------------------------------------------------------------------
def test_instance_method(asm):
    d = asm.type("Api.Dog")("rex")
    assert d.Fetch("ball") == "rex fetched ball"


def test_virtual_method_dispatches_on_the_object(asm):
    a = asm.type("Api.Animal").method("Make")("rex")       # declared Animal, really a Dog
    assert a.type.full_name == "Api.Dog"
    assert a.Sound() == "woof"
    assert a.Describe() == "rex says woof"
    assert a.Feed(10) == 20


def test_inherited_method_on_derived_object(asm):
    d = asm.type("Api.Dog")("rex")
    assert d.Describe() == "rex says woof"


def test_tostring_override(asm):
    d = asm.type("Api.Dog")("rex")
    assert d.ToString() == "Animal:rex"
    assert d.GetHashCode() == d.GetHashCode()


def test_method_returning_objects(asm):
    d = asm.type("Api.Dog")("rex")
    same = d.Self()
    assert same == d and same.address == d.address
    assert same.type.full_name == "Api.Dog"


def test_object_arguments(asm):
    d = asm.type("Api.Dog")("rex")
    o = asm.type("Api.Overloads")()
    assert o.F(d) == "dog"
    assert o.F(asm.type("Api.Animal")("cat")) == "animal"
    assert asm.type("Api.Overloads").method("Kind")(d) == "Dog"
    assert asm.type("Api.Overloads").method("Kind")(None) == "null"


def test_shadowing_method_and_field_of_the_same_name(asm):
    d = asm.type("Api.Dog")("rex")
    assert d.Legs == 4              # fields come first: Animal.Legs, not Dog.Legs()


def test_static_method_through_type(asm):
    assert asm.type("Api.Overloads").S(5) == "static int"


def test_explicit_interface_implementation_is_not_a_public_method(asm):
    n = asm.type("Api.Named")()
    with pytest.raises(AttributeError):
        n.Name()


def test_managed_exception_from_method(asm):
    t = asm.type("Api.Thrower")(1)
    with pytest.raises(clrpy.ManagedException) as e:
        t.Divide(1, 0)
    assert e.value.type_name == "System.DivideByZeroException"
    with pytest.raises(clrpy.ManagedException) as e:
        t.Cast(asm.type("Api.Animal")("x"))
    assert e.value.type_name == "System.InvalidCastException"
    assert e.value.message == "Specified cast is not valid."


# -- fields --------------------------------------------------------------------------------------------
def test_write_fields(asm):
    d = asm.type("Api.Dog")("rex")
    d.Name = "max"
    d.Legs = 3
    assert d.Describe() == "max says woof" and d.Legs == 3


def test_reference_field(asm):
    d = asm.type("Api.Dog")("rex")
    assert d.Friend is None
    cat = asm.type("Api.Animal")("tom")
    d.Friend = cat
    assert d.Friend == cat and d.Friend.Name == "tom"
    d.Friend = None
    assert d.Friend is None


def test_field_type_checks(asm):
    d = asm.type("Api.Dog")("rex")
    with pytest.raises(TypeError):
        d.Legs = "four"
    with pytest.raises(OverflowError):
        d.Legs = 1 << 40
    with pytest.raises(AttributeError):
        d.Tail = 1


def test_unknown_member(asm):
    d = asm.type("Api.Dog")("rex")
    with pytest.raises(AttributeError, match="Wings"):
        d.Wings


def test_static_fields(asm):
    Animal = asm.type("Api.Animal")
    before = Animal.Created
    Animal("a")
    asm.type("Api.Dog")("b")
    assert Animal.Created == before + 2
    assert Animal.Motto == "animals"
    Animal.Motto = "changed"
    assert Animal.Motto == "changed"
    Animal.Created = 0
    assert Animal.Created == 0


def test_static_field_runs_class_constructor(asm):
    Counter = asm.type("Api.Counter")
    assert Counter.Hits == 100
    assert Counter.Next() == 101
    assert Counter.Hits == 101


def test_static_field_errors(asm):
    with pytest.raises(AttributeError):
        asm.type("Api.Animal").Nope = 1


# -- value types ---------------------------------------------------------------------------------------
def test_struct_is_created_boxed(asm):
    p = asm.type("Api.Point")(3, 4)
    assert (p.X, p.Y) == (3, 4)
    assert p.Sum() == 7
    assert p.type.is_value_type


def test_struct_method_mutates_the_box(asm):
    p = asm.type("Api.Point")(3, 4)
    p.Move(10)
    assert p.X == 13
    p.Y = 1
    assert p.Sum() == 14


def test_struct_argument_is_passed_by_value(asm):
    Overloads = asm.type("Api.Overloads")
    p = asm.type("Api.Point")(3, 4)
    assert Overloads.SumPoint(p) == 34
    assert Overloads.Mutate(p) == 1000
    assert p.X == 3                 # the callee changed its own copy


def test_struct_result_is_a_new_box(asm):
    Overloads = asm.type("Api.Overloads")
    p = asm.type("Api.Point")(3, 4)
    q = Overloads.Twice(p)
    assert q.type.full_name == "Api.Point"
    assert (q.X, q.Y, p.X) == (6, 8, 3)
    assert asm.type("Api.Point").Origin().Sum() == 0


def test_boxed_struct_as_object_argument(asm):
    p = asm.type("Api.Point")(1, 2)
    assert asm.type("Api.Overloads").Kind(p) == "Point"


def test_struct_fields(asm):
    h = asm.type("Api.Holder")()
    p = h.P
    assert p.type.full_name == "Api.Point" and p.Sum() == 0
    h.P = asm.type("Api.Point")(5, 6)
    assert h.Get().Sum() == 11
    p = h.P
    p.X = 100                       # a copy: the field keeps its value
    assert h.P.X == 5
    with pytest.raises(TypeError):
        h.P = 3
    asm.type("Api.Holder").Shared = asm.type("Api.Point")(1, 1)
    assert asm.type("Api.Holder").Shared.Sum() == 2


def test_enum_field(asm):
    h = asm.type("Api.Holder")()
    h.C = 5
    assert h.C == 5


def test_object_methods_on_boxed_struct(asm):
    Point = asm.type("Api.Point")
    p, q = Point(1, 2), Point(1, 2)
    assert p.Equals(q) and not p.Equals(Point(2, 1))
    assert p.GetHashCode() == q.GetHashCode()
    assert p.ToString() == "Api.Point"


def test_wrong_struct_argument(asm):
    with pytest.raises(TypeError):
        asm.type("Api.Overloads").SumPoint(asm.type("Api.Dog")("x"))


def test_enum_arguments_and_results(asm):
    assert asm.type("Api.Overloads").Next(0) == 1
    assert asm.type("Api.Overloads").Next(5) == 6


# -- overload selection --------------------------------------------------------------------------------
def test_overload_by_python_type(asm):
    o = asm.type("Api.Overloads")()
    assert o.F(1) == "int"
    assert o.F(1 << 40) == "long"
    assert o.F(1.5) == "double"
    assert o.F("s") == "string"


def test_overload_by_range(asm):
    o = asm.type("Api.Overloads")()
    assert o.G(200) == "byte"
    assert o.G(-5) == "short"
    assert o.G(1000) == "short"


def test_overload_by_signature_string(asm):
    o = asm.type("Api.Overloads")()
    assert o.F(1) == "int"
    Overloads = asm.type("Api.Overloads")
    assert Overloads.method("S(bool)")(True) == "static bool"
    assert Overloads.method("S(char)")("c") == "static char"
    assert Overloads.method("S(System.Int32)")(7) == "static int"


def test_static_overloads_by_type(asm):
    S = asm.type("Api.Overloads").S
    assert S(True) == "static bool"
    assert S(3) == "static int"


def test_no_matching_overload(asm):
    o = asm.type("Api.Overloads")()
    with pytest.raises(TypeError, match="no overload"):
        o.H("a", "b")
    with pytest.raises(TypeError):
        o.G("s")


def test_unknown_signature(asm):
    with pytest.raises(ClrpyError):
        asm.type("Api.Overloads").method("S(float)")
    with pytest.raises(ClrpyError):
        asm.type("Api.Overloads").method("Nope")


def test_wrong_argument_count(asm):
    with pytest.raises(TypeError):
        asm.type("Api.Dog")("a", "b", "c")


# -- lifetime ------------------------------------------------------------------------------------------
def test_python_references_are_roots(asm):
    d = asm.type("Api.Dog")("rooted")
    engine = d.engine
    assert engine.python_roots.get(d.address)
    address = d.address
    del d
    gc.collect()
    assert address not in engine.python_roots
