// clrpy-only (run with --max-heap 64M): allocation past the heap limit raises OutOfMemoryException,
// which the program catches; after dropping what it held it allocates again; garbage alone never
// exhausts the heap.
using System;
using System.Collections.Generic;

class Program {
    static void Main() {
        long churned = 0;
        for (int i = 0; i < 2000; i++) { var b = new byte[100000]; churned += b.Length; }
        Console.WriteLine("churned MB: " + churned / 1000000);

        var hoard = new List<byte[]>();
        try {
            while (true) hoard.Add(new byte[1 << 20]);
        } catch (OutOfMemoryException e) {
            Console.WriteLine("caught: " + e.GetType().Name + " after " + (hoard.Count > 30 && hoard.Count <= 64));
        }
        hoard = null;
        GC.Collect();
        var again = new List<byte[]>();
        for (int i = 0; i < 32; i++) again.Add(new byte[1 << 20]);
        Console.WriteLine("allocated again: " + again.Count);
        try {
            var huge = new long[100000000];
            Console.WriteLine("huge: " + huge.Length);
        } catch (OutOfMemoryException) {
            Console.WriteLine("huge array refused");
        }
    }
}
