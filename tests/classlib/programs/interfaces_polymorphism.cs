// Interfaces and inheritance: explicit implementations, default dispatch, abstract classes, is/as, IDisposable, ToString overrides.
using System;
using System.Collections.Generic;

interface IShape
{
    double Area();
    string Name { get; }
}

interface IScalable { void Scale(double k); }

abstract class Shape : IShape, IComparable<Shape>
{
    public abstract double Area();
    public virtual string Name { get { return GetType().Name.ToLower(); } }
    public int CompareTo(Shape other) { return Area().CompareTo(other.Area()); }
    public override string ToString() { return Name + "[" + Area().ToString("F2") + "]"; }
}

class Circle : Shape, IScalable
{
    double r;
    public Circle(double r) { this.r = r; }
    public override double Area() { return Math.PI * r * r; }
    public void Scale(double k) { r *= k; }
}

class Rect : Shape, IScalable
{
    protected double w, h;
    public Rect(double w, double h) { this.w = w; this.h = h; }
    public override double Area() { return w * h; }
    void IScalable.Scale(double k) { w *= k; h *= k; }
}

sealed class Square : Rect
{
    public Square(double s) : base(s, s) { }
    public override string Name { get { return "square(" + w + ")"; } }
}

class Resource : IDisposable
{
    readonly string name;
    public static List<string> Log = new List<string>();
    public Resource(string name) { this.name = name; Log.Add("open " + name); }
    public void Dispose() { Log.Add("close " + name); }
}

interface IGreeter { string Greet(string who); }
class English : IGreeter { public string Greet(string who) { return "Hello, " + who; } }
class French : IGreeter { public string Greet(string who) { return "Bonjour, " + who; } }
class Loud : IGreeter
{
    readonly IGreeter inner;
    public Loud(IGreeter inner) { this.inner = inner; }
    public string Greet(string who) { return inner.Greet(who).ToUpper() + "!"; }
}

class Animal { public virtual string Speak() { return "..."; } public string Describe() { return GetType().Name + " says " + Speak(); } }
class Dog : Animal { public override string Speak() { return "Woof"; } }
class Puppy : Dog { public override string Speak() { return base.Speak() + " (squeaky)"; } }
class Cat : Animal { public new string Speak() { return "Meow"; } }

static class Program
{
    static void Main()
    {
        var shapes = new List<Shape> { new Circle(1), new Rect(2, 3), new Square(1.5), new Circle(0.5) };
        foreach (var s in shapes)
            Console.WriteLine(s + " is IScalable " + (s is IScalable) + " is Rect " + (s is Rect) + " as Circle null " + (s as Circle == null));
        shapes.Sort();
        Console.WriteLine("sorted " + string.Join(" ", shapes));
        foreach (var s in shapes)
            ((IScalable)s).Scale(2);
        Console.WriteLine("scaled " + string.Join(" ", shapes));
        IShape ishape = shapes[0];
        Console.WriteLine("via interface " + ishape.Name + " " + ishape.Area().ToString("F3"));
        using (var a = new Resource("a"))
        using (var b = new Resource("b"))
        {
            Resource.Log.Add("work");
        }
        try
        {
            using (new Resource("c"))
                throw new InvalidOperationException("boom");
        }
        catch (InvalidOperationException ex) { Resource.Log.Add("caught " + ex.Message); }
        Console.WriteLine(string.Join(", ", Resource.Log));
        var greeters = new IGreeter[] { new English(), new French(), new Loud(new French()) };
        foreach (var g in greeters)
            Console.WriteLine(g.Greet("world"));
        var animals = new Animal[] { new Animal(), new Dog(), new Puppy(), new Cat() };
        foreach (var a in animals)
            Console.WriteLine(a.Describe());
        Console.WriteLine("cat direct " + new Cat().Speak());
        Console.WriteLine("types " + typeof(Square).BaseType.Name + " " + typeof(IScalable).IsInterface + " " + typeof(Shape).IsAbstract + " " + typeof(Square).IsSealed);
        Console.WriteLine("assignable " + typeof(IShape).IsAssignableFrom(typeof(Square)) + " " + typeof(Circle).IsAssignableFrom(typeof(Shape)) + " subclass " + typeof(Puppy).IsSubclassOf(typeof(Animal)));
        var ifaces = typeof(Square).GetInterfaces();
        var names = new List<string>();
        foreach (var i in ifaces) names.Add(i.Name);
        names.Sort(StringComparer.Ordinal);
        Console.WriteLine("interfaces " + string.Join(",", names));
        object o = new Square(2);
        IComparable<Shape> cmp = o as IComparable<Shape>;
        Console.WriteLine("comparable " + (cmp != null) + " " + cmp.CompareTo(new Circle(1)));
        IEnumerable<IShape> covariant = new List<Circle> { new Circle(3) };
        foreach (var sh in covariant) Console.WriteLine("covariant " + sh.Name);
    }
}
