// Finalizers run once, after the object becomes unreachable; resurrection; SuppressFinalize and
// ReRegisterForFinalize; WaitForPendingFinalizers; critical finalizers (SafeHandle release).
using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.Win32.SafeHandles;

class Tracked {
    public static int Finalized;
    public static List<int> Order = new List<int>();
    public int Id;
    public Tracked(int id) { Id = id; }
    ~Tracked() { Finalized++; }
}

class Phoenix {
    public static List<Phoenix> Saved = new List<Phoenix>();
    public static int Runs;
    public string Name = "phoenix";
    public int Finalizations;
    ~Phoenix() { Runs++; Finalizations++; Saved.Add(this); }
}

class Suppressed {
    public static int Runs;
    ~Suppressed() { Runs++; }
}

class Released : SafeHandleZeroOrMinusOneIsInvalid {
    public static int Releases;
    public Released() : base(true) { SetHandle((IntPtr)1234); }
    protected override bool ReleaseHandle() { Releases++; return true; }
}

class Program {
    [MethodImpl(MethodImplOptions.NoInlining)]
    static void MakeGarbage(int n) { for (int i = 0; i < n; i++) new Tracked(i); }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static void MakePhoenixes(int n) { for (int i = 0; i < n; i++) new Phoenix(); }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static void MakeSuppressed(int n) {
        for (int i = 0; i < n; i++) { var s = new Suppressed(); if (i % 2 == 0) GC.SuppressFinalize(s); }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static void MakeHandles(int n) { for (int i = 0; i < n; i++) new Released(); }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static void ReRegisterSaved() {
        foreach (var p in Phoenix.Saved) GC.ReRegisterForFinalize(p);
        Phoenix.Saved.Clear();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static void Collect() { GC.Collect(); GC.WaitForPendingFinalizers(); }

    static void Main() {
        // Conservative stack scanning may keep an odd object alive a little longer (as in Mono), so
        // the checks count many objects rather than watching one.
        MakeGarbage(1000);
        Collect();
        Console.WriteLine("most finalized: " + (Tracked.Finalized > 900));
        Collect();
        Console.WriteLine("each at most once: " + (Tracked.Finalized <= 1000));

        MakePhoenixes(200);
        Collect();
        int resurrected = Phoenix.Saved.Count;
        Console.WriteLine("most resurrected: " + (resurrected > 180) + ", runs match: " + (Phoenix.Runs == resurrected));
        bool intact = true;
        foreach (var p in Phoenix.Saved) intact &= p.Name == "phoenix" && p.Finalizations == 1;
        Console.WriteLine("resurrected intact: " + intact);
        Phoenix.Saved.Clear();
        Collect();
        Console.WriteLine("not finalized again: " + (Phoenix.Runs <= 200));

        MakePhoenixes(200);
        Collect();
        int runs = Phoenix.Runs;
        ReRegisterSaved();
        Collect();
        Console.WriteLine("re-registered run again: " + (Phoenix.Runs - runs > 150));

        MakeSuppressed(1000);
        Collect();
        Console.WriteLine("suppressed skipped: " + (Suppressed.Runs <= 500 && Suppressed.Runs > 400));

        MakeHandles(100);
        Collect();
        Console.WriteLine("safe handles released: " + (Released.Releases > 90));
        Console.WriteLine("done");
    }
}
