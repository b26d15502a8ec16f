// Array covariance caught at run time: storing a Cat into an Animal[] that is really a Dog[]
// raises ArrayTypeMismatchException, which the program catches; the exit code says what happened.
using System;

public class Animal { }
public class Dog : Animal { }
public class Cat : Animal { }

public static class Program
{
    static void Put(Animal[] a, int i, Animal x) { a[i] = x; }
    public static int Main()
    {
        Animal[] dogs = new Dog[2];
        int code = 10;
        Put(dogs, 0, new Dog());
        try { Put(dogs, 1, new Cat()); code += 1; }
        catch (ArrayTypeMismatchException) { code += 20; }
        try { object o = "s"; int n = (int)o; code += n; }
        catch (InvalidCastException) { code += 5; }
        try { Animal a = null; a.GetHashCode(); }
        catch (NullReferenceException) { code += 7; }
        return code + (dogs[1] == null ? 100 : 0);
    }
}
