// Guid, Version, Uri, AppDomain data, Tuple-free value objects from the class library: parsing, formatting, comparison.
using System;
using System.Collections.Generic;

static class Program
{
    static void Main()
    {
        var g = new Guid("0f8fad5b-d9cb-469f-a165-70867728950e");
        Console.WriteLine("guid " + g + " N " + g.ToString("N") + " B " + g.ToString("B") + " P " + g.ToString("P") + " X " + g.ToString("X"));
        Console.WriteLine("bytes " + BitConverter.ToString(g.ToByteArray()) + " round trip " + (new Guid(g.ToByteArray()) == g));
        Guid parsed;
        Console.WriteLine("parse " + Guid.Parse("{0F8FAD5B-D9CB-469F-A165-70867728950E}").Equals(g) + " try " + Guid.TryParse("nope", out parsed) + " " + parsed + " exact " + Guid.ParseExact("0f8fad5bd9cb469fa16570867728950e", "N"));
        Console.WriteLine("empty " + Guid.Empty + " compare " + g.CompareTo(Guid.Empty) + " new guid differs " + (Guid.NewGuid() != Guid.NewGuid()) + " version nibble " + Guid.NewGuid().ToString()[14]);
        var ints = new Guid(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        Console.WriteLine("from parts " + ints);
        var v = new Version(1, 2, 3, 4);
        var v2 = Version.Parse("1.10");
        Console.WriteLine("version " + v + " major " + v.Major + " build " + v.Build + " revision " + v.Revision + " two parts " + v2 + " build " + v2.Build + " compare " + v.CompareTo(v2) + " " + (v < v2) + " tostring(2) " + v.ToString(2));
        Version tv;
        Console.WriteLine("try parse version " + Version.TryParse("1.2.x", out tv) + " " + (tv == null) + " equal " + new Version("2.0").Equals(new Version(2, 0)));
        var uri = new Uri("https://user@example.com:8443/path/to/page.html?q=1&lang=en#section");
        Console.WriteLine("uri scheme " + uri.Scheme + " host " + uri.Host + " port " + uri.Port + " path " + uri.AbsolutePath + " query " + uri.Query + " fragment " + uri.Fragment + " user " + uri.UserInfo);
        Console.WriteLine("segments " + string.Join("|", uri.Segments) + " default port " + new Uri("http://a.org/").Port + " absolute " + uri.IsAbsoluteUri + " file " + new Uri("file:///tmp/x.txt").IsFile);
        var relative = new Uri(new Uri("http://example.com/a/b/c.html"), "../d/e.html");
        Console.WriteLine("combined " + relative + " escape " + Uri.EscapeDataString("a b&c=d/é") + " unescape " + Uri.UnescapeDataString("a%20b%26c"));
        var domain = AppDomain.CurrentDomain;
        Console.WriteLine("domain name " + domain.FriendlyName + " same " + ReferenceEquals(domain, AppDomain.CurrentDomain));
        domain.SetData("answer", 42);
        domain.SetData("list", new List<string> { "kept" });
        Console.WriteLine("domain data " + domain.GetData("answer") + " " + ((List<string>)domain.GetData("list"))[0] + " missing " + (domain.GetData("nothing") == null));
        domain.SetData("answer", null);
        Console.WriteLine("cleared " + (domain.GetData("answer") == null));
        var kvps = new List<KeyValuePair<string, Version>> { new KeyValuePair<string, Version>("lib", new Version(2, 1)), new KeyValuePair<string, Version>("app", new Version(1, 9, 9)) };
        kvps.Sort((a, b) => a.Value.CompareTo(b.Value));
        Console.WriteLine("sorted by version " + string.Join(", ", kvps));
        Console.WriteLine("environment newline length " + Environment.NewLine.Length + " is 64-bit " + Environment.Is64BitProcess + " version major " + (Environment.Version.Major >= 4));
        Console.WriteLine("type names " + typeof(Guid).FullName + " " + typeof(Uri).Assembly.GetName().Name + " " + typeof(Version).Assembly.GetName().Name);
    }
}
