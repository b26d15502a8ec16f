"""Tests of the assembly binder: probing, version policy, type forwarding and TypeRef resolution.

Programs and libraries are compiled with mcs or assembled with ilasm (cached by conftest.py) and
copied into per-test directories, so each test builds the application directory it needs. mcs names
an assembly after its output file ("prog"), so where a test needs two assemblies with different
names, one of them is written in IL, where `.assembly NAME` sets the name.
"""
import argparse
import os
import shutil
import subprocess

import pytest

from clrpy.binder import AssemblyBinder, locate_framework
from clrpy.cli.options import add_binding_arguments, binder_from_args
from clrpy.errors import AssemblyResolutionError, TypeResolutionError
from clrpy.metadata.identity import AssemblyName
from clrpy.metadata.module import Module
from clrpy.metadata.schema import TableId as T
from conftest import CACHE, assemble_il, compile_cs

ECMA_TOKEN = "b77a5c561934e089"
MSCORLIB_2 = ".assembly extern mscorlib { .publickeytoken = (B7 7A 5C 56 19 34 E0 89) .ver 2:0:0:0 }"


@pytest.fixture
def binder(mono_lib):
    """A binder on Mono's class libraries, isolated from the user's environment."""
    return AssemblyBinder(framework_dir=mono_lib, environ={})


def copy_as(source, directory, name):
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / name
    shutil.copy(source, target)
    return target


def resolve_all_typerefs(binder, module):
    """Resolve every TypeRef of `module`; return {display name: (Module, TypeDef rid)}."""
    return {module.typeref_name(rid): binder.resolve_typeref(module, rid)
            for rid in range(1, module.tables[T.TypeRef].num_rows + 1)}


def ref_named(module, name):
    for rid in range(1, module.tables[T.AssemblyRef].num_rows + 1):
        if module.assembly_ref(rid).name == name:
            return rid
    raise AssertionError(f"{module} has no reference to {name}")


# -- the class libraries ------------------------------------------------------------------------------

USES_FRAMEWORK = """
using System;
using System.Linq;
public static class Program {
    public static int Main() {
        var uri = new Uri("http://example.org/a");
        int[] xs = { 3, 1, 2 };
        return xs.OrderBy(x => x).First() + uri.Segments.Length;
    }
}
"""


def test_binds_mscorlib_system_and_system_core_by_reference(binder):
    app = binder.load_file(compile_cs(USES_FRAMEWORK, "-r:System.Core"))
    for name in ("mscorlib", "System", "System.Core"):
        target = binder.resolve_assembly_ref(app, ref_named(app, name))
        identity = target.assembly_name
        assert identity.name == name
        assert identity.version == (4, 0, 0, 0)
        assert identity.token_text == ECMA_TOKEN
        assert os.path.dirname(os.path.abspath(target.path)) == str(binder.framework_dir)
    assert binder.resolve_assembly_ref(app, ref_named(app, "mscorlib")) is binder.corlib
    types = resolve_all_typerefs(binder, app)
    module, rid = types["System.Linq.Enumerable"]
    assert module.assembly_name.name == "System.Core" and module.typedef_name(rid) == "System.Linq.Enumerable"
    module, rid = types["System.Uri"]
    assert module.assembly_name.name == "System" and module.typedef_name(rid) == "System.Uri"


def test_binding_opens_only_what_it_needs(binder):
    binder.bind(AssemblyName.parse(f"System, Version=4.0.0.0, Culture=neutral, PublicKeyToken={ECMA_TOKEN}"))
    names = sorted(m.assembly_name.name for m in binder.loaded_assemblies())
    assert names == ["System"]


def test_modules_are_cached_by_real_path(binder, mono_lib, tmp_path):
    system = binder.load_file(mono_lib / "System.dll")
    assert binder.load_file(str(mono_lib / "System.dll")) is system
    os.symlink(os.path.realpath(mono_lib / "System.dll"), tmp_path / "Alias.dll")
    assert binder.load_file(tmp_path / "Alias.dll") is system
    assert binder.bind(system.assembly_name) is system
    assert binder.load_file(mono_lib / "mscorlib.dll") is binder.corlib


UNIFY_IL = MSCORLIB_2 + """
.assembly extern System { .publickeytoken = (B7 7A 5C 56 19 34 E0 89) .ver 2:0:0:0 }
.assembly extern System.Core { .publickeytoken = (B7 7A 5C 56 19 34 E0 89) .ver 3:5:0:0 }
.assembly OldProgram { .ver 1:0:0:0 }
.class public auto ansi Program extends [mscorlib]System.Object {
  .method public static int32 Main() cil managed {
    .entrypoint
    ldstr "http://example.org/"
    newobj instance void [System]System.Uri::.ctor(string)
    pop
    call class [mscorlib]System.Collections.Generic.IEnumerable`1<!!0>
         [System.Core]System.Linq.Enumerable::Empty<int32>()
    call int32 [System.Core]System.Linq.Enumerable::Count<int32>(class [mscorlib]System.Collections.Generic.IEnumerable`1<!!0>)
    ret
  }
}
"""


def test_references_to_older_framework_versions_are_unified(binder):
    app = binder.load_file(assemble_il(UNIFY_IL))
    assert app.assembly_ref(ref_named(app, "mscorlib")).version == (2, 0, 0, 0)
    assert app.assembly_ref(ref_named(app, "System.Core")).version == (3, 5, 0, 0)
    for name in ("mscorlib", "System", "System.Core"):
        bound = binder.resolve_assembly_ref(app, ref_named(app, name)).assembly_name
        assert (bound.name, bound.version) == (name, (4, 0, 0, 0))
    types = resolve_all_typerefs(binder, app)
    assert types["System.Object"] == (binder.corlib, binder.corlib.find_type("System", "Object"))
    assert types["System.Uri"][0].assembly_name.name == "System"


def test_a_newer_framework_version_than_installed_is_not_unified(binder, mono_lib):
    reference = AssemblyName.parse(f"System, Version=9.9.0.0, Culture=neutral, PublicKeyToken={ECMA_TOKEN}")
    with pytest.raises(AssemblyResolutionError) as e:
        binder.bind(reference)
    message = str(e.value)
    assert "System, Version=9.9.0.0" in message
    assert "its version is 4.0.0.0, not 9.9.0.0" in message
    assert str(mono_lib) in message


RETARGETABLE_IL = """
.assembly extern retargetable System.Runtime { .publickeytoken = (7C EC 85 D7 BE A7 79 8E) .ver 2:0:5:0 }
.assembly Portable { }
.class public auto ansi Thing extends [System.Runtime]System.Object { }
"""


def test_retargetable_portable_reference_binds_to_the_installed_facade(binder, mono_lib):
    lib = binder.load_file(assemble_il(RETARGETABLE_IL, library=True))
    facade = binder.resolve_assembly_ref(lib, ref_named(lib, "System.Runtime"))
    assert os.path.realpath(facade.path) == os.path.realpath(mono_lib / "Facades" / "System.Runtime.dll")
    module, rid = resolve_all_typerefs(binder, lib)["System.Object"]
    assert module is binder.corlib


# -- user libraries ---------------------------------------------------------------------------------

def greeter_il(version: str) -> str:
    major, minor = version.split(".")[:2]
    return MSCORLIB_2 + f"""
.assembly Greeter {{ .ver {major}:{minor}:0:0 }}
.class public auto ansi Greeter.Hello extends [mscorlib]System.Object {{
  .method public static string Text() cil managed {{ ldstr "hello {version}" ret }}
  .class nested public auto ansi Inner extends [mscorlib]System.Object {{ }}
}}
"""


GREETER_APP = """
public static class Program {
    public static int Main() {
        System.Console.WriteLine(Greeter.Hello.Text());
        return typeof(Greeter.Hello.Inner).Name.Length;
    }
}
"""


@pytest.fixture
def greeter_app(tmp_path):
    """An app (prog.exe) and the library it was compiled against (Greeter.dll 1.0) in one directory."""
    lib = assemble_il(greeter_il("1.0"), library=True)
    app = compile_cs(GREETER_APP, f"-r:{lib}")
    app_dir = tmp_path / "app"
    copy_as(lib, app_dir, "Greeter.dll")
    return copy_as(app, app_dir, "prog.exe")


def test_user_library_in_the_application_directory(greeter_app, mono_lib):
    binder = AssemblyBinder(app_dir=greeter_app.parent, framework_dir=mono_lib, environ={})
    app = binder.load_file(greeter_app)
    lib = binder.resolve_assembly_ref(app, ref_named(app, "Greeter"))
    assert lib.path == greeter_app.parent / "Greeter.dll"
    types = resolve_all_typerefs(binder, app)
    module, rid = types["Greeter.Hello/Inner"]
    assert module is lib and lib.typedef_name(rid) == "Greeter.Hello/Inner"


def test_library_without_strong_name_binds_whatever_its_version(greeter_app, mono_lib):
    copy_as(assemble_il(greeter_il("2.5"), library=True), greeter_app.parent, "Greeter.dll")
    binder = AssemblyBinder(app_dir=greeter_app.parent, framework_dir=mono_lib, environ={})
    app = binder.load_file(greeter_app)
    assert app.assembly_ref(ref_named(app, "Greeter")).version == (1, 0, 0, 0)
    lib = binder.resolve_assembly_ref(app, ref_named(app, "Greeter"))
    assert lib.assembly_name.version == (2, 5, 0, 0)


def test_missing_library_names_it_and_the_places_searched(greeter_app, mono_lib):
    (greeter_app.parent / "Greeter.dll").unlink()
    binder = AssemblyBinder(app_dir=greeter_app.parent, framework_dir=mono_lib, environ={})
    app = binder.load_file(greeter_app)
    with pytest.raises(AssemblyResolutionError) as e:
        binder.resolve_assembly_ref(app, ref_named(app, "Greeter"))
    message = str(e.value)
    assert "Greeter, Version=1.0.0.0, Culture=neutral, PublicKeyToken=null" in message
    assert "Greeter.dll or Greeter.exe" in message
    for place in (greeter_app.parent, mono_lib, mono_lib / "Facades"):
        assert str(place) in e.value.searched


# -- strong names -----------------------------------------------------------------------------------

def strong_name_key():
    """A key pair made once with `sn -k` and kept with the build cache (so builds stay cached)."""
    key = CACHE / "test-binder-key.snk"
    if not key.exists():
        CACHE.mkdir(exist_ok=True)
        partial = CACHE / f"test-binder-key.{os.getpid()}.tmp"
        subprocess.run(["sn", "-q", "-k", str(partial)], check=True, capture_output=True)
        os.replace(partial, key)
    return key


def strong_library(version: str):
    source = f"""
[assembly: System.Reflection.AssemblyVersion("{version}")]
namespace Signed {{ public class Tool {{ public static int Version() {{ return {version.split('.')[0]}; }} }} }}
"""
    return compile_cs(source, f"-keyfile:{strong_name_key()}", library=True)


def strong_app_il(token: bytes, version: str) -> str:
    """An IL program referencing the mcs-built library ("prog") by strong name."""
    token_bytes = " ".join(f"{b:02X}" for b in token)
    return MSCORLIB_2 + f"""
.assembly extern prog {{ .publickeytoken = ({token_bytes}) .ver {version.replace('.', ':')} }}
.assembly StrongApp {{ }}
.class public auto ansi Program extends [mscorlib]System.Object {{
  .method public static int32 Main() cil managed {{
    .entrypoint
    call int32 [prog]Signed.Tool::Version()
    ret
  }}
}}
"""


@pytest.fixture
def strong_setup(tmp_path):
    """App dir with StrongApp.exe (wants prog 1.0.0.0, signed) and prog.dll 2.0.0.0 (same key)."""
    v1, v2 = strong_library("1.0.0.0"), strong_library("2.0.0.0")
    binder = AssemblyBinder(environ={})
    token = binder.load_file(v1).assembly_name.public_key_token
    assert len(token) == 8
    app_dir = tmp_path / "app"
    app = copy_as(assemble_il(strong_app_il(token, "1.0.0.0")), app_dir, "StrongApp.exe")
    copy_as(v2, app_dir, "prog.dll")
    return app, v1, token


def test_strong_named_version_mismatch_fails_naming_version_and_places(strong_setup, mono_lib, tmp_path):
    app_path, _, token = strong_setup
    binder = AssemblyBinder(app_dir=app_path.parent, framework_dir=mono_lib, probe_paths=[tmp_path / "empty"],
                            environ={})
    app = binder.load_file(app_path)
    with pytest.raises(AssemblyResolutionError) as e:
        binder.resolve_assembly_ref(app, ref_named(app, "prog"))
    message = str(e.value)
    assert f"prog, Version=1.0.0.0, Culture=neutral, PublicKeyToken={token.hex()}" in message
    assert f"{app_path.parent / 'prog.dll'} does not match (its version is 2.0.0.0, not 1.0.0.0)" in message
    assert e.value.searched == [str(app_path.parent), str(mono_lib), str(mono_lib / "Facades"),
                                str(tmp_path / "empty")]


def test_strong_named_library_binds_exactly_from_a_later_directory(strong_setup, mono_lib, tmp_path):
    app_path, v1, _ = strong_setup
    copy_as(v1, tmp_path / "libs", "prog.dll")
    binder = AssemblyBinder(app_dir=app_path.parent, framework_dir=mono_lib, probe_paths=[tmp_path / "libs"],
                            environ={})
    app = binder.load_file(app_path)
    lib = binder.resolve_assembly_ref(app, ref_named(app, "prog"))
    assert lib.path == tmp_path / "libs" / "prog.dll"        # the 2.0.0.0 in the app dir was passed over
    assert lib.assembly_name.version == (1, 0, 0, 0)
    module, rid = resolve_all_typerefs(binder, app)["Signed.Tool"]
    assert module is lib and lib.typedef_name(rid) == "Signed.Tool"


def test_strong_named_token_must_match(strong_setup, mono_lib):
    app_path, _, token = strong_setup
    other = AssemblyName("prog", (2, 0, 0, 0), "", bytes(8))
    binder = AssemblyBinder(app_dir=app_path.parent, framework_dir=mono_lib, environ={})
    with pytest.raises(AssemblyResolutionError, match=f"its public key token is {token.hex()}, not 0000000000000000"):
        binder.bind(other)


# -- probing paths and cultures -----------------------------------------------------------------------

@pytest.fixture
def app_and_separate_lib(greeter_app, tmp_path):
    """The Greeter app with its library moved out of the app directory into tmp/libs."""
    libs = tmp_path / "libs"
    libs.mkdir()
    shutil.move(greeter_app.parent / "Greeter.dll", libs / "Greeter.dll")
    return greeter_app, libs


def test_probe_option_adds_a_directory(app_and_separate_lib, mono_lib):
    app_path, libs = app_and_separate_lib
    parser = argparse.ArgumentParser()
    add_binding_arguments(parser)
    args = parser.parse_args(["--framework-dir", str(mono_lib), "--probe", str(libs)])
    binder = binder_from_args(args, app_path=app_path)
    assert [p.directory for p in binder.search_paths()] == [app_path.parent, mono_lib, mono_lib / "Facades", libs]
    app = binder.load_file(app_path)
    assert binder.resolve_assembly_ref(app, ref_named(app, "Greeter")).path == libs / "Greeter.dll"


def test_probe_path_environment_variable(app_and_separate_lib, mono_lib, tmp_path):
    app_path, libs = app_and_separate_lib
    environ = {"CLRPY_PROBE_PATH": os.pathsep.join([str(tmp_path / "nowhere"), "", str(libs)])}
    binder = AssemblyBinder(app_dir=app_path.parent, framework_dir=mono_lib, environ=environ)
    assert [p.origin for p in binder.probe_paths] == ["environment variable CLRPY_PROBE_PATH"] * 2
    app = binder.load_file(app_path)
    assert binder.resolve_assembly_ref(app, ref_named(app, "Greeter")).path == libs / "Greeter.dll"


def test_without_probing_the_library_is_not_found(app_and_separate_lib, mono_lib):
    app_path, _ = app_and_separate_lib
    binder = AssemblyBinder(app_dir=app_path.parent, framework_dir=mono_lib, environ={})
    app = binder.load_file(app_path)
    with pytest.raises(AssemblyResolutionError, match="could not load assembly 'Greeter, Version=1.0.0.0"):
        binder.resolve_assembly_ref(app, ref_named(app, "Greeter"))


def test_binding_options_reject_missing_directories(tmp_path, capsys):
    parser = argparse.ArgumentParser(prog="clrpy")
    add_binding_arguments(parser)
    with pytest.raises(SystemExit) as e:
        parser.parse_args(["--probe", str(tmp_path / "missing")])
    assert e.value.code == 2
    assert f"{tmp_path / 'missing'} is not a directory" in capsys.readouterr().err


SATELLITE_IL = """
.assembly Greeter.resources { .ver 1:0:0:0 .locale "fr-FR" }
"""


def test_culture_specific_assembly_is_found_in_its_culture_subdirectory(tmp_path, mono_lib):
    copy_as(assemble_il(SATELLITE_IL, library=True), tmp_path / "fr-FR", "Greeter.resources.dll")
    binder = AssemblyBinder(app_dir=tmp_path, framework_dir=mono_lib, environ={})
    found = binder.bind(AssemblyName("Greeter.resources", (1, 0, 0, 0), "fr-FR"))
    assert found.path == tmp_path / "fr-FR" / "Greeter.resources.dll"
    with pytest.raises(AssemblyResolutionError, match="in a de-DE subdirectory"):
        binder.bind(AssemblyName("Greeter.resources", (1, 0, 0, 0), "de-DE"))


# -- the class-library directory ----------------------------------------------------------------------

def test_framework_directory_from_environment_and_explicit_override(tmp_path, mono_lib):
    assert locate_framework(environ={}).directory is not None
    by_env = AssemblyBinder(environ={"CLRPY_FRAMEWORK_DIR": str(mono_lib)})
    assert by_env.framework_dir == mono_lib and "CLRPY_FRAMEWORK_DIR" in by_env.framework.origin
    explicit = AssemblyBinder(framework_dir=tmp_path, environ={"CLRPY_FRAMEWORK_DIR": str(mono_lib)})
    assert explicit.framework_dir == tmp_path
    with pytest.raises(AssemblyResolutionError, match="has no mscorlib.dll"):
        explicit.corlib


def test_missing_framework_directory_is_explained(tmp_path):
    binder = AssemblyBinder(environ={"CLRPY_FRAMEWORK_DIR": str(tmp_path / "gone")})
    with pytest.raises(AssemblyResolutionError) as e:
        binder.bind(AssemblyName.parse(f"System, Version=4.0.0.0, Culture=neutral, PublicKeyToken={ECMA_TOKEN}"))
    assert f"{tmp_path / 'gone'} (from the environment variable CLRPY_FRAMEWORK_DIR) does not exist" in str(e.value)


# -- type forwarding ---------------------------------------------------------------------------------

def test_facade_forwards_system_object_to_mscorlib(binder, mono_lib):
    facade = binder.load_file(mono_lib / "Facades" / "System.Runtime.dll")
    assert facade.find_type("System", "Object") == 0          # not defined there: forwarded
    module, rid = binder.find_type(facade, "System", "Object")
    assert module is binder.corlib and module.typedef_name(rid) == "System.Object"


@pytest.mark.parametrize("facade_name", ["System.Runtime", "netstandard", "System.Threading.Tasks"])
def test_every_forwarder_of_a_facade_resolves(binder, mono_lib, facade_name):
    facade = binder.load_file(mono_lib / "Facades" / f"{facade_name}.dll")
    exported = facade.tables[T.ExportedType]
    assert exported.num_rows > 0
    nested = 0
    for row in exported:
        module, rid = binder.resolve_exported_type(facade, row.rid)
        assert module.tables[T.TypeDef][rid].type_name == row.type_name
        if row.implementation.table == T.ExportedType:
            nested += 1
            outer_module, outer_rid = binder.resolve_exported_type(facade, row.implementation.rid)
            assert (outer_module, module.enclosing_type(rid)) == (module, outer_rid)
    assert nested > 0


FACADE_PROGRAM = """
using System;
using System.Collections.Generic;
public static class Program {
    public static int Main() {
        var list = new List<int> { 1, 2 };
        var e = new Dictionary<string, int>().GetEnumerator();
        Console.WriteLine(list.Count);
        return typeof(Environment.SpecialFolder).Name.Length + (e.MoveNext() ? 1 : 0);
    }
}
"""


def test_every_typeref_of_a_program_compiled_against_a_facade(binder, mono_lib):
    # mcs follows the facade's forwarders at compile time, so its TypeRefs name mscorlib directly;
    # FACADE_IL below keeps TypeRefs scoped to the facades, as compilers using reference assemblies do.
    app = binder.load_file(compile_cs(FACADE_PROGRAM, f"-r:{mono_lib / 'Facades' / 'System.Runtime.dll'}"))
    types = resolve_all_typerefs(binder, app)
    assert {module.assembly_name.name for module, _ in types.values()} == {"mscorlib"}
    module, rid = types["System.Environment/SpecialFolder"]
    assert module is binder.corlib and module.typedef_name(rid) == "System.Environment/SpecialFolder"


FACADE_IL = """
.assembly extern System.Runtime { .publickeytoken = (B0 3F 5F 7F 11 D5 0A 3A) .ver 4:0:0:0 }
.assembly extern System.Runtime.Extensions { .publickeytoken = (B0 3F 5F 7F 11 D5 0A 3A) .ver 4:0:0:0 }
.assembly extern System.Collections { .publickeytoken = (B0 3F 5F 7F 11 D5 0A 3A) .ver 4:0:0:0 }
.assembly extern netstandard { .publickeytoken = (CC 7B 13 FF CD 2D DD 51) .ver 2:0:0:0 }
.assembly FacadeUser { }
.class public auto ansi Program extends [System.Runtime]System.Object {
  .method public static int32 Main() cil managed {
    .entrypoint
    .locals init (valuetype [netstandard]System.Collections.Generic.Dictionary`2/Enumerator<string, int32> e,
                  valuetype [System.Runtime.Extensions]System.Environment/SpecialFolder f)
    newobj instance void class [System.Collections]System.Collections.Generic.List`1<int32>::.ctor()
    pop
    ldc.i4.0
    ret
  }
}
"""


def test_typerefs_scoped_to_facades_resolve_through_forwarders(binder, mono_lib):
    app = binder.load_file(assemble_il(FACADE_IL))
    facade = binder.resolve_assembly_ref(app, ref_named(app, "System.Runtime"))
    assert facade.assembly_name.version == (4, 1, 0, 0)          # 4.0.0.0 unified to the installed facade
    types = resolve_all_typerefs(binder, app)
    expected = {
        "System.Object": "mscorlib",
        "System.Environment/SpecialFolder": "mscorlib",
        "System.Collections.Generic.List`1": "mscorlib",
        "System.Collections.Generic.Dictionary`2/Enumerator": "mscorlib",
    }
    for name, assembly in expected.items():
        module, rid = types[name]
        assert (module.assembly_name.name, module.typedef_name(rid)) == (assembly, name)


@pytest.mark.parametrize("library", ["System.dll", "System.Core.dll", "System.Xml.dll"])
def test_every_typeref_of_a_class_library_resolves(binder, mono_lib, library):
    module = binder.load_file(mono_lib / library)
    types = resolve_all_typerefs(binder, module)
    assert len(types) > 100
    for name, (target, rid) in types.items():
        assert target.typedef_name(rid) == name


MISSING_TYPE_IL = MSCORLIB_2 + """
.assembly Broken { }
.class public auto ansi Program extends [mscorlib]System.NoSuchBase { }
.class public auto ansi Other extends [mscorlib]System.Environment/NoSuchNested { }
"""


def test_missing_type_names_the_type_and_the_assembly(binder):
    app = binder.load_file(assemble_il(MISSING_TYPE_IL, library=True))
    rids = {app.typeref_name(r): r for r in range(1, app.tables[T.TypeRef].num_rows + 1)}
    with pytest.raises(TypeResolutionError) as e:
        binder.resolve_typeref(app, rids["System.NoSuchBase"])
    assert "'System.NoSuchBase'" in str(e.value)
    assert "assembly 'mscorlib, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089'" in str(e.value)
    with pytest.raises(TypeResolutionError, match="'System.Environment/NoSuchNested'.*mscorlib"):
        binder.resolve_typeref(app, rids["System.Environment/NoSuchNested"])


def cycle_il(name: str, other: str) -> str:
    return f"""
.assembly extern {other} {{ .ver 0:0:0:0 }}
.assembly {name} {{ .ver 1:0:0:0 }}
.class extern forwarder Loop.T {{ .assembly extern {other} }}
"""


def test_a_forwarding_cycle_is_an_error(tmp_path, mono_lib):
    copy_as(assemble_il(cycle_il("CycleA", "CycleB"), library=True), tmp_path, "CycleA.dll")
    copy_as(assemble_il(cycle_il("CycleB", "CycleA"), library=True), tmp_path, "CycleB.dll")
    binder = AssemblyBinder(app_dir=tmp_path, framework_dir=mono_lib, environ={})
    a = binder.load_file(tmp_path / "CycleA.dll")
    with pytest.raises(TypeResolutionError, match=r"cycle: CycleA!Loop.T -> CycleB!Loop.T -> CycleA!Loop.T"):
        binder.find_type(a, "Loop", "T")


# -- multi-module assemblies ----------------------------------------------------------------------------

PART_CS = """
namespace Multi {
    public class FromModule {
        public class Inner { }
        public static int Answer() { return 42; }
    }
}
"""

MANIFEST_CS = """
namespace Multi {
    public class InManifest {
        public static int Call() { return FromModule.Answer() + (new FromModule.Inner() == null ? 1 : 0); }
    }
}
"""


@pytest.fixture
def multi_module(tmp_path):
    """Multi.dll (manifest) + its netmodule, side by side in tmp_path; returns (dir, netmodule file name)."""
    part = compile_cs(PART_CS, "-target:module")
    manifest = compile_cs(MANIFEST_CS, f"-addmodule:{part}", library=True)
    copy_as(manifest, tmp_path, "Multi.dll")
    copy_as(part, tmp_path, part.name)               # the File table names it as it was added
    return tmp_path, part.name


def test_types_exported_from_another_module_of_the_assembly(multi_module, mono_lib):
    directory, part_name = multi_module
    binder = AssemblyBinder(app_dir=directory, framework_dir=mono_lib, environ={})
    manifest = binder.load_file(directory / "Multi.dll")
    assert manifest.tables[T.File][1].name == part_name
    module, rid = binder.find_type(manifest, "Multi", "FromModule")
    assert module.path == directory / part_name and module.assembly_name is None
    types = resolve_all_typerefs(binder, manifest)                # mcs scopes them to the assembly itself
    assert types["Multi.FromModule/Inner"][0] is module
    for row in manifest.tables[T.ExportedType]:
        m, r = binder.resolve_exported_type(manifest, row.rid)
        assert m is module and m.tables[T.TypeDef][r].type_name == row.type_name


def test_module_opened_outside_the_binder_can_refer_to_its_own_assembly(multi_module, mono_lib):
    directory, part_name = multi_module
    manifest = Module.open(directory / "Multi.dll")                 # not through binder.load_file
    binder = AssemblyBinder(framework_dir=mono_lib, environ={})     # and no application directory
    rid = next(r for r in range(1, manifest.tables[T.TypeRef].num_rows + 1)
               if manifest.typeref_name(r) == "Multi.FromModule")
    module, typedef = binder.resolve_typeref(manifest, rid)           # scope: AssemblyRef "Multi" (itself)
    assert module.path == directory / part_name and module.typedef_name(typedef) == "Multi.FromModule"
    assert binder.load_file(directory / "Multi.dll") is manifest


def moduleref_il(part_name: str) -> str:
    return MSCORLIB_2 + f"""
.assembly ModRefUser {{ }}
.module extern '{part_name}'
.file '{part_name}'
.class public auto ansi Caller extends [mscorlib]System.Object {{
  .method public static int32 Call() cil managed {{
    call int32 [.module '{part_name}']Multi.FromModule::Answer()
    ret
  }}
}}
"""


def test_typeref_scoped_to_a_moduleref(multi_module, mono_lib):
    directory, part_name = multi_module
    copy_as(assemble_il(moduleref_il(part_name), library=True), directory, "ModRefUser.dll")
    binder = AssemblyBinder(framework_dir=mono_lib, environ={})
    user = binder.load_file(directory / "ModRefUser.dll")
    rid = next(r for r in range(1, user.tables[T.TypeRef].num_rows + 1)
               if user.tables[T.TypeRef][r].resolution_scope.table == T.ModuleRef)
    module, typedef = binder.resolve_typeref(user, rid)
    assert module.path == directory / part_name and module.typedef_name(typedef) == "Multi.FromModule"
    (directory / part_name).unlink()
    fresh = AssemblyBinder(framework_dir=mono_lib, environ={})
    with pytest.raises(AssemblyResolutionError, match=f"its module file {part_name} is missing"):
        fresh.resolve_typeref(fresh.load_file(directory / "ModRefUser.dll"), rid)
