"""Tests of `clrpy info`: versions, where the class libraries come from, probing paths, mscorlib."""
import os
import platform
import subprocess
import sys
from pathlib import Path

import pytest

import clrpy
from clrpy.cli.main import main

REPO = Path(__file__).resolve().parent.parent
MSCORLIB_IDENTITY = "mscorlib, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089"


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch):
    monkeypatch.delenv("CLRPY_FRAMEWORK_DIR", raising=False)
    monkeypatch.delenv("CLRPY_PROBE_PATH", raising=False)


@pytest.fixture
def framework_copy(tmp_path, mono_lib):
    """A class-library directory of our own: links to Mono's mscorlib.dll and Facades/."""
    directory = tmp_path / "framework"
    directory.mkdir()
    os.symlink(mono_lib / "mscorlib.dll", directory / "mscorlib.dll")
    os.symlink(mono_lib / "Facades", directory / "Facades")
    return directory


def run_info(capsys, *args):
    code = main(["info", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_info_as_a_command(mono_lib):
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLRPY_")}
    p = subprocess.run([sys.executable, "-m", "clrpy", "info"], capture_output=True, text=True, cwd=REPO, env=env)
    assert p.returncode == 0, p.stderr
    lines = p.stdout.splitlines()
    assert lines[0] == f"clrpy {clrpy.__version__}"
    assert lines[1].startswith(f"Python {platform.python_version()} ")
    assert lines[2].startswith("llvmlite ")
    assert f"class libraries: {mono_lib} (default: " in p.stdout
    assert f"facades: {mono_lib / 'Facades'}" in lines
    assert "probing paths: none" in lines
    assert f"mscorlib: {MSCORLIB_IDENTITY}" in lines
    assert "  runtime version: v4.0.30319" in lines
    assert p.stderr == ""


def test_info_in_process_reports_versions(capsys):
    code, out, _ = run_info(capsys)
    assert code == 0
    import llvmlite
    assert f"llvmlite {llvmlite.__version__} (LLVM " in out
    assert f"mscorlib: {MSCORLIB_IDENTITY}" in out


def test_llvmlite_missing_is_reported(capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "llvmlite", None)          # makes `import llvmlite` fail
    code, out, _ = run_info(capsys)
    assert code == 0
    assert "llvmlite not installed" in out.splitlines()


def test_framework_directory_from_environment_variable(capsys, monkeypatch, framework_copy):
    monkeypatch.setenv("CLRPY_FRAMEWORK_DIR", str(framework_copy))
    code, out, _ = run_info(capsys)
    assert code == 0
    assert f"class libraries: {framework_copy} (environment variable CLRPY_FRAMEWORK_DIR)" in out
    assert f"facades: {framework_copy / 'Facades'}" in out
    assert f"  file: {framework_copy / 'mscorlib.dll'}" in out


def test_framework_directory_option_beats_environment(capsys, monkeypatch, framework_copy, mono_lib):
    monkeypatch.setenv("CLRPY_FRAMEWORK_DIR", str(mono_lib))
    code, out, _ = run_info(capsys, "--framework-dir", str(framework_copy))
    assert code == 0
    assert f"class libraries: {framework_copy} (--framework-dir option)" in out
    assert f"  file: {framework_copy / 'mscorlib.dll'}" in out


def test_framework_directory_without_mscorlib_fails_after_printing(capsys, tmp_path):
    code, out, err = run_info(capsys, "--framework-dir", str(tmp_path))
    assert code == 1
    assert f"class libraries: {tmp_path} (--framework-dir option)" in out
    assert "facades: none" in out
    assert err.startswith("clrpy: error: could not load assembly 'mscorlib'")
    assert "has no mscorlib.dll" in err and str(tmp_path) in err


def test_missing_framework_directory_from_environment(capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("CLRPY_FRAMEWORK_DIR", str(tmp_path / "gone"))
    code, out, err = run_info(capsys)
    assert code == 1
    assert f"{tmp_path / 'gone'} (environment variable CLRPY_FRAMEWORK_DIR) -- does not exist" in out
    assert "does not exist" in err and "Traceback" not in err


def test_nonexistent_option_directory_is_a_usage_error(capsys, tmp_path):
    with pytest.raises(SystemExit) as e:
        main(["info", "--framework-dir", str(tmp_path / "gone")])
    assert e.value.code == 2
    assert "is not a directory" in capsys.readouterr().err


def test_probing_paths_and_search_order(capsys, monkeypatch, tmp_path, mono_lib):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "app").mkdir()
    monkeypatch.setenv("CLRPY_PROBE_PATH", str(tmp_path / "b"))
    code, out, _ = run_info(capsys, "--probe", str(tmp_path / "a"), str(tmp_path / "app" / "prog.exe"))
    assert code == 0
    lines = out.splitlines()
    probes = lines[lines.index("probing paths:") + 1:lines.index("search order:")]
    assert probes == [f"  {tmp_path / 'a'} (--probe option)",
                      f"  {tmp_path / 'b'} (environment variable CLRPY_PROBE_PATH)"]
    order = lines[lines.index("search order:") + 1:lines.index(f"mscorlib: {MSCORLIB_IDENTITY}")]
    assert [line.split()[1] for line in order] == [str(tmp_path / "app"), str(mono_lib), str(mono_lib / "Facades"),
                                                   str(tmp_path / "a"), str(tmp_path / "b")]
