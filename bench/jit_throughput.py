"""JIT throughput: IL bytes and methods compiled per second, on a generated program with thousands of methods.

`.venv/bin/python bench/jit_throughput.py [--methods N] [--seed S] [--repeat R]` writes a C# program of N
(default 2000) distinct small static methods with bench/gen_methods.py (no class library; each method
runs once; the result is the exit code), compiles it with `mcs -optimize+`, and runs it

* under `clrpy run --trace=jit`, parsing the trace (one line per compiled method with its IL size,
  native size and compile time) for the methods compiled, the IL bytes compiled and the time spent
  compiling (the sum of the per-method times: importing the IL, LLVM's optimisation and code
  generation, linking);
* under `mono` (its JIT) and `mono --interpreter`, for comparison, checking that all three exit codes
  agree;
* and, for each, an empty program, to show the fixed start-up cost apart from the work.

With --breakdown it also compiles every method in its own process, timing the importer (IL to LLVM IR
text), LLVM's IR parser, its optimisation pipeline and its code generator separately.

Each run is a fresh process; with --repeat R the median wall time of R runs is reported. It prints a
table and exits 0, or 1 if the exit codes disagree or a run fails. Speed is measured here, not asserted.
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from gen_methods import generate  # noqa: E402

TRACE_LINE = re.compile(r"^\[jit\] (?P<sig>.*): IL (?P<il>\d+) bytes, native (?P<native>\d+) bytes, (?:tier (?P<tier>\d+), )?(?P<ms>[\d.]+) ms$")
EMPTY_PROGRAM = "static class Empty { static int Main() { return 0; } }\n"


def compile_cs(source: str, out: Path):
    src = out.with_suffix(".cs")
    src.write_text(source)
    p = subprocess.run(["mcs", "-optimize+", "-nowarn:0162,0219", f"-out:{out}", str(src)], capture_output=True, text=True)
    if p.returncode != 0:
        raise SystemExit(f"mcs failed:\n{p.stdout}{p.stderr}")


def timed(cmd, env=None):
    """(wall seconds, exit code, stderr) of one run."""
    start = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True, env=env)
    return time.perf_counter() - start, p.returncode, p.stderr


def measure(cmd, repeat: int, env=None):
    """The run with the median wall time of `repeat` runs: (wall seconds, exit code, stderr). All runs
    must exit with the same code."""
    runs = [timed(cmd, env) for _ in range(repeat)]
    codes = {code for _, code, _ in runs}
    if len(codes) != 1:
        raise SystemExit(f"{' '.join(map(str, cmd))}: exit codes differ between runs: {sorted(codes)}")
    return sorted(runs, key=lambda r: r[0])[(len(runs) - 1) // 2]


def parse_trace(text: str):
    """[(signature, IL bytes, native bytes, ms)] from `--trace=jit` output."""
    rows = []
    for line in text.splitlines():
        m = TRACE_LINE.match(line)
        if m:
            rows.append((m["sig"], int(m["il"]), int(m["native"]), float(m["ms"])))
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--methods", type=int, default=2000, help="methods in the generated program (default 2000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=1, help="runs per measurement; the median is shown")
    parser.add_argument("--keep", metavar="DIR", help="write the program to DIR and keep it")
    parser.add_argument("--no-mono", action="store_true", help="do not run mono")
    parser.add_argument("--breakdown", action="store_true",
                        help="also split the JIT's time into its phases, compiling every method in this process")
    args = parser.parse_args()

    workdir = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="clrpy-jit-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        return run(args, workdir)
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)


def run(args, workdir: Path) -> int:
    program, empty = workdir / "generated.exe", workdir / "empty.exe"
    t0 = time.perf_counter()
    compile_cs(generate(args.methods, args.seed), program)
    mcs_seconds = time.perf_counter() - t0
    compile_cs(EMPTY_PROGRAM, empty)

    env = {k: v for k, v in os.environ.items() if k != "CLRPY_TRACE"}
    clrpy = [sys.executable, "-m", "clrpy", "run", "--trace=jit"]
    results = {}
    wall, code, err = measure(clrpy + [str(program)], args.repeat, env)
    rows = parse_trace(err)
    if not rows:
        raise SystemExit(f"clrpy produced no JIT trace (exit code {code}):\n{err[-2000:]}")
    results["clrpy"] = (wall, code, measure(clrpy + [str(empty)], args.repeat, env)[0])
    mono = shutil.which("mono") if not args.no_mono else None
    if mono:
        for label, cmd in (("mono (JIT)", [mono]), ("mono --interpreter", [mono, "--interpreter"])):
            w, c, _ = measure(cmd + [str(program)], args.repeat)
            results[label] = (w, c, measure(cmd + [str(empty)], args.repeat)[0])

    generated = [r for r in rows if "Generated::" in r[0]]
    methods, il_bytes = len(rows), sum(r[1] for r in rows)
    native_bytes = sum(r[2] for r in rows)
    jit_seconds = sum(r[3] for r in rows) / 1000
    per_method = sorted(r[3] for r in rows)
    slowest = max(rows, key=lambda r: r[3])
    clrpy_wall = results["clrpy"][0]

    source_lines = (workdir / "generated.cs").read_text().count("\n")
    print(f"JIT throughput: generated program of {args.methods} methods (seed {args.seed}): {source_lines} lines of C#, "
          f"{program.stat().st_size} bytes of .exe (mcs -optimize+ {mcs_seconds:.2f} s)")
    print()
    labels = list(results)
    width = 22
    print(f"{'':<34}" + "".join(f"{label:>{width}}" for label in labels))
    print(f"{'wall time, generated program (s)':<34}" + "".join(f"{results[k][0]:>{width}.3f}" for k in labels))
    print(f"{'wall time, empty program (s)':<34}" + "".join(f"{results[k][2]:>{width}.3f}" for k in labels))
    print(f"{'difference (s)':<34}" + "".join(f"{results[k][0] - results[k][2]:>{width}.3f}" for k in labels))
    print(f"{'exit code':<34}" + "".join(f"{results[k][1]:>{width}}" for k in labels))
    print()
    print("clrpy's JIT (from --trace=jit)")
    table = [
        ("methods compiled", f"{methods} ({len(generated)} of the program's own, {methods - len(generated)} others)"),
        ("IL bytes compiled", f"{il_bytes}"),
        ("native code bytes generated", f"{native_bytes} ({native_bytes / max(il_bytes, 1):.1f} per IL byte)"),
        ("time compiling (sum per method)", f"{jit_seconds:.3f} s ({100 * jit_seconds / clrpy_wall:.0f}% of wall time)"),
        ("IL bytes/s over JIT time", f"{il_bytes / jit_seconds:,.0f}"),
        ("methods/s over JIT time", f"{methods / jit_seconds:,.1f}"),
        ("IL bytes/s over wall time", f"{il_bytes / clrpy_wall:,.0f}"),
        ("methods/s over wall time", f"{methods / clrpy_wall:,.1f}"),
        ("ms per method: median, p90, max", f"{statistics.median(per_method):.2f}, "
                                            f"{per_method[int(0.9 * (len(per_method) - 1))]:.2f}, {slowest[3]:.2f} "
                                            f"({slowest[0]}, IL {slowest[1]} bytes)"),
    ]
    for name, value in table:
        print(f"  {name:<34}{value}")
    if args.breakdown:
        print()
        breakdown(program)
    codes = {results[k][1] for k in labels}
    print()
    if len(codes) == 1:
        print(f"exit codes agree ({codes.pop()})")
        return 0
    print("EXIT CODES DISAGREE: " + ", ".join(f"{k}: {results[k][1]}" for k in labels))
    return 1


def breakdown(program: Path):
    """Compile every method of the generated program in this process, timing the phases separately:
    the importer (IL to LLVM IR text), LLVM's parser, its optimisation pipeline and its code
    generator (to an object file; not linked, so no method runs)."""
    from clrpy.binder import AssemblyBinder
    from clrpy.runtime.execution_engine import ExecutionEngine
    from clrpy.runtime.threads import run_on_managed_stack

    def work():
        binder = AssemblyBinder(app_dir=program.parent)
        module = binder.load_file(program)
        engine = ExecutionEngine(binder)
        th = engine.loader.load_typedef(module, module.find_type_by_name("Generated"))
        native = engine.native
        phases = dict.fromkeys(("importer (IL -> IR text)", "LLVM: parse IR", "LLVM: optimise", "LLVM: generate code"), 0.0)
        names = list(phases)
        count = il = 0
        for md in th.methods:
            if md.is_class_constructor or md.is_constructor:
                continue
            t0 = time.perf_counter()
            ir = engine.jit.generate_ir(md)
            t1 = time.perf_counter()
            mod = native.parse(ir, f"m{count}")
            t2 = time.perf_counter()
            native.optimise(mod)
            t3 = time.perf_counter()
            native.target_machine.emit_object(mod)
            t4 = time.perf_counter()
            for name, seconds in zip(names, (t1 - t0, t2 - t1, t3 - t2, t4 - t3)):
                phases[name] += seconds
            count += 1
            il += len(module.method_body(md.rid).code)
        return phases, count, il

    phases, count, il = run_on_managed_stack(work)
    total = sum(phases.values())
    print(f"where the JIT's time goes ({count} methods, {il} IL bytes, compiled in-process, not linked)")
    for name, seconds in phases.items():
        print(f"  {name:<34}{seconds:8.3f} s  {100 * seconds / total:5.1f}%  {1000 * seconds / count:7.3f} ms/method")
    print(f"  {'total':<34}{total:8.3f} s         {1000 * total / count:7.3f} ms/method")


if __name__ == "__main__":
    sys.exit(main())
