// lock/Monitor and Interlocked on one thread, thread-static and thread identity, volatile fields, a reentrant lock.
using System;
using System.Collections.Generic;
using System.Threading;

static class Program
{
    static readonly object gate = new object();
    static int counter;
    static long total;
    static volatile bool flag;
    [ThreadStatic] static int perThread;

    static int Recurse(int depth)
    {
        lock (gate)
        {
            return depth == 0 ? 0 : 1 + Recurse(depth - 1);
        }
    }

    static void Main()
    {
        for (int i = 0; i < 1000; i++)
            lock (gate) counter++;
        Console.WriteLine("counter " + counter + " reentrant depth " + Recurse(5));
        Console.WriteLine("is entered " + Monitor.IsEntered(gate));
        Monitor.Enter(gate);
        Console.WriteLine("entered " + Monitor.IsEntered(gate));
        Monitor.Exit(gate);
        bool taken = false;
        Monitor.TryEnter(gate, ref taken);
        Console.WriteLine("try enter " + taken);
        if (taken) Monitor.Exit(gate);
        try { Monitor.Exit(gate); }
        catch (SynchronizationLockException ex) { Console.WriteLine("exit without enter: " + ex.GetType().Name); }
        Console.WriteLine("increment " + Interlocked.Increment(ref counter) + " decrement " + Interlocked.Decrement(ref counter) + " add " + Interlocked.Add(ref total, 5000000000L));
        Console.WriteLine("exchange " + Interlocked.Exchange(ref counter, 7) + " now " + counter + " compare-exchange " + Interlocked.CompareExchange(ref counter, 9, 7) + " now " + counter + " failed " + Interlocked.CompareExchange(ref counter, 1, 7) + " now " + counter);
        string s = "a";
        Console.WriteLine("exchange ref " + Interlocked.Exchange(ref s, "b") + " " + s + " read " + Interlocked.Read(ref total));
        double d = 1.5;
        Console.WriteLine("exchange double " + Interlocked.CompareExchange(ref d, 2.5, 1.5) + " " + d);
        flag = true;
        Volatile.Write(ref counter, 42);
        Console.WriteLine("volatile " + flag + " " + Volatile.Read(ref counter));
        perThread = 5;
        var t = Thread.CurrentThread;
        Console.WriteLine("thread static " + perThread + " managed id positive " + (t.ManagedThreadId > 0) + " alive " + t.IsAlive + " background " + t.IsBackground);
        t.Name = "main-worker";
        Console.WriteLine("name " + Thread.CurrentThread.Name);
        Thread.Sleep(1);
        Thread.MemoryBarrier();
        var lazy = LazyInitializer.EnsureInitialized(ref cache, () => new List<int> { 1, 2, 3 });
        Console.WriteLine("lazy initializer " + lazy.Count + " same " + ReferenceEquals(lazy, LazyInitializer.EnsureInitialized(ref cache, () => new List<int>())));
        using (var rw = new ReaderWriterLockSlim())
        {
            rw.EnterReadLock();
            Console.WriteLine("read lock held " + rw.IsReadLockHeld + " count " + rw.CurrentReadCount);
            rw.ExitReadLock();
            rw.EnterWriteLock();
            Console.WriteLine("write lock held " + rw.IsWriteLockHeld);
            rw.ExitWriteLock();
        }
        var mre = new ManualResetEventSlim(true);
        Console.WriteLine("event set " + mre.IsSet + " wait " + mre.Wait(0));
        mre.Reset();
        Console.WriteLine("after reset " + mre.IsSet + " wait " + mre.Wait(0));
        var sem = new SemaphoreSlim(2);
        sem.Wait(); 
        Console.WriteLine("semaphore " + sem.CurrentCount + " try " + sem.Wait(0) + " " + sem.Wait(0) + " release " + sem.Release(2) + " " + sem.CurrentCount);
        var cts = new CancellationTokenSource();
        int called = 0;
        cts.Token.Register(() => called++);
        Console.WriteLine("cancel before " + cts.IsCancellationRequested);
        cts.Cancel();
        Console.WriteLine("cancel after " + cts.IsCancellationRequested + " callbacks " + called);
        try { cts.Token.ThrowIfCancellationRequested(); }
        catch (OperationCanceledException ex) { Console.WriteLine("cancelled: " + ex.Message); }
    }

    static List<int> cache;
}
