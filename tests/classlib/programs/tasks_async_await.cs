// Tasks and async/await: Task.Run, Task.Yield, awaits in sequence, WhenAll/WhenAny, exceptions
// (awaited and as AggregateException), ContinueWith, TaskCompletionSource, an async Main.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

class Program
{
    static async Task<int> SquareAsync(int x)
    {
        await Task.Yield();
        return x * x;
    }

    static async Task<int> SumSquaresAsync(int n)
    {
        int sum = 0;
        for (int i = 1; i <= n; i++)
            sum += await SquareAsync(i);
        return sum;
    }

    static async Task FailAsync(string message)
    {
        await Task.Yield();
        throw new InvalidOperationException(message);
    }

    static async Task<string> ChainAsync()
    {
        string s = await Task.Run(() => "a");
        s += await Task.FromResult("b");
        await Task.Yield();
        s += await Task.Run(async () => { await Task.Yield(); return "c"; });
        return s;
    }

    // what the C# compiler generates for `async Task<int> Main` (mcs has no async Main)
    static int Main() { return MainAsync().GetAwaiter().GetResult(); }

    static async Task<int> MainAsync()
    {
        Console.WriteLine("start");
        Console.WriteLine("run: " + await Task.Run(() => 6 * 7));
        Console.WriteLine("sum of squares: " + await SumSquaresAsync(10));
        Console.WriteLine("chain: " + await ChainAsync());

        var tasks = Enumerable.Range(1, 8).Select(i => Task.Run(() => i * 10)).ToArray();
        int[] results = await Task.WhenAll(tasks);
        Console.WriteLine("whenall: " + string.Join(",", results));

        var computed = new List<Task<int>>();
        for (int i = 0; i < 5; i++)
            computed.Add(SquareAsync(i + 1));
        Console.WriteLine("whenall async: " + string.Join(",", await Task.WhenAll(computed)));

        Task<int> first = await Task.WhenAny(Task.FromResult(7));
        Console.WriteLine("whenany: " + first.Result);

        try
        {
            await FailAsync("awaited failure");
        }
        catch (InvalidOperationException e)
        {
            Console.WriteLine("caught: " + e.Message);
        }

        Task failing = Task.Run(() => { throw new ArgumentException("from Task.Run"); });
        try
        {
            failing.Wait();
        }
        catch (AggregateException e)
        {
            Console.WriteLine("aggregate: " + e.InnerExceptions.Count + " " + e.InnerException.GetType().Name + ": " + e.InnerException.Message);
        }
        Console.WriteLine("faulted: " + failing.IsFaulted + " " + failing.Status);

        try
        {
            int r = Task.Run(new Func<int>(() => { throw new DivideByZeroException("no result"); })).Result;
            Console.WriteLine(r);
        }
        catch (AggregateException e)
        {
            Console.WriteLine("result: " + e.InnerException.Message);
        }

        try
        {
            await Task.WhenAll(FailAsync("one"), FailAsync("two"), Task.Run(() => 1));
        }
        catch (InvalidOperationException e)
        {
            Console.WriteLine("whenall first: " + e.Message);
        }

        var both = Task.WhenAll(FailAsync("x"), FailAsync("y"));
        try { both.Wait(); }
        catch (AggregateException e)
        {
            Console.WriteLine("whenall all: " + string.Join(",", e.InnerExceptions.Select(x => x.Message)));
        }

        var cont = Task.Run(() => 5).ContinueWith(t => t.Result + 1).ContinueWith(t => "continued " + t.Result);
        Console.WriteLine(cont.Result);

        var onFault = Task.Run(() => { throw new Exception("boom"); })
            .ContinueWith(t => "fault seen: " + t.Exception.InnerException.Message, TaskContinuationOptions.OnlyOnFaulted);
        Console.WriteLine(await onFault);

        int counter = 0;
        using (var done = new CountdownEvent(4))
        {
            for (int i = 1; i <= 4; i++)
                ThreadPool.QueueUserWorkItem(state => { Interlocked.Add(ref counter, (int)state); done.Signal(); }, i);
            done.Wait();
        }
        Console.WriteLine("work items: " + counter);

        var mres = new ManualResetEventSlim(false);
        string message = null;
        ThreadPool.QueueUserWorkItem(_ => { message = "set by work item"; mres.Set(); });
        mres.Wait();
        Console.WriteLine(message);

        var tcs = new TaskCompletionSource<string>();
        Task.Run(() => tcs.SetResult("completed source"));
        Console.WriteLine(await tcs.Task);

        var nested = Task.Run(() => Task.Run(() => 3).Result + Task.Run(async () => await SquareAsync(4)).Result);
        Console.WriteLine("nested: " + nested.Result);

        Task unwrapped = Task.Run(async () => { await Task.Yield(); Console.WriteLine("async lambda ran"); });
        await unwrapped;

        var lazy = new Lazy<Task<int>>(() => SumSquaresAsync(3));
        Console.WriteLine("lazy: " + await lazy.Value);

        Console.WriteLine("delay zero: " + Task.Delay(0).IsCompleted);
        Console.WriteLine("done");
        return 3;
    }
}
