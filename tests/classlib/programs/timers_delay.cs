// Timers on clrpy's one thread: Task.Delay in sequence and in WhenAll, a periodic
// System.Threading.Timer, CancellationTokenSource.CancelAfter, timers changed and disposed.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

class TimersDelay
{
    static async Task<int> DelayedValue(int ms, int value, List<int> order)
    {
        await Task.Delay(ms);
        lock (order) order.Add(value);
        return value;
    }

    static async Task Sequence()
    {
        var sw = Stopwatch.StartNew();
        for (int i = 0; i < 3; i++) {
            await Task.Delay(30);
            Console.WriteLine("delay " + i + " done");
        }
        Console.WriteLine("three delays took at least 90 ms: " + (sw.ElapsedMilliseconds >= 88));
    }

    static async Task WhenAllOrder()
    {
        var order = new List<int>();
        int[] results = await Task.WhenAll(DelayedValue(120, 3, order), DelayedValue(20, 1, order),
                                           DelayedValue(70, 2, order));
        Console.WriteLine("results: " + string.Join(",", results));
        Console.WriteLine("completion order: " + string.Join(",", order));
        Task first = await Task.WhenAny(Task.Delay(200), Task.Delay(10), Task.Delay(100));
        Console.WriteLine("WhenAny finished a task: " + first.IsCompleted);
    }

    static void PeriodicTimer()
    {
        int ticks = 0;
        Timer timer = null;
        using (var done = new ManualResetEventSlim(false)) {
            timer = new Timer(state => {
                int n = Interlocked.Increment(ref ticks);
                if (n > 3) return;
                Console.WriteLine("tick " + n + " state " + state);
                if (n == 3) {
                    timer.Dispose();
                    done.Set();
                }
            }, "s", 20, 15);
            done.Wait();
        }
        Thread.Sleep(60);                   // a callback queued before Dispose has run by now
        int before = ticks;
        Thread.Sleep(60);
        Console.WriteLine("no tick after dispose: " + (ticks == before));
    }

    static void CountdownTimers()
    {
        using (var countdown = new CountdownEvent(3)) {
            var timers = new List<Timer>();
            for (int i = 1; i <= 3; i++) {
                timers.Add(new Timer(_ => { countdown.Signal(); }, null, 10 * i, Timeout.Infinite));
            }
            countdown.Wait();
            Console.WriteLine("countdown reached zero: " + countdown.IsSet);
            foreach (var t in timers) t.Dispose();
        }
    }

    static void ChangedTimer()
    {
        int fired = 0;
        var timer = new Timer(_ => Interlocked.Increment(ref fired), null, Timeout.Infinite, Timeout.Infinite);
        Thread.Sleep(30);
        Console.WriteLine("disabled timer fired: " + fired);
        timer.Change(10, Timeout.Infinite);
        Thread.Sleep(80);
        Console.WriteLine("changed timer fired: " + fired);
        timer.Dispose();
        Console.WriteLine("Change after Dispose: " + Catch(() => timer.Change(10, 10)));
    }

    static string Catch(Action a)
    {
        try { a(); return "no exception"; }
        catch (Exception e) { return e.GetType().Name; }
    }

    static async Task CancelAfter()
    {
        using (var cts = new CancellationTokenSource()) {
            cts.CancelAfter(30);
            try {
                await Task.Delay(5000, cts.Token);
                Console.WriteLine("not cancelled");
            } catch (TaskCanceledException e) {
                Console.WriteLine("cancelled: " + e.Message);
            }
            Console.WriteLine("token cancelled: " + cts.IsCancellationRequested);
        }
        var cts2 = new CancellationTokenSource(20);
        var reg = new TaskCompletionSource<string>();
        cts2.Token.Register(() => reg.SetResult("callback ran"));
        Console.WriteLine(await reg.Task);
    }

    static void BlockingWaitOnDelay()
    {
        Console.WriteLine("Wait(ms) on a long delay: " + Task.Delay(1000).Wait(20));
        Console.WriteLine("Wait on a short delay: " + Task.Delay(20).Wait(2000));
        Task.Delay(15).Wait();
        Console.WriteLine("Delay(15).Wait() returned");
    }

    static void Main()
    {
        Run().GetAwaiter().GetResult();
    }

    static async Task Run()
    {
        await Sequence();
        await WhenAllOrder();
        PeriodicTimer();
        CountdownTimers();
        ChangedTimer();
        await CancelAfter();
        BlockingWaitOnDelay();
        Console.WriteLine("done");
    }
}
