// A small geometry program: an abstract class hierarchy with interfaces, structs as values,
// generic containers and algorithms over IComparable<T>, virtual dispatch in loops, statics.
// The exit code is a checksum of everything it computed.
using System;
using System.Collections.Generic;

public struct Vec
{
    public double X, Y;
    public Vec(double x, double y) { X = x; Y = y; }
    public static Vec operator +(Vec a, Vec b) { return new Vec(a.X + b.X, a.Y + b.Y); }
    public static Vec operator *(Vec a, double k) { return new Vec(a.X * k, a.Y * k); }
    public double Dot(Vec o) { return X * o.X + Y * o.Y; }
}

public interface IShape : IComparable<IShape>
{
    double Area { get; }
    Vec Center { get; }
    IShape Moved(Vec by);
    string Name { get; }
}

public abstract class Shape : IShape
{
    public static int Count;
    protected Vec center;
    protected Shape(Vec c) { center = c; Count++; }
    public abstract double Area { get; }
    public Vec Center { get { return center; } }
    public virtual string Name { get { return GetType().Name; } }
    public abstract IShape Moved(Vec by);
    public int CompareTo(IShape other) { return Area.CompareTo(other.Area); }
    public override string ToString() { return Name + "@" + (int)center.X + "," + (int)center.Y; }
}

public class Circle : Shape
{
    double r;
    public Circle(Vec c, double r) : base(c) { this.r = r; }
    public override double Area { get { return 3.14159 * r * r; } }
    public override IShape Moved(Vec by) { return new Circle(center + by, r); }
}

public class Rect : Shape
{
    protected double w, h;
    public Rect(Vec c, double w, double h) : base(c) { this.w = w; this.h = h; }
    public override double Area { get { return w * h; } }
    public override IShape Moved(Vec by) { return new Rect(center + by, w, h); }
}

public sealed class Square : Rect
{
    public Square(Vec c, double s) : base(c, s, s) { }
    public override string Name { get { return "Sq"; } }
    public override IShape Moved(Vec by) { return new Square(center + by, w); }
}

public static class Algo
{
    public static void Sort<T>(List<T> items) where T : IComparable<T>
    {
        for (int i = 1; i < items.Count; i++)
        {
            T x = items[i];
            int j = i - 1;
            while (j >= 0 && items[j].CompareTo(x) > 0) { items[j + 1] = items[j]; j--; }
            items[j + 1] = x;
        }
    }
    public static TOut[] Map<TIn, TOut>(IList<TIn> xs, Func<TIn, TOut> f)
    {
        TOut[] r = new TOut[xs.Count];
        for (int i = 0; i < xs.Count; i++) r[i] = f(xs[i]);
        return r;
    }
    public static int Hash(string s) { int h = 7; foreach (char c in s) h = h * 31 + c; return h; }
}

public static class Program
{
    public static int Main()
    {
        List<IShape> shapes = new List<IShape>();
        for (int i = 0; i < 30; i++)
        {
            Vec c = new Vec(i, i * 2);
            switch (i % 3)
            {
                case 0: shapes.Add(new Circle(c, 1 + i % 5)); break;
                case 1: shapes.Add(new Rect(c, 1 + i % 4, 2 + i % 3)); break;
                default: shapes.Add(new Square(c, 1 + i % 6)); break;
            }
        }
        Algo.Sort(shapes);
        List<IShape> moved = new List<IShape>();
        foreach (IShape s in shapes) moved.Add(s.Moved(new Vec(1, 3) * 2));
        double[] areas = Algo.Map<IShape, double>(moved, s => s.Area);
        string[] names = Algo.Map<IShape, string>(moved, s => s.ToString());
        long check = 0;
        foreach (double a in areas) check = check * 3 + (long)(a * 100);
        foreach (string n in names) check += Algo.Hash(n);
        object[] objs = moved.ToArray();
        int squares = 0, rects = 0;
        foreach (object o in objs) { if (o is Square) squares++; if (o is Rect) rects++; }
        Vec sum = new Vec();
        foreach (IShape s in moved) sum = sum + s.Center;
        check += squares * 1000 + rects * 100 + Shape.Count + (long)sum.Dot(new Vec(1, 1));
        return (int)((check & 0x7FFFFFFF) % 251);
    }
}
