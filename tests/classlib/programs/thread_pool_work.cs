// The thread pool: work items, Monitor.Wait/Pulse across a work item, Task.WaitAll/WaitAny,
// Parallel loops, cancellation, continuations (clrpy runs the pool cooperatively on its one thread).
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

class Program
{
    static readonly object Gate = new object();
    static readonly Queue<int> Items = new Queue<int>();

    static void Main()
    {
        int min, ports;
        ThreadPool.GetMinThreads(out min, out ports);
        Console.WriteLine("min threads positive: " + (min > 0 && ports > 0));

        // A producer on the pool, the main thread consuming with Monitor.Wait/Pulse.
        ThreadPool.QueueUserWorkItem(_ =>
        {
            for (int i = 1; i <= 3; i++)
                lock (Gate)
                {
                    Items.Enqueue(i * i);
                    Monitor.Pulse(Gate);
                }
        });
        int total = 0;
        lock (Gate)
        {
            for (int got = 0; got < 3; got++)
            {
                while (Items.Count == 0)
                    Monitor.Wait(Gate);
                total += Items.Dequeue();
            }
        }
        Console.WriteLine("consumed: " + total);

        // Work items queued from work items.
        var done = new CountdownEvent(1);
        var order = new List<string>();
        ThreadPool.QueueUserWorkItem(_ =>
        {
            lock (order) order.Add("outer");
            done.AddCount();
            ThreadPool.QueueUserWorkItem(__ => { lock (order) order.Add("inner"); done.Signal(); });
            done.Signal();
        });
        done.Wait();
        order.Sort();
        Console.WriteLine("nested items: " + string.Join(",", order));

        // Generic QueueUserWorkItem and a timed wait that succeeds.
        var signal = new ManualResetEventSlim();
        int seen = 0;
        ThreadPool.QueueUserWorkItem<int>(v => { seen = v; signal.Set(); }, 99, false);
        Console.WriteLine("timed wait: " + signal.Wait(5000) + " " + seen);

        // Task.Factory, explicit Start, WaitAll and WaitAny.
        var t1 = new Task<int>(() => 1);
        t1.Start();
        var t2 = Task.Factory.StartNew(() => 2);
        var t3 = Task.Run(() => 3);
        Task.WaitAll(t1, t2, t3);
        Console.WriteLine("waitall: " + (t1.Result + t2.Result + t3.Result));
        Console.WriteLine("waitany index valid: " + (Task.WaitAny(Task.Run(() => 0)) == 0));

        // Parallel loops run their bodies on the pool and the calling thread.
        long sum = 0;
        Parallel.For(1, 101, i => Interlocked.Add(ref sum, i));
        Console.WriteLine("parallel for: " + sum);
        var squares = new int[10];
        Parallel.ForEach(Enumerable.Range(0, 10), i => squares[i] = i * i);
        Console.WriteLine("parallel foreach: " + string.Join(",", squares));
        int a = 0, b = 0;
        Parallel.Invoke(() => a = 5, () => b = 6);
        Console.WriteLine("parallel invoke: " + (a * b));

        // Cancellation observed by a task.
        var cts = new CancellationTokenSource();
        cts.Cancel();
        var cancelled = Task.Run(() => 1, cts.Token);
        try { cancelled.Wait(); }
        catch (AggregateException e) { Console.WriteLine("cancelled: " + e.InnerException.GetType().Name + " " + cancelled.Status); }

        // Spinning (SpinWait sleeps and yields) lets queued work run, as another thread would.
        bool ran = false;
        ThreadPool.QueueUserWorkItem(_ => ran = true);
        Console.WriteLine("ran while spinning: " + SpinWait.SpinUntil(() => ran, 10000));
        ran = false;
        ThreadPool.QueueUserWorkItem(_ => ran = true);
        Thread.Sleep(1);
        SpinWait.SpinUntil(() => ran, 10000);
        Console.WriteLine("ran after sleep: " + ran);

        var chain = Task.Run(() => 2)
            .ContinueWith(t => t.Result * 10, TaskContinuationOptions.ExecuteSynchronously)
            .ContinueWith(t => { Console.WriteLine("continuation saw " + t.Result); return t.Result + 1; });
        Console.WriteLine("chain: " + chain.Result);
        var unwrapped = Task.Factory.StartNew(() => Task.Run(() => "inner task")).Unwrap();
        Console.WriteLine(unwrapped.Result);
    }
}
