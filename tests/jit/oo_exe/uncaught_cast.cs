// An InvalidCastException nobody catches: the process exits with status 1 and names it.
using System;

public class Animal { }
public class Dog : Animal { }

public static class Program
{
    static Dog AsDog(Animal a) { return (Dog)a; }
    public static int Main() { return AsDog(new Animal()) == null ? 3 : 4; }
}
