"""Tests of `clrpy jitdump`: a method's IL, LLVM IR and native code, with the runtime's symbols named.

Each test lists one method of a small C# program and checks that the listing shows what the native
code does around the managed code: the throw helper behind a division's checks, the inline
allocation fast path and its slow-path helper behind `new`, the class-initialisation check before a
static field of a type with a precise class constructor, the lazy-compilation path behind a call to a
method that is not compiled yet; and that bad method names get one clear line and exit status 1.
"""
import re

import pytest

from clrpy.cli.jitdump_command import _Registers, _split_instruction, _symbols_in
from clrpy.cli.main import main
from conftest import compile_cs

SOURCE = r"""
namespace Shapes {
    public class Point {
        public int X, Y;
        public Point(int x, int y) { X = x; Y = y; }
    }
    public interface IMeasured { int Size(); }
    public abstract class Shape : IMeasured {
        public abstract int Area();
        public int Size() { return Area(); }
    }
    public class Square : Shape {
        public int Side;
        public override int Area() { return Side * Side; }
    }
    public class Precise {
        public static int Value;
        static Precise() { Value = 42; }        // an explicit .cctor: precise initialisation
    }
    public class Eager {
        public static int Value = 7;            // beforefieldinit: runs at JIT time
    }
    public static class Program {
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.InternalCall)]
        static extern int Native(int a);
        public static int Divide(int a, int b) { return a / b; }
        public static Point Make(int x) { return new Point(x, x + 1); }
        public static int ReadPrecise() { return Precise.Value; }
        public static int ReadEager() { return Eager.Value; }
        public static int Triple(int a) { return a * 3; }
        public static int CallsTriple(int a) { return Triple(a) + 1; }
        public static string Greeting() { return "hello, jitdump"; }
        public static long Pick(int a, long b) { return a + b; }
        public static long Pick(int a) { return a; }
        public static int Element(int[] values, int i) { return values[i]; }
        public static int AreaOf(Shape s) { return s.Area(); }
        public static int SizeOf(IMeasured m) { return m.Size(); }
        public static int Main() { return Divide(10, 2) + Make(1).Y + ReadPrecise() + CallsTriple(2) - 56; }
    }
}
"""


@pytest.fixture(scope="module")
def program():
    return compile_cs(SOURCE)


def jitdump(capsys, *args):
    code = main(["jitdump", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def section(out: str, title: str) -> str:
    """The text of one `==== title ====` section of the listing."""
    m = re.search(rf"^==== {re.escape(title)} ====\n(.*?)(?=^==== |\Z)", out, re.S | re.M)
    assert m, f"no section {title!r} in:\n{out}"
    return m.group(1)


def test_sections_il_ir_and_native_code(capsys, program):
    code, out, err = jitdump(capsys, program, "Shapes.Program::Divide")
    assert code == 0, err
    assert out.startswith("jitdump of Shapes.Program::Divide(int, int)")
    il = section(out, "IL")
    assert ".method public static hidebysig int32 Divide(int32 a, int32 b) cil managed" in il
    assert re.search(r"IL_0002:  div\b", il)
    ir = section(out, "LLVM IR (as generated)")
    assert re.search(r'^define i32 @"m:[^"]+"\(i32 %a0, i32 %a1\)', ir, re.M)
    opt = section(out, "LLVM IR (optimised)")
    assert "define" in opt and "sdiv i32" in opt
    native = section(out, "native code (x86-64)")
    assert "idivl" in native
    assert re.search(r'^"m:[^"]+":  # the code of Shapes\.Program::Divide\(int, int\) \(\d+ bytes\)', native, re.M)


def test_division_names_the_throw_helper_and_the_exceptions(capsys, program):
    code, out, _ = jitdump(capsys, program, "Divide", "--no-ir", "--no-opt-ir")
    assert code == 0
    native = section(out, "native code (x86-64)")
    assert re.search(r"callq\s+\*%\w+\s+# runtime helper clrpy_throw_builtin", native)
    # Both checks of `div` (divisor zero; MinValue / -1) are named with their exception.
    assert "System.DivideByZeroException" in native
    assert "System.OverflowException" in native
    summary = section(out, "summary")
    assert re.search(r"^runtime calls:\n  clrpy_throw_builtin\s+runtime helper: raise a runtime exception", summary, re.M)
    assert re.search(r"mid:\S+\s+method id of Shapes\.Program::Divide\(int, int\)", summary)


def test_new_shows_the_allocation_fast_path_and_slow_helper(capsys, program):
    code, out, _ = jitdump(capsys, program, "Program::Make", "--no-opt-ir")
    assert code == 0
    assert re.search(r"IL_\w{4}:  newobj instance void Shapes.Point::.ctor\(int32, int32\)", section(out, "IL"))
    ir = section(out, "LLVM IR (as generated)")
    assert re.search(r'^declare ptr @"clrpy_alloc_slow"\(ptr, i64\)  ; runtime helper: allocate', ir, re.M)
    assert re.search(r'^@"type:\S+ = external global i8  ; type handle of Shapes\.Point$', ir, re.M)
    native = section(out, "native code (x86-64)")
    assert re.search(r"movabsq\s+\$clrpy_alloc_ptr, %\w+\s+# allocation fast path", native)
    assert re.search(r"callq\s+\*%\w+\s+# runtime helper clrpy_alloc_slow", native)
    assert re.search(r"callq\s+\*\(%\w+\)\s+# call Shapes\.Point::\.ctor\(int, int\) through its entry cell", native)
    summary = section(out, "summary")
    calls, data = summary.split("runtime data referenced:")
    assert "clrpy_alloc_slow" in calls and "entry cell of Shapes.Point::.ctor(int, int)" in calls
    assert "clrpy_alloc_ptr" in data and "clrpy_alloc_limit" in data
    assert re.search(r"type:\S+\s+type handle of Shapes\.Point", data)


def test_precise_class_constructor_gets_an_initialisation_check(capsys, program):
    code, out, _ = jitdump(capsys, program, "ReadPrecise", "--no-ir", "--no-opt-ir")
    assert code == 0
    native = section(out, "native code (x86-64)")
    assert "class-initialisation check: has Shapes.Precise's class constructor run?" in native
    assert re.search(r"callq\s+\*%\w+\s+# runtime helper clrpy_class_init", native)
    summary = section(out, "summary")
    assert re.search(r"clrpy_class_init\s+runtime helper: run the class constructor", summary)
    assert re.search(r"statics:\S+\s+static fields of Shapes\.Precise", summary)


def test_beforefieldinit_class_constructor_runs_at_jit_time_instead(capsys, program):
    code, out, _ = jitdump(capsys, program, "ReadEager", "--no-ir", "--no-opt-ir")
    assert code == 0
    summary = section(out, "summary")
    assert "clrpy_class_init" not in out
    assert re.search(r"statics:\S+\s+static fields of Shapes\.Eager", summary)


def test_call_to_a_method_not_compiled_yet_shows_lazy_compilation(capsys, program):
    code, out, _ = jitdump(capsys, program, "CallsTriple", "--no-ir", "--no-opt-ir")
    assert code == 0
    native = section(out, "native code (x86-64)")
    assert re.search(r'movabsq\s+\$"cell:[^"]+", %\w+\s+# entry cell of Shapes\.Program::Triple\(int\)', native)
    assert re.search(r"(callq|jmpq)\s+\*\(%\w+\)\s+# call Shapes\.Program::Triple\(int\) through its entry cell "
                     r"\(first call: precode -> clrpy_prestub -> clrpy_jit_compile\)", native)
    summary = section(out, "summary")
    assert re.search(r"cell:\S+\s+entry cell of Shapes\.Program::Triple\(int\) \(not compiled yet", summary)
    assert re.search(r"clrpy_prestub\s+reached on the first call of Shapes\.Program::Triple\(int\)", summary)
    assert re.search(r"clrpy_jit_compile\s+runtime helper: compile the method", summary)


def test_string_literal_is_named(capsys, program):
    code, out, _ = jitdump(capsys, program, "Greeting", "--no-ir", "--no-opt-ir")
    assert code == 0
    assert re.search(r'str:\S+\s+string literal "hello, jitdump"', section(out, "summary"))


def test_array_access_checks(capsys, program):
    code, out, _ = jitdump(capsys, program, "Element", "--no-ir", "--no-opt-ir")
    assert code == 0
    native = section(out, "native code (x86-64)")
    assert "System.NullReferenceException" in native and "System.IndexOutOfRangeException" in native


def test_virtual_and_interface_calls_are_named(capsys, program):
    code, out, _ = jitdump(capsys, program, "AreaOf", "--no-ir", "--no-opt-ir")
    assert code == 0
    native = section(out, "native code (x86-64)")
    assert re.search(r"callq\s+\*\d+\(%\w+\)\s+# virtual call through vtable slot \d+ \(Shapes\.Shape::Area\(\)\)", native)
    assert "virtual call through vtable slot" in section(out, "summary")
    code, out, _ = jitdump(capsys, program, "SizeOf", "--no-ir", "--no-opt-ir")
    assert code == 0
    native = section(out, "native code (x86-64)")
    assert re.search(r"callq\s+\*\d*\(%\w+\)\s+# interface call through itable entry 0 \(Shapes\.IMeasured::Size\(\)\)",
                     native)


def test_overload_chosen_by_signature(capsys, program):
    code, out, _ = jitdump(capsys, program, "Pick(int, long)", "--no-ir", "--no-opt-ir")
    assert code == 0
    assert out.startswith("jitdump of Shapes.Program::Pick(int, long)")
    code, out, _ = jitdump(capsys, program, "Shapes.Program::Pick(System.Int32)", "--no-ir", "--no-opt-ir")
    assert code == 0
    assert out.startswith("jitdump of Shapes.Program::Pick(int)")
    code, out, _ = jitdump(capsys, program, "Pick(int32,int64)", "--no-ir", "--no-opt-ir")
    assert code == 0 and out.startswith("jitdump of Shapes.Program::Pick(int, long)")


def test_constructor_by_name(capsys, program):
    code, out, _ = jitdump(capsys, program, "Point::.ctor", "--no-ir", "--no-opt-ir")
    assert code == 0
    assert out.startswith("jitdump of Shapes.Point::.ctor(int, int)")


@pytest.mark.parametrize("method, message", [
    ("Nothing", "no method 'Nothing' in "),
    ("Shapes.Nowhere::Main", "no type 'Shapes.Nowhere' in "),
    ("Pick", "'Pick' names 2 methods in "),
    ("Pick(string)", "no overload Pick(string) in "),
    ("Shape::Area", "Shapes.Shape::Area() is abstract: it has no code"),
    ("Native", "Shapes.Program::Native(int) has no IL to compile: it is an internal call"),
])
def test_bad_method_names_are_one_clear_error(capsys, program, method, message):
    code, out, err = jitdump(capsys, program, method)
    assert code == 1
    assert out == ""
    assert err.startswith("clrpy: error: ") and message in err
    assert "Traceback" not in err


def test_ambiguous_name_lists_the_candidates(capsys, program):
    code, _, err = jitdump(capsys, program, "Pick")
    assert code == 1
    assert "  Shapes.Program::Pick(int, long)\n" in err and "  Shapes.Program::Pick(int)\n" in err


def test_not_a_managed_file(capsys, tmp_path):
    path = tmp_path / "native.exe"
    path.write_bytes(b"MZ" + b"\0" * 200)
    code, _, err = jitdump(capsys, path, "Main")
    assert code == 1 and err.startswith("clrpy: error: ") and "Traceback" not in err


def test_class_library_method(capsys, mono_lib):
    code, out, _ = jitdump(capsys, mono_lib / "mscorlib.dll", "System.Math::Max(int,int)", "--no-ir", "--no-opt-ir")
    assert code == 0
    assert out.startswith("jitdump of System.Math::Max(int, int)")
    assert "runtime calls: none" in section(out, "summary")


# -- the listing reader -----------------------------------------------------------------------------------
def test_register_model_follows_cells_and_forgets_on_writes():
    regs = _Registers()
    for text in ['movq\t"cell:a.02000002::06000001"@GOTPCREL(%rip), %rax', "movq\t%rbx, %rdi", "movl\t$4, %edi"]:
        regs.execute(*_split_instruction(text))
    assert regs.get("%rax") == ("addr", "cell:a.02000002::06000001")
    assert regs.get("%eax") == ("addr", "cell:a.02000002::06000001")
    assert regs.get("%edi") == ("imm", 4)
    regs.execute(*_split_instruction("movq\t(%rax), %rcx"))
    assert regs.get("%rcx") == ("value", "cell:a.02000002::06000001")
    regs.execute(*_split_instruction("leal\t1(%rdi), %eax"))
    assert regs.get("%rax") is None
    regs.execute(*_split_instruction("callq\tclrpy_alloc_slow@PLT"))
    assert regs.get("%rcx") is None and regs.get("%rdi") is None
    # The large code model names symbols by immediate addresses; constants stay constants.
    regs.execute(*_split_instruction('movabsq\t$"cell:a.02000002::06000002", %rbx'))
    regs.execute(*_split_instruction("movabsq\t$-8, %rsi"))
    assert regs.get("%rbx") == ("addr", "cell:a.02000002::06000002")
    assert regs.get("%rsi") == ("imm", -8)


def test_symbols_in_instructions():
    assert _symbols_in('movq\t"type:a.02000002"@GOTPCREL(%rip), %rdi') == ["type:a.02000002"]
    assert "clrpy_alloc_ptr" in _symbols_in("movq\tclrpy_alloc_ptr@GOTPCREL(%rip), %rax")
    assert _symbols_in('movabsq\t$"type:a.02000002", %rdi') == ["type:a.02000002"]
    assert _split_instruction('movq\t"x,y"@GOTPCREL(%rip), %rax') == ("movq", ['"x,y"@GOTPCREL(%rip)', "%rax"])
