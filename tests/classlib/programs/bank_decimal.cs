// A bank ledger in decimal: interest, rounding modes, currency formatting in several cultures, transaction history with LINQ.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

enum Kind { Deposit, Withdrawal, Interest, Fee }

class Transaction
{
    public DateTime When; public Kind Kind; public decimal Amount;
    public override string ToString() { return string.Format(CultureInfo.InvariantCulture, "{0:yyyy-MM-dd} {1,-10} {2,12:N2}", When, Kind, Amount); }
}

class Account
{
    public readonly string Id;
    public readonly List<Transaction> History = new List<Transaction>();
    public Account(string id) { Id = id; }
    public decimal Balance { get { return History.Sum(t => t.Kind == Kind.Withdrawal || t.Kind == Kind.Fee ? -t.Amount : t.Amount); } }
    public void Post(DateTime when, Kind kind, decimal amount)
    {
        if (amount <= 0) throw new ArgumentOutOfRangeException("amount", "Amounts must be positive.");
        if ((kind == Kind.Withdrawal || kind == Kind.Fee) && amount > Balance)
            throw new InvalidOperationException(string.Format(CultureInfo.InvariantCulture, "Account {0}: insufficient funds for {1:F2} (balance {2:F2}).", Id, amount, Balance));
        History.Add(new Transaction { When = when, Kind = kind, Amount = amount });
    }
}

static class Program
{
    static void Main()
    {
        var acct = new Account("ACC-001");
        var day = new DateTime(2023, 1, 1);
        acct.Post(day, Kind.Deposit, 1000m);
        for (int month = 1; month <= 12; month++)
        {
            var date = day.AddMonths(month).AddDays(-1);
            acct.Post(date.AddDays(-10), Kind.Deposit, 250.25m + month);
            if (month % 3 == 0) acct.Post(date.AddDays(-5), Kind.Withdrawal, 400m);
            decimal interest = Math.Round(acct.Balance * 0.045m / 12, 2, MidpointRounding.AwayFromZero);
            acct.Post(date, Kind.Interest, interest);
            acct.Post(date, Kind.Fee, 1.5m);
        }
        foreach (var t in acct.History.Take(8)) Console.WriteLine(t);
        Console.WriteLine("...");
        Console.WriteLine("transactions " + acct.History.Count + " balance " + acct.Balance.ToString(CultureInfo.InvariantCulture));
        foreach (var g in acct.History.GroupBy(t => t.Kind).OrderBy(g => g.Key))
            Console.WriteLine("{0,-10} count {1,2} total {2,10}", g.Key, g.Count(), g.Sum(t => t.Amount).ToString("F2", CultureInfo.InvariantCulture));
        var quarterly = acct.History.GroupBy(t => (t.When.Month - 1) / 3 + 1).Select(g => "Q" + g.Key + "=" + g.Where(t => t.Kind == Kind.Interest).Sum(t => t.Amount));
        Console.WriteLine("interest by quarter " + string.Join(" ", quarterly));
        try { acct.Post(day, Kind.Withdrawal, 1000000m); }
        catch (InvalidOperationException ex) { Console.WriteLine(ex.Message); }
        try { acct.Post(day, Kind.Deposit, -1m); }
        catch (ArgumentOutOfRangeException ex) { Console.WriteLine(ex.ParamName + ": " + ex.Message.Split('\n')[0].Trim()); }
        decimal price = 1234567.891m;
        foreach (var name in new[] { "en-US", "en-GB", "de-DE", "fr-FR", "es-ES", "it-IT" })
        {
            var c = new CultureInfo(name);
            Console.WriteLine(name + ": " + price.ToString("C", c) + " | " + price.ToString("N2", c) + " | " + (-price).ToString("C0", c) + " | " + 0.256m.ToString("P1", c));
        }
        Console.WriteLine("invariant currency " + price.ToString("C", CultureInfo.InvariantCulture));
        foreach (var v in new[] { 2.345m, 2.355m, -2.345m, 2.5m, 3.5m, -0.5m, 1.005m, 7.125m })
            Console.WriteLine(v + " even " + Math.Round(v, 2) + " away " + Math.Round(v, 2, MidpointRounding.AwayFromZero) + " floor " + Math.Floor(v) + " ceiling " + Math.Ceiling(v) + " truncate " + decimal.Truncate(v));
        decimal third = 1m / 3;
        Console.WriteLine("thirds " + third + " times 3 " + third * 3 + " precision " + (1m / 7).ToString(CultureInfo.InvariantCulture) + " big " + (decimal.MaxValue / 10));
        Console.WriteLine("parse " + decimal.Parse("1.234,56", new CultureInfo("de-DE")) + " " + decimal.Parse("-0.000100", CultureInfo.InvariantCulture) + " scale kept " + 1.10m + " " + (1.10m + 2.205m) + " " + (1.10m * 2.0m));
        try { decimal max = decimal.MaxValue; Console.WriteLine(max + 1); }
        catch (OverflowException ex) { Console.WriteLine("overflow: " + ex.Message); }
        try { decimal zero = 0; Console.WriteLine(1m / zero); }
        catch (DivideByZeroException ex) { Console.WriteLine("divide: " + ex.Message); }
        Console.WriteLine("conversions " + (double)0.1m + " " + (decimal)0.1 + " " + (int)9.99m + " " + decimal.ToInt64(-9.99m) + " " + Convert.ToDecimal("3.5", CultureInfo.InvariantCulture) + " bits " + string.Join(",", decimal.GetBits(-1.5m)));
    }
}
