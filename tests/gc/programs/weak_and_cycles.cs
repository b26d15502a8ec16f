// Unreachable objects are reclaimed (seen through weak references), cycles included; reachable ones
// stay; WeakReference<T>, GCHandle kinds, GC.KeepAlive.
using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

class Cell { public Cell Other; public byte[] Payload = new byte[64]; public int Id; }

class Program {
    const int N = 2000;

    [MethodImpl(MethodImplOptions.NoInlining)]
    static WeakReference[] MakeCycles() {
        var refs = new WeakReference[N];
        for (int i = 0; i < N; i++) {
            var a = new Cell { Id = i }; var b = new Cell { Id = -i };
            a.Other = b; b.Other = a;             // a two-object cycle, unreachable after return
            refs[i] = new WeakReference(a);
        }
        return refs;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static List<WeakReference<Cell>> MakeKept(List<Cell> keeper) {
        var refs = new List<WeakReference<Cell>>();
        for (int i = 0; i < 100; i++) {
            var c = new Cell { Id = i };
            keeper.Add(c);
            refs.Add(new WeakReference<Cell>(c));
        }
        return refs;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static GCHandle[] MakeHandles() {
        return new[] {
            GCHandle.Alloc(new Cell { Id = 1 }, GCHandleType.Normal),
            GCHandle.Alloc(new Cell { Id = 2 }, GCHandleType.Weak),
            GCHandle.Alloc(new int[] { 5, 6, 7 }, GCHandleType.Pinned),
        };
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static void Collect() { GC.Collect(); GC.WaitForPendingFinalizers(); GC.Collect(); }

    static void Main() {
        var cycles = MakeCycles();
        var keeper = new List<Cell>();
        var kept = MakeKept(keeper);
        var handles = MakeHandles();
        Collect();

        int alive = 0;
        foreach (var w in cycles) if (w.IsAlive) alive++;
        Console.WriteLine("cycles reclaimed: " + (alive < N / 10));

        int keptAlive = 0;
        foreach (var w in kept) { Cell c; if (w.TryGetTarget(out c) && c.Payload.Length == 64) keptAlive++; }
        Console.WriteLine("kept alive: " + keptAlive);

        Console.WriteLine("normal handle: " + ((Cell)handles[0].Target).Id);
        Console.WriteLine("weak handle allocated: " + handles[1].IsAllocated);
        var pinned = (int[])handles[2].Target;
        IntPtr addr = handles[2].AddrOfPinnedObject();
        Console.WriteLine("pinned: " + Marshal.ReadInt32(addr, 4) + " " + pinned[2]);
        try { handles[0].AddrOfPinnedObject(); } catch (InvalidOperationException e) { Console.WriteLine("not pinned: " + e.Message); }
        foreach (var h in handles) h.Free();

        var target = new Cell { Id = 42 };
        var wr = new WeakReference(target);
        Collect();
        Console.WriteLine("weak to live: " + wr.IsAlive + " " + ((Cell)wr.Target).Id);
        GC.KeepAlive(target);

        Console.WriteLine("max generation >= 0: " + (GC.MaxGeneration >= 0));
        Console.WriteLine("generation of new object: " + (GC.GetGeneration(new object()) <= GC.MaxGeneration));
        GC.KeepAlive(keeper);
    }
}
