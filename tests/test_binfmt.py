"""Tests of `clrpy binfmt`: the binfmt_misc rule that lets the kernel start managed programs with clrpy.

The rule must be well formed (seven fields, magic "MZ" at offset 0, an absolute path to an executable),
the interpreter it names must run a program given as the kernel gives it (`INTERPRETER PATH ARGS...`),
and --install / --uninstall must write to the register files when they can and fail with one clear
line when they cannot. A fake binfmt_misc directory ($CLRPY_BINFMT_DIR) stands in for the kernel's.
"""
import os
import subprocess
from pathlib import Path

import pytest

from clrpy.cli import binfmt_command
from clrpy.cli.binfmt_command import BINFMT_DIR_ENV, parse_registration, registration
from clrpy.cli.main import main
from conftest import compile_cs
from test_pe import minimal_native_pe

ARGS_PROGRAM = r"""
static class Program {
    static int Main(string[] args) {
        int n = args.Length * 10;
        foreach (string a in args) n += a.Length;
        return n;
    }
}
"""


@pytest.fixture
def fake_binfmt(tmp_path, monkeypatch):
    """A directory shaped like a mounted binfmt_misc: `register` and `status` files."""
    directory = tmp_path / "binfmt_misc"
    directory.mkdir()
    (directory / "register").write_text("")
    (directory / "status").write_text("enabled\n")
    monkeypatch.setenv(BINFMT_DIR_ENV, str(directory))
    return directory


@pytest.fixture
def no_binfmt(tmp_path, monkeypatch):
    monkeypatch.setenv(BINFMT_DIR_ENV, str(tmp_path / "not-mounted"))
    return tmp_path / "not-mounted"


def binfmt(capsys, *args):
    code = main(["binfmt", *args])
    out, err = capsys.readouterr()
    return code, out, err


def printed_rule(out: str) -> str:
    rules = [line for line in out.splitlines() if line and not line.startswith("#")]
    assert len(rules) == 1, out
    return rules[0]


def test_printed_rule_is_well_formed(capsys, fake_binfmt):
    code, out, err = binfmt(capsys)
    assert code == 0, err
    rule = printed_rule(out)
    fields = parse_registration(rule)
    assert fields["name"] == "clrpy"
    assert fields["type"] == "M"
    assert fields["offset"] == ""            # 0
    assert fields["magic"] == "MZ"
    assert fields["mask"] == ""
    assert fields["flags"] == ""
    interpreter = fields["interpreter"]
    assert os.path.isabs(interpreter)
    assert os.path.isfile(interpreter) and os.access(interpreter, os.X_OK)
    assert len(rule) < 1920                  # the kernel's limit on a registration string
    # Instructions, as comments (the output is a valid systemd binfmt.d file).
    assert "--install" in out and "not a managed module" in out and str(fake_binfmt / "register") in out


def test_rule_uses_another_delimiter_when_the_path_has_a_colon():
    rule = registration("clrpy", "/opt/odd:dir/clrpy")
    assert rule[0] != ":"
    assert parse_registration(rule)["interpreter"] == "/opt/odd:dir/clrpy"


def test_interpreter_runs_a_program_as_the_kernel_starts_it(capsys, fake_binfmt, mono_lib):
    """binfmt_misc runs `INTERPRETER /path/to/app.exe ARGS...`: the program's exit code comes back."""
    _, out, _ = binfmt(capsys)
    interpreter = parse_registration(printed_rule(out))["interpreter"]
    program = compile_cs(ARGS_PROGRAM)
    p = subprocess.run([interpreter, str(program), "abc", "--flag", "-x"], capture_output=True, text=True, timeout=120)
    assert p.returncode == 30 + 3 + 6 + 2, p.stderr


def test_native_pe_is_refused_as_not_managed(capsys, fake_binfmt, tmp_path):
    _, out, _ = binfmt(capsys)
    interpreter = parse_registration(printed_rule(out))["interpreter"]
    native = tmp_path / "native.exe"
    native.write_bytes(minimal_native_pe())
    p = subprocess.run([interpreter, str(native)], capture_output=True, text=True, timeout=120)
    assert p.returncode == 1
    assert "not a managed module" in p.stderr and "Traceback" not in p.stderr


def test_install_writes_the_rule_to_register(capsys, fake_binfmt):
    code, out, err = binfmt(capsys, "--install")
    assert code == 0, err
    written = (fake_binfmt / "register").read_text()
    fields = parse_registration(written.strip())
    assert fields["magic"] == "MZ" and fields["name"] == "clrpy"
    assert "registered binfmt_misc entry 'clrpy'" in out


def test_install_with_another_name_and_interpreter(capsys, fake_binfmt, tmp_path):
    launcher = tmp_path / "launcher"
    launcher.write_text("#!/bin/sh\nexec clrpy run \"$@\"\n")
    launcher.chmod(0o755)
    code, _, err = binfmt(capsys, "--install", "--name", "managed", "--interpreter", str(launcher))
    assert code == 0, err
    assert (fake_binfmt / "register").read_text() == f":managed:M::MZ::{launcher}:\n"


def test_install_when_already_registered(capsys, fake_binfmt):
    _, out, _ = binfmt(capsys)
    interpreter = parse_registration(printed_rule(out))["interpreter"]
    (fake_binfmt / "clrpy").write_text(f"enabled\ninterpreter {interpreter}\nflags: \noffset 0\nmagic 4d5a\n")
    code, out, _ = binfmt(capsys, "--install")
    assert code == 0 and "already registered" in out
    assert (fake_binfmt / "register").read_text() == ""
    (fake_binfmt / "clrpy").write_text("enabled\ninterpreter /usr/bin/other\nflags: \noffset 0\nmagic 4d5a\n")
    code, _, err = binfmt(capsys, "--install")
    assert code == 1 and "already registered, with interpreter /usr/bin/other" in err


def test_install_without_permission_is_a_clear_error(capsys, fake_binfmt, monkeypatch):
    register = fake_binfmt / "register"
    if os.geteuid() == 0:
        # root writes through file modes: make the write itself fail as the kernel's file would.
        real_open = open

        def refusing_open(path, *args, **kwargs):
            if Path(path) == register and args and "w" in args[0]:
                raise PermissionError(13, "Permission denied", str(path))
            return real_open(path, *args, **kwargs)
        monkeypatch.setattr(binfmt_command, "open", refusing_open, raising=False)
    else:
        register.chmod(0o444)
    code, out, err = binfmt(capsys, "--install")
    assert code == 1
    assert err.startswith("clrpy: error: cannot register the 'clrpy' rule: permission denied writing ")
    assert "needs root" in err and err.count("\n") == 1 and "Traceback" not in err


def test_install_where_the_kernel_rejects_the_rule(capsys, fake_binfmt, monkeypatch):
    def invalid(path, *args, **kwargs):
        raise OSError(22, "Invalid argument", str(path))
    monkeypatch.setattr(binfmt_command, "open", invalid, raising=False)
    code, _, err = binfmt(capsys, "--install")
    assert code == 1 and "the kernel rejected the rule as invalid" in err


def test_install_without_binfmt_misc_mounted(capsys, no_binfmt):
    code, out, err = binfmt(capsys, "--install")
    assert code == 1 and out == ""
    assert err.startswith("clrpy: error: binfmt_misc is not available at ")
    assert "mount -t binfmt_misc" in err and err.count("\n") == 1


@pytest.mark.skipif(Path("/proc/sys/fs/binfmt_misc/register").exists(),
                    reason="binfmt_misc is mounted here: the real --install could succeed")
def test_install_on_this_machine_explains_what_is_needed(capsys, monkeypatch):
    monkeypatch.delenv(BINFMT_DIR_ENV, raising=False)
    code, _, err = binfmt(capsys, "--install")
    assert code == 1 and "binfmt_misc is not available at /proc/sys/fs/binfmt_misc" in err


def test_uninstall(capsys, fake_binfmt):
    code, out, _ = binfmt(capsys, "--uninstall")
    assert code == 0 and "nothing to remove" in out
    entry = fake_binfmt / "clrpy"
    entry.write_text("enabled\ninterpreter /x\nflags: \noffset 0\nmagic 4d5a\n")
    code, out, _ = binfmt(capsys, "--uninstall")
    assert code == 0 and "removed" in out
    assert entry.read_text() == "-1\n"       # what the kernel takes as "remove this entry"


def test_other_mz_entries_are_reported(capsys, fake_binfmt):
    (fake_binfmt / "cli").write_text("enabled\ninterpreter /usr/bin/cli\nflags: \noffset 0\nmagic 4d5a\n")
    (fake_binfmt / "python3.11").write_text("enabled\ninterpreter /usr/bin/python3.11\nflags: \noffset 0\nmagic a70d0d0a\n")
    code, out, _ = binfmt(capsys)
    assert code == 0
    assert f"Entry 'cli' (registered in {fake_binfmt}) also claims 'MZ' files, with /usr/bin/cli." in out
    assert "python3.11" not in out


def test_bad_interpreter_and_name(capsys, fake_binfmt, tmp_path):
    code, _, err = binfmt(capsys, "--interpreter", str(tmp_path / "missing"))
    assert code == 1 and "is not an executable file" in err
    code, _, err = binfmt(capsys, "--name", "register")
    assert code == 1 and "cannot name a binfmt_misc entry" in err
