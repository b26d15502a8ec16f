// clrpy-only (run with --trace=gc): the heap policy (docs/gc.md, "Policy"). First a tiny live set
// and 160 MB of garbage: the heap stays small (it may hold 3x the live bytes, at least 4 MB more).
// Then a 16 MB live set and 320 MB of garbage: the heap may reach 48 MB, 3x the live bytes, so the
// churn takes about ten collections, not the twenty that 2x would.
class Node {
    public Node Left, Right;
    public static Node Build(int depth) {
        var n = new Node();
        if (depth > 0) { n.Left = Build(depth - 1); n.Right = Build(depth - 1); }
        return n;
    }
    public int Count() { return 1 + (Left == null ? 0 : Left.Count() + Right.Count()); }
}

class Program {
    static long Churn(int n) {
        long total = 0;
        for (int i = 0; i < n; i++) { var x = new Node(); total += x.Left == null ? 1 : 0; }
        return total;
    }

    static int Main() {
        long small = Churn(5000000);
        Node kept = Node.Build(18);
        long big = Churn(10000000);
        System.Console.WriteLine(small + " " + big + " " + kept.Count());
        return 0;
    }
}
