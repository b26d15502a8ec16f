"""Loader benchmark: clrpy's metadata reader against dnfile (+ dncil) on Mono's mscorlib.

Why: the design says metadata is read lazily from an mmap, so opening mscorlib and fetching one
method's IL must cost almost nothing, and decoding every body must be fast enough for the JIT.
This script measures that, side by side with dnfile, a general-purpose .NET parser, in one run:

(a) open mscorlib and fetch the IL bytes of System.String::Concat(string, string). The target
    (>= 50x) is against dnfile parsing the file (`dnPE(path)`, its default); the table also shows,
    for information, dnfile driven by hand along its cheapest lazy route.
    clrpy:  Module.open + find_type + find_methods + method_sig (pick the (string, string)
            overload) + method_body(rid).code
    dnfile: its cheapest route: dnPE(path, fast_load=True, clr_lazy_load=True) + parse only the
            CLR data directory, walk TypeDef rows (lazily decoded names) to System.String, walk its
            MethodList run (raw start from the row struct) to Concat with the blob 00 02 0e 0e 0e,
            then RVA -> file offset and the method header parsed by hand to slice the IL.
    Every measurement runs in a fresh subprocess (cold: nothing imported, nothing cached). The
    table reports the time from before the first import of the library to the IL bytes, which
    excludes the Python interpreter's own start-up; the "after import" row excludes the imports.
(b) decode every method body of mscorlib (every MethodDef with RVA != 0), opening included.
    clrpy:  Module.open + method_body(rid) (header, IL bytes, EH clauses) + the instruction
            decoder (clrpy.cil.decoder.decode) on the IL, when that module exists.
    dnfile: the same lazy open + dncil's CilMethodBody for each method (header, instructions
            with operands, EH clauses), reading straight from dnfile's mapped data.
    Both sides report bodies / instructions / EH clauses so one can see the work is the same.

Timings use time.perf_counter; the table shows the median of --repeat runs. The exit status is
always 0: this measures, it does not test.

Run: .venv/bin/python bench/loader_bench.py [--repeat N] [--path mscorlib.dll]
"""
import os
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_PATH = "/usr/lib/mono/4.5/mscorlib.dll"
TARGETS = {"a": 50.0, "b": 10.0}
STRING_STRING_SIG = bytes([0x00, 0x02, 0x0E, 0x0E, 0x0E])     # DEFAULT, 2 params, string(string, string)


# --- the measured work (runs in a child process) --------------------------------------------------

def child_a_clrpy(path):
    t0 = time.perf_counter()
    sys.path.insert(0, ROOT)
    from clrpy.metadata.module import Module
    from clrpy.metadata.signatures import ElementType, PrimitiveType
    t1 = time.perf_counter()
    m = Module.open(path)
    string = PrimitiveType(ElementType.STRING)
    code = None
    rid = m.find_type("System", "String")
    for mrid in m.find_methods(rid, "Concat"):
        sig = m.method_sig(mrid)
        if len(sig.params) == 2 and sig.params[0] == string and sig.params[1] == string:
            code = m.method_body(mrid).code
            break
    t2 = time.perf_counter()
    return {"import": t1 - t0, "work": t2 - t1, "il": code.hex() if code is not None else None}


def child_a_dnfile(path, lazy=True):
    t0 = time.perf_counter()
    import struct
    import dnfile
    import pefile
    t1 = time.perf_counter()
    if lazy:
        pe = dnfile.dnPE(path, fast_load=True, clr_lazy_load=True)
        pe.parse_data_directories(directories=[pefile.DIRECTORY_ENTRY["IMAGE_DIRECTORY_ENTRY_COM_DESCRIPTOR"]])
    else:
        pe = dnfile.dnPE(path)
    md = pe.net.mdtables
    types, methods = md.TypeDef.rows, md.MethodDef.rows
    code = None
    for i, t in enumerate(types):
        if str(t.TypeName) == "String" and str(t.TypeNamespace) == "System":
            start = t.struct.MethodList_Index
            end = types[i + 1].struct.MethodList_Index if i + 1 < len(types) else len(methods) + 1
            for j in range(start, end):
                row = methods[j - 1]
                if str(row.Name) == "Concat" and row.Signature.value == STRING_STRING_SIG:
                    data = pe.__data__
                    off = pe.get_offset_from_rva(row.Rva)
                    first = data[off]
                    if first & 3 == 2:                          # tiny header
                        code = bytes(data[off + 1:off + 1 + (first >> 2)])
                    else:                                       # fat header
                        flags_size, _, size = struct.unpack_from("<HHI", data, off)
                        hs = (flags_size >> 12) * 4
                        code = bytes(data[off + hs:off + hs + size])
                    break
            break
    t2 = time.perf_counter()
    return {"import": t1 - t0, "work": t2 - t1, "il": code.hex() if code is not None else None}


def child_a_dnfile_eager(path):
    return child_a_dnfile(path, lazy=False)


def child_b_clrpy(path):
    t0 = time.perf_counter()
    sys.path.insert(0, ROOT)
    import importlib.util
    from clrpy.metadata.module import Module
    from clrpy.metadata.schema import TableId
    decode = None
    if importlib.util.find_spec("clrpy.cil.decoder") is not None:
        decode = getattr(importlib.import_module("clrpy.cil.decoder"), "decode", None)
    t1 = time.perf_counter()
    m = Module.open(path)
    bodies = insns = clauses = il_bytes = 0
    for rid, rva in enumerate(m.tables[TableId.MethodDef].column("RVA"), 1):
        if rva:
            body = m.method_body(rid)
            bodies += 1
            il_bytes += len(body.code)
            clauses += len(body.clauses)
            if decode is not None:
                insns += len(decode(body.code))
    t2 = time.perf_counter()
    what = ("Module.open + method_body (header, IL, EH) + clrpy.cil.decoder.decode" if decode else
            "Module.open + method_body (header, IL, EH); clrpy.cil.decoder not found, NO instruction decoding")
    return {"import": t1 - t0, "work": t2 - t1, "what": what, "decoded_instructions": decode is not None,
            "bodies": bodies, "instructions": insns if decode else None, "clauses": clauses, "il_bytes": il_bytes}


def child_b_dnfile(path):
    t0 = time.perf_counter()
    import dnfile
    import pefile
    from dncil.cil.body import CilMethodBody
    from dncil.cil.body.reader import CilMethodBodyReaderBase

    class Reader(CilMethodBodyReaderBase):
        """dncil's reader interface over dnfile's mapped file data (no copies through pefile)."""

        def __init__(self, data, offset):
            self.data = data
            self.offset = offset

        def read(self, n):
            b = self.data[self.offset:self.offset + n]
            self.offset += n
            return b

        def tell(self):
            return self.offset

        def seek(self, offset):
            self.offset = offset
            return offset

    t1 = time.perf_counter()
    pe = dnfile.dnPE(path, fast_load=True, clr_lazy_load=True)
    pe.parse_data_directories(directories=[pefile.DIRECTORY_ENTRY["IMAGE_DIRECTORY_ENTRY_COM_DESCRIPTOR"]])
    data = pe.__data__
    bodies = insns = clauses = il_bytes = 0
    for row in pe.net.mdtables.MethodDef.rows:
        rva = row.Rva
        if rva:
            body = CilMethodBody(Reader(data, pe.get_offset_from_rva(rva)))
            bodies += 1
            il_bytes += body.code_size
            insns += len(body.instructions)
            clauses += len(body.exception_handlers)
    t2 = time.perf_counter()
    return {"import": t1 - t0, "work": t2 - t1,
            "what": "dnPE(fast_load, clr_lazy_load) + dncil CilMethodBody (header, instructions, EH)",
            "decoded_instructions": True,
            "bodies": bodies, "instructions": insns, "clauses": clauses, "il_bytes": il_bytes}


CHILDREN = {"a-clrpy": child_a_clrpy, "a-dnfile": child_a_dnfile, "a-dnfile-eager": child_a_dnfile_eager,
            "b-clrpy": child_b_clrpy, "b-dnfile": child_b_dnfile}


# --- the driver -------------------------------------------------------------------------------------

def run_child(task, path):
    """Run one measurement in a fresh interpreter; returns its result dict plus the wall time."""
    import json
    import subprocess
    t0 = time.perf_counter()
    p = subprocess.run([sys.executable, os.path.abspath(__file__), "--child", task, "--path", path],
                       capture_output=True, text=True, cwd=ROOT)
    wall = time.perf_counter() - t0
    if p.returncode != 0:
        return {"error": (p.stderr or p.stdout).strip().splitlines()[-1:] or ["exit %d" % p.returncode]}
    result = json.loads(p.stdout.strip().splitlines()[-1])
    result["wall"] = wall
    return result


def median_of(task, path, repeat):
    import statistics
    runs = [run_child(task, path) for _ in range(repeat)]
    errors = [r["error"] for r in runs if "error" in r]
    if errors:
        return None, runs, errors[0]
    med = {k: statistics.median(r[k] for r in runs) for k in ("import", "work", "wall")}
    return med, runs, None


def fmt_s(x):
    return "n/a" if x is None else f"{x:.4f}"


def main(argv):
    import argparse
    ap = argparse.ArgumentParser(description="clrpy vs dnfile metadata loading benchmark")
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement; the median is reported")
    ap.add_argument("--path", default=DEFAULT_PATH, help="the assembly (default: Mono's mscorlib)")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.child:
        import json
        print(json.dumps(CHILDREN[args.child](args.path)))
        return 0

    repeat = max(1, args.repeat)
    path = os.path.abspath(args.path)
    print(f"loader benchmark: {path}")
    print(f"python {sys.version.split()[0]}, median of {repeat} run(s), each in a fresh subprocess\n")

    res = {}
    for task in ("a-clrpy", "a-dnfile", "a-dnfile-eager", "b-clrpy", "b-dnfile"):
        res[task] = median_of(task, path, repeat)
        med, runs, err = res[task]
        if err:
            print(f"  {task}: FAILED: {err}")

    rows = []   # (label, clrpy, dnfile, target)

    def time_of(task, key):
        med = res[task][0]
        if med is None:
            return None
        return med["import"] + med["work"] if key == "cold" else med[key]

    # The target for (a): against dnfile *parsing the file* (its default dnPE(path)).
    rows.append(("(a) Concat IL: clrpy imports+open+lookup vs dnfile parsing the file",
                 time_of("a-clrpy", "cold"), time_of("a-dnfile-eager", "cold"), TARGETS["a"]))
    # Stricter comparisons, for information: dnfile driven lazily by hand, its cheapest route.
    rows.append(("(a) info: vs dnfile's lazy route, imports + open + lookup",
                 time_of("a-clrpy", "cold"), time_of("a-dnfile", "cold"), None))
    rows.append(("(a) info: vs dnfile's lazy route, open + lookup only [after imports]",
                 time_of("a-clrpy", "work"), time_of("a-dnfile", "work"), None))
    rows.append(("(a) info: the library imports alone",
                 time_of("a-clrpy", "import"), time_of("a-dnfile", "import"), None))
    rows.append(("(a) info: whole subprocess wall time [incl. interpreter start]",
                 time_of("a-clrpy", "wall"), time_of("a-dnfile", "wall"), None))
    rows.append(("(b) all bodies, imports + open + decode [excl. interpreter start]",
                 time_of("b-clrpy", "cold"), time_of("b-dnfile", "cold"), TARGETS["b"]))
    rows.append(("(b) all bodies, open + decode only [after imports]",
                 time_of("b-clrpy", "work"), time_of("b-dnfile", "work"), TARGETS["b"]))

    w = max(len(r[0]) for r in rows)
    print(f"{'task':<{w}}  {'clrpy s':>9}  {'dnfile s':>9}  {'ratio':>8}  {'target':>7}  result")
    print("-" * (w + 50))
    for label, ours, theirs, target in rows:
        ratio = theirs / ours if ours and theirs else None
        verdict = "info" if target is None else ("n/a" if ratio is None else ("PASS" if ratio >= target else "FAIL"))
        tgt = "" if target is None else f">={target:g}x"
        print(f"{label:<{w}}  {fmt_s(ours):>9}  {fmt_s(theirs):>9}  "
              f"{'n/a' if ratio is None else f'{ratio:.1f}x':>8}  {tgt:>7}  {verdict}")
    print("ratio = dnfile seconds / clrpy seconds\n")

    # Same answer, same work.
    a_il = {t: (res[t][1][0].get("il") if res[t][0] else None) for t in ("a-clrpy", "a-dnfile", "a-dnfile-eager")}
    il = a_il["a-clrpy"]
    same = il is not None and all(v == il for v in a_il.values())
    print(f"(a) String::Concat(string, string): {len(il) // 2 if il else '?'} IL bytes; "
          f"clrpy and dnfile {'return the same bytes' if same else 'DISAGREE: ' + repr(a_il)}")
    for t in ("b-clrpy", "b-dnfile"):
        med, runs, err = res[t]
        if med is None:
            continue
        r = runs[0]
        n_insn = "not decoded" if r["instructions"] is None else r["instructions"]
        print(f"(b) {t[2:]:>6}: {r['what']}\n           bodies={r['bodies']} IL bytes={r['il_bytes']} "
              f"instructions={n_insn} EH clauses={r['clauses']}")
    if res["b-clrpy"][0] and res["b-dnfile"][0]:
        rc, rd = res["b-clrpy"][1][0], res["b-dnfile"][1][0]
        keys = ["bodies", "il_bytes", "clauses"] + (["instructions"] if rc["decoded_instructions"] else [])
        agree = all(rc[k] == rd[k] for k in keys)
        print(f"(b) counts {'agree' if agree else 'DISAGREE'} ({', '.join(keys)})"
              + ("" if rc["decoded_instructions"] else "; clrpy did not decode instructions, so (b) is not like for like"))
    return 0


if __name__ == "__main__":
    if "--child" in sys.argv:
        sys.exit(main(sys.argv[1:]))       # a failing child exits non-zero; the driver reports it
    try:
        main(sys.argv[1:])
    except KeyboardInterrupt:
        pass
    except Exception as e:                  # a measurement script: say what broke, exit 0 anyway
        print(f"loader benchmark failed: {type(e).__name__}: {e}")
    sys.exit(0)
