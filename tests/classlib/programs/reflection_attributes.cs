// Reflection over our own types: properties, fields, methods, custom attributes, a tiny JSON-like serializer and invoking by name.
using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text;

[AttributeUsage(AttributeTargets.Property | AttributeTargets.Class)]
class LabelAttribute : Attribute
{
    public string Text;
    public int Order { get; set; }
    public LabelAttribute(string text) { Text = text; }
}

class IgnoreAttribute : Attribute { }

[Label("A person", Order = 1)]
class Person
{
    [Label("Full name", Order = 2)] public string Name { get; set; }
    [Label("Age in years")] public int Age { get; set; }
    public double Height { get; set; }
    public List<string> Tags { get; set; }
    public Address Home { get; set; }
    [Ignore] public string Secret { get; set; }
    public int[] Scores { get; set; }
    public bool Active { get; set; }
    public Person Friend { get; set; }
    public string Greet(string other, int times) { return string.Join(" ", Enumerable.Repeat("Hi " + other + " from " + Name + "!", times)); }
    private int Hidden() { return 7; }
    public static string Species() { return "human"; }
}

class Address { public string City { get; set; } public int Zip { get; set; } }

static class Program
{
    static string ToJson(object o)
    {
        if (o == null) return "null";
        if (o is string) return "\"" + ((string)o).Replace("\"", "\\\"") + "\"";
        if (o is bool) return (bool)o ? "true" : "false";
        if (o is int || o is double || o is long) return Convert.ToString(o, System.Globalization.CultureInfo.InvariantCulture);
        if (o is IEnumerable) return "[" + string.Join(",", ((IEnumerable)o).Cast<object>().Select(ToJson)) + "]";
        var props = o.GetType().GetProperties().Where(p => !p.IsDefined(typeof(IgnoreAttribute), false)).OrderBy(p => p.Name, StringComparer.Ordinal);
        return "{" + string.Join(",", props.Select(p => "\"" + p.Name + "\":" + ToJson(p.GetValue(o, null)))) + "}";
    }

    static void Main()
    {
        var p = new Person { Name = "Ada", Age = 36, Height = 1.65, Tags = new List<string> { "math", "code" }, Home = new Address { City = "London", Zip = 12345 }, Secret = "x", Scores = new[] { 9, 10 }, Active = true };
        p.Friend = new Person { Name = "Charles", Age = 41 };
        Console.WriteLine(ToJson(p));
        var t = typeof(Person);
        Console.WriteLine("type " + t.Name + " namespace null " + (t.Namespace == null) + " properties " + t.GetProperties().Length);
        foreach (var prop in t.GetProperties().OrderBy(x => x.Name, StringComparer.Ordinal))
        {
            var label = (LabelAttribute)Attribute.GetCustomAttribute(prop, typeof(LabelAttribute));
            Console.WriteLine("  " + prop.Name + " : " + prop.PropertyType.Name + " can write " + prop.CanWrite + (label != null ? " label '" + label.Text + "' order " + label.Order : ""));
        }
        var classLabel = t.GetCustomAttributes(typeof(LabelAttribute), false).Cast<LabelAttribute>().Single();
        Console.WriteLine("class label " + classLabel.Text + " " + classLabel.Order);
        var greet = t.GetMethod("Greet");
        Console.WriteLine("invoke " + greet.Invoke(p, new object[] { "Bob", 2 }) + " params " + string.Join(",", greet.GetParameters().Select(x => x.ParameterType.Name + " " + x.Name)) + " returns " + greet.ReturnType.Name);
        var hidden = t.GetMethod("Hidden", BindingFlags.NonPublic | BindingFlags.Instance);
        Console.WriteLine("private " + hidden.Invoke(p, null) + " static " + t.GetMethod("Species").Invoke(null, null) + " is static " + t.GetMethod("Species").IsStatic);
        var nameProp = t.GetProperty("Name");
        nameProp.SetValue(p, "Augusta", null);
        Console.WriteLine("set by reflection " + p.Name + " get " + nameProp.GetValue(p, null));
        var created = (Person)Activator.CreateInstance(t);
        t.GetProperty("Age").SetValue(created, 5, null);
        Console.WriteLine("created " + created.Age + " " + (created.Name ?? "no name"));
        var methods = t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Where(m => !m.IsSpecialName).Select(m => m.Name);
        Console.WriteLine("declared methods " + string.Join(",", methods.OrderBy(x => x, StringComparer.Ordinal)));
        Console.WriteLine("fields (backing) " + t.GetFields(BindingFlags.NonPublic | BindingFlags.Instance).Length + " ctor count " + t.GetConstructors().Length);
        Console.WriteLine("attribute defined " + t.IsDefined(typeof(LabelAttribute), false) + " on Height " + t.GetProperty("Height").IsDefined(typeof(LabelAttribute), false));
        var list = typeof(List<int>);
        Console.WriteLine("generic " + list.Name + " " + list.IsGenericType + " def " + list.GetGenericTypeDefinition().Name + " arg " + list.GetGenericArguments()[0].Name + " count prop " + list.GetProperty("Count").GetValue(new List<int> { 1, 2 }, null));
        Console.WriteLine("enum via reflection " + string.Join(",", typeof(DayOfWeek).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => f.Name + "=" + (int)f.GetValue(null)).Take(3)));
    }
}
