// Delegates, lambdas and closures: Func/Action, multicast, captured variables, higher-order functions, events.
using System;
using System.Collections.Generic;
using System.Linq;

delegate int BinaryOp(int a, int b);
delegate void Notify(string message);

class Button
{
    public event EventHandler Clicked;
    public event Action<string, int> Changed;
    public string Name;
    public void Click() { var h = Clicked; if (h != null) h(this, EventArgs.Empty); }
    public void Change(int v) { Changed?.Invoke(Name, v); }
}

static class Program
{
    static int Add(int a, int b) { return a + b; }
    static int Mul(int a, int b) { return a * b; }
    static List<string> log = new List<string>();
    static void LogA(string m) { log.Add("A:" + m); }
    static void LogB(string m) { log.Add("B:" + m); }

    static Func<int, int> Compose(Func<int, int> f, Func<int, int> g) { return x => g(f(x)); }

    static Func<int> MakeCounter()
    {
        int count = 0;
        return () => ++count;
    }

    static Func<T, TResult> Memoize<T, TResult>(Func<T, TResult> f)
    {
        var cache = new Dictionary<T, TResult>();
        return x =>
        {
            TResult r;
            if (!cache.TryGetValue(x, out r)) { r = f(x); cache[x] = r; log.Add("computed " + x); }
            return r;
        };
    }

    static void Main()
    {
        BinaryOp op = Add;
        Console.WriteLine("add " + op(3, 4) + " invoke " + op.Invoke(5, 6) + " method " + op.Method.Name);
        op = Mul;
        Console.WriteLine("mul " + op(3, 4));
        op = delegate (int a, int b) { return a - b; };
        Console.WriteLine("anonymous " + op(10, 3));
        Func<int, int, int> f = (a, b) => a * 10 + b;
        Func<string> hello = () => "hello";
        Func<double, double> square = x => x * x;
        Action<string> print = s => Console.WriteLine("action " + s);
        print(hello() + " " + f(4, 2) + " " + square(1.5));
        Predicate<int> even = n => n % 2 == 0;
        Converter<int, string> conv = n => "#" + n;
        Comparison<string> byLen = (a, b) => a.Length - b.Length;
        Console.WriteLine("predicate " + even(4) + even(5) + " converter " + conv(7) + " comparison " + byLen("aa", "b"));
        Notify multi = LogA;
        multi += LogB;
        multi += m => log.Add("lambda:" + m);
        multi("one");
        multi -= LogA;
        multi("two");
        Console.WriteLine("multicast " + string.Join(", ", log) + " count " + multi.GetInvocationList().Length);
        log.Clear();
        Func<int> last = () => 1;
        last += () => 2;
        last += () => 3;
        Console.WriteLine("multicast result is last " + last());
        var counter1 = MakeCounter();
        var counter2 = MakeCounter();
        counter1(); counter1();
        Console.WriteLine("counters " + counter1() + " " + counter2());
        var actions = new List<Func<int>>();
        for (int i = 0; i < 3; i++)
            actions.Add(() => i * 10);
        var perIteration = new List<Func<int>>();
        foreach (var i in new[] { 0, 1, 2 })
            perIteration.Add(() => i * 10);
        Console.WriteLine("for captures one variable " + string.Join(",", actions.Select(a => a())) + " foreach captures each " + string.Join(",", perIteration.Select(a => a())));
        var addThenDouble = Compose(x => x + 1, x => x * 2);
        Console.WriteLine("compose " + addThenDouble(5) + " " + Compose(addThenDouble, addThenDouble)(1));
        Func<int, long> slowSquare = n => (long)n * n;
        var fast = Memoize(slowSquare);
        Console.WriteLine("memo " + fast(12) + " " + fast(12) + " " + fast(13) + " log " + string.Join("; ", log));
        Func<int, int> fact = null;
        fact = n => n <= 1 ? 1 : n * fact(n - 1);
        Console.WriteLine("recursive lambda " + fact(10));
        var button = new Button { Name = "ok" };
        int clicks = 0;
        EventHandler handler = (s, e) => clicks++;
        button.Clicked += handler;
        button.Clicked += (s, e) => Console.WriteLine("clicked " + ((Button)s).Name + " args empty " + (e == EventArgs.Empty));
        button.Click();
        button.Clicked -= handler;
        button.Click();
        button.Changed += (n, v) => Console.WriteLine("changed " + n + " to " + v);
        button.Change(42);
        Console.WriteLine("clicks " + clicks);
        Delegate d = new Func<int, int, int>(Add);
        Console.WriteLine("dynamic invoke " + d.DynamicInvoke(2, 3) + " target null " + (d.Target == null));
        var combined = Delegate.Combine(new Action(() => log.Add("x")), new Action(() => log.Add("y")));
        ((Action)combined)();
        Console.WriteLine("combined " + string.Join("", log));
        string captured = "before";
        Action show = () => Console.WriteLine("sees " + captured);
        captured = "after";
        show();
        Func<int, Func<int, int>> adder = x => y => x + y;
        Console.WriteLine("curried " + adder(3)(4));
        var ops = new Dictionary<string, Func<double, double, double>>
        {
            ["+"] = (a, b) => a + b, ["-"] = (a, b) => a - b, ["*"] = (a, b) => a * b, ["/"] = (a, b) => a / b, ["^"] = Math.Pow,
        };
        foreach (var kv in ops) Console.Write(kv.Key + "=" + kv.Value(7, 2) + " ");
        Console.WriteLine();
        Func<double, double> root = Math.Sqrt;
        Func<double, double, double> atan2 = Math.Atan2;
        Func<string, string> intern = string.Intern;
        Func<double, double> floor = Math.Floor;
        Console.WriteLine("method groups of internal calls " + root(2) + " " + atan2(1, 1) + " " + intern("abc") + " " + floor(-2.5) + " " + new[] { 1.0, 4.0, 9.0 }.Select(Math.Sqrt).Sum());
        Func<int, bool> isSmall = x => x < 3;
        Console.WriteLine("delegate equality " + op.Equals(op) + " " + ((Func<int, int, int>)Add).Equals(new Func<int, int, int>(Add)));
        Action<object> general = o => Console.WriteLine("contravariant " + o);
        Action<string> specific = general;
        specific("works");
        Func<string> covariant = () => "str";
        Func<object> widened = covariant;
        Console.WriteLine("covariant " + widened());
    }
}
