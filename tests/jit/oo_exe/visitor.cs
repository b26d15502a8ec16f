// An expression evaluator: an abstract syntax tree, a generic visitor (generic virtual methods in
// generic classes), delegates for the operators, structs for results, enums for kinds, boxing of
// values. Exit code: a checksum of the results.
using System;
using System.Collections.Generic;

public enum Op : byte { Add, Sub, Mul, Div, Max }

public interface IVisitor<R> { R Num(Num n); R Bin(Bin b); R Let(Let l); R Var(Var v); }

public abstract class Expr
{
    public abstract R Accept<R>(IVisitor<R> v);
    public virtual int Depth() { return 1; }
}
public sealed class Num : Expr { public long Value; public Num(long v) { Value = v; } public override R Accept<R>(IVisitor<R> v) { return v.Num(this); } }
public sealed class Var : Expr { public string Name; public Var(string n) { Name = n; } public override R Accept<R>(IVisitor<R> v) { return v.Var(this); } }
public class Bin : Expr
{
    public Op Op; public Expr L, R;
    public Bin(Op op, Expr l, Expr r) { Op = op; L = l; R = r; }
    public override R1 Accept<R1>(IVisitor<R1> v) { return v.Bin(this); }
    public override int Depth() { return 1 + Math.Max(L.Depth(), R.Depth()); }
}
public class Let : Expr
{
    public string Name; public Expr Value, Body;
    public Let(string n, Expr v, Expr b) { Name = n; Value = v; Body = b; }
    public override R Accept<R>(IVisitor<R> v) { return v.Let(this); }
    public override int Depth() { return 1 + Math.Max(Value.Depth(), Body.Depth()); }
}

public struct Result { public long Value; public int Steps; }

public class Evaluator : IVisitor<Result>
{
    static readonly Func<long, long, long>[] ops = { (a, b) => a + b, (a, b) => a - b, (a, b) => a * b, (a, b) => b == 0 ? 0 : a / b, Math.Max };
    readonly Stack<KeyValuePair<string, long>> env = new Stack<KeyValuePair<string, long>>();
    public Result Num(Num n) { Result r; r.Value = n.Value; r.Steps = 1; return r; }
    public Result Var(Var v) { foreach (KeyValuePair<string, long> p in env) if (p.Key == v.Name) return new Result { Value = p.Value, Steps = 1 }; return new Result(); }
    public Result Bin(Bin b)
    {
        Result l = b.L.Accept(this), r = b.R.Accept(this);
        return new Result { Value = ops[(int)b.Op](l.Value, r.Value), Steps = l.Steps + r.Steps + 1 };
    }
    public Result Let(Let l)
    {
        Result v = l.Value.Accept(this);
        env.Push(new KeyValuePair<string, long>(l.Name, v.Value));
        Result body = l.Body.Accept(this);
        env.Pop();
        body.Steps += v.Steps;
        return body;
    }
}

public class Printer : IVisitor<string>
{
    public string Num(Num n) { return n.Value.ToString(); }
    public string Var(Var v) { return v.Name; }
    public string Bin(Bin b) { return "(" + b.L.Accept(this) + "+-*/M"[(int)b.Op] + b.R.Accept(this) + ")"; }
    public string Let(Let l) { return "let " + l.Name + "=" + l.Value.Accept(this) + " in " + l.Body.Accept(this); }
}

public class Counter<T> : IVisitor<int> where T : Expr
{
    public int Num(Num n) { return n is T ? 1 : 0; }
    public int Var(Var v) { return v is T ? 1 : 0; }
    public int Bin(Bin b) { return (b is T ? 1 : 0) + b.L.Accept(this) + b.R.Accept(this); }
    public int Let(Let l) { return (l is T ? 1 : 0) + l.Value.Accept(this) + l.Body.Accept(this); }
}

public static class Program
{
    static Expr Build(int depth, int seed)
    {
        if (depth == 0) return seed % 3 == 0 ? (Expr)new Var("x" + seed % 2) : new Num(seed % 17 + 1);
        if (seed % 7 == 0) return new Let("x" + seed % 2, Build(depth - 1, seed * 3 + 1), Build(depth - 1, seed * 5 + 2));
        return new Bin((Op)(seed % 5), Build(depth - 1, seed * 7 + 3), Build(depth - 1, seed * 11 + 4));
    }

    public static int Main()
    {
        long check = 0;
        IVisitor<Result> eval = new Evaluator();
        IVisitor<string> print = new Printer();
        for (int i = 1; i < 40; i++)
        {
            Expr e = Build(4 + i % 3, i);
            Result r = e.Accept(eval);
            string text = e.Accept(print);
            int bins = e.Accept(new Counter<Bin>()), nums = e.Accept(new Counter<Num>()), all = e.Accept(new Counter<Expr>());
            check = check * 31 + r.Value + r.Steps * 7 + text.Length * 13 + bins * 17 + nums * 19 + all * 23 + e.Depth();
            object boxed = r;
            if (((Result)boxed).Value != r.Value) check++;
            object op = (Op)(i % 5);
            check += (int)(Op)op + (op is Op ? 100 : 0);
        }
        return (int)((check & 0x7FFFFFFF) % 241) + 1;
    }
}
