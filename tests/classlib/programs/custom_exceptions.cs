// Custom exception types, filters, finally ordering, rethrow, nested handlers, exception data and ToString-free reporting.
using System;
using System.Collections.Generic;

class ValidationException : Exception
{
    public string Field { get; private set; }
    public ValidationException(string field, string message) : base(message) { Field = field; }
}

class RetryException : Exception
{
    public int Attempt;
    public RetryException(int attempt, Exception inner) : base("attempt " + attempt + " failed", inner) { Attempt = attempt; }
}

class Account
{
    public decimal Balance { get; private set; }
    public string Owner;
    public Account(string owner, decimal balance) { Owner = owner; Balance = balance; }
    public void Withdraw(decimal amount)
    {
        if (amount <= 0) throw new ArgumentOutOfRangeException("amount", amount, "Withdrawal must be positive.");
        if (amount > Balance) throw new InvalidOperationException("Insufficient funds: balance " + Balance + ", requested " + amount + ".");
        Balance -= amount;
    }
}

static class Program
{
    static List<string> trace = new List<string>();

    static void Validate(string name, int age)
    {
        if (string.IsNullOrEmpty(name)) throw new ValidationException("name", "Name is required.");
        if (age < 0 || age > 150) throw new ValidationException("age", "Age " + age + " is out of range.");
    }

    static int Flaky(int attempt)
    {
        if (attempt < 3) throw new TimeoutException("timed out on " + attempt);
        return attempt * 10;
    }

    static int Level3() { try { trace.Add("L3 try"); throw new NotSupportedException("deep"); } finally { trace.Add("L3 finally"); } }
    static int Level2() { try { return Level3(); } catch (ArgumentException) { trace.Add("L2 wrong catch"); return -1; } finally { trace.Add("L2 finally"); } }
    static int Level1() { try { return Level2(); } catch (NotSupportedException e) when (e.Message == "deep") { trace.Add("L1 caught " + e.Message); return 1; } finally { trace.Add("L1 finally"); } }

    static bool Log(string what) { trace.Add("filter " + what); return false; }

    static void Main()
    {
        foreach (var person in new[] { Tuple.Create("Ann", 30), Tuple.Create("", 5), Tuple.Create("Bob", 200), Tuple.Create((string)null, -1) })
        {
            try { Validate(person.Item1, person.Item2); Console.WriteLine("valid " + person.Item1); }
            catch (ValidationException ex) { Console.WriteLine("invalid " + ex.Field + ": " + ex.Message); }
        }
        int result = 0;
        for (int attempt = 1; ; attempt++)
        {
            try { result = Flaky(attempt); break; }
            catch (TimeoutException ex) when (attempt < 5) { Console.WriteLine("retrying after: " + ex.Message); }
        }
        Console.WriteLine("result " + result);
        Console.WriteLine("levels returned " + Level1() + ": " + string.Join(" > ", trace));
        trace.Clear();
        try
        {
            try { throw new KeyNotFoundException("no key"); }
            catch (Exception ex) when (Log(ex.GetType().Name)) { trace.Add("never"); }
            catch (KeyNotFoundException) { trace.Add("caught, rethrowing"); throw; }
        }
        catch (Exception ex) { trace.Add("outer " + ex.Message); }
        Console.WriteLine(string.Join(" > ", trace));
        try
        {
            try { Flaky(1); }
            catch (Exception ex) { throw new RetryException(1, ex); }
        }
        catch (RetryException ex) { Console.WriteLine(ex.Message + " because " + ex.InnerException.Message + " (" + ex.InnerException.GetType().Name + ") attempt " + ex.Attempt); }
        var acct = new Account("Cy", 100m);
        foreach (var amount in new[] { 30m, -5m, 80m, 70m })
        {
            try { acct.Withdraw(amount); Console.WriteLine("withdrew " + amount + " left " + acct.Balance); }
            catch (ArgumentOutOfRangeException ex) { Console.WriteLine("bad amount " + ex.ActualValue + ": " + ex.Message.Replace(Environment.NewLine, " | ")); }
            catch (InvalidOperationException ex) { Console.WriteLine(ex.Message); }
        }
        var ex2 = new Exception("with data");
        ex2.Data["code"] = 42;
        ex2.Data["where"] = "here";
        Console.WriteLine("data " + ex2.Data.Count + " code " + ex2.Data["code"] + " where " + ex2.Data["where"]);
        Console.WriteLine("source null before throw " + (ex2.StackTrace == null));
        int finallyCount = 0;
        for (int i = 0; i < 5; i++)
        {
            try { if (i % 2 == 0) continue; if (i == 3) break; }
            finally { finallyCount++; }
        }
        Console.WriteLine("finally ran " + finallyCount + " times");
        Console.WriteLine("returns from finally test " + FinallyOverride());
        try { throw new AggregateException("many", new Exception("x"), new InvalidOperationException("y")); }
        catch (AggregateException ex)
        {
            Console.WriteLine("aggregate " + ex.InnerExceptions.Count + " " + ex.InnerExceptions[1].Message);
            ex.Handle(e => { Console.WriteLine("handled " + e.Message); return true; });
        }
        Console.WriteLine("is " + (new ValidationException("f", "m") is Exception) + " hresult " + new Exception().HResult + " " + new ArgumentException().HResult);
    }

    static int FinallyOverride()
    {
        int x = 1;
        try { return x; }
        finally { x = 2; trace.Add("finally set " + x); }
    }
}
