// Events and delegates in a whole program: an event bus with multicast handlers added and removed
// (static, instance, struct and lambda handlers), generic event arguments, handler interfaces,
// delegates stored in dictionaries-free tables, and enum-keyed dispatch. Exit code: a checksum.
using System;
using System.Collections.Generic;

public enum Topic { Price, Volume, Halt }

public class Tick : EventArgs
{
    public Topic Topic; public long Value;
    public Tick(Topic t, long v) { Topic = t; Value = v; }
}

public interface IListener { void On(object sender, Tick t); long Total { get; } }

public class Bus
{
    public event EventHandler<Tick> Ticked;
    readonly Action<Tick>[] byTopic = new Action<Tick>[3];
    public void Subscribe(Topic t, Action<Tick> a) { byTopic[(int)t] += a; }
    public void Unsubscribe(Topic t, Action<Tick> a) { byTopic[(int)t] -= a; }
    public int Publish(Tick t)
    {
        EventHandler<Tick> h = Ticked;
        if (h != null) h(this, t);
        Action<Tick> a = byTopic[(int)t.Topic];
        if (a != null) { a(t); return a.GetInvocationList().Length; }
        return 0;
    }
}

public class Summer : IListener
{
    long total;
    public void On(object sender, Tick t) { total += t.Value; }
    public long Total { get { return total; } }
}

public class Maxer : IListener
{
    long max = long.MinValue;
    public void On(object sender, Tick t) { if (t.Value > max) max = t.Value; }
    public long Total { get { return max; } }
}

public struct Counter
{
    public int N;
    public void Count(Tick t) { N++; }
}

public static class Program
{
    static long statics;
    static void Static(Tick t) { statics += (int)t.Topic + 1; }

    public static int Main()
    {
        Bus bus = new Bus();
        List<IListener> listeners = new List<IListener> { new Summer(), new Maxer(), new Summer() };
        foreach (IListener l in listeners) bus.Ticked += l.On;
        Counter c = new Counter();
        Action<Tick> counting = c.Count;                  // a boxed copy of c
        long lambdaSum = 0;
        Action<Tick> lambda = t => lambdaSum += t.Value * 3;
        bus.Subscribe(Topic.Price, Static);
        bus.Subscribe(Topic.Price, counting);
        bus.Subscribe(Topic.Volume, lambda);
        bus.Subscribe(Topic.Volume, Static);
        long check = 0;
        for (int i = 0; i < 200; i++)
        {
            Topic topic = (Topic)(i % 3);
            if (i == 100) { bus.Unsubscribe(Topic.Price, Static); bus.Ticked -= listeners[1].On; }
            if (i == 150) bus.Unsubscribe(Topic.Volume, lambda);
            check += bus.Publish(new Tick(topic, (i * 37) % 101 - 20)) * (i + 1);
        }
        foreach (IListener l in listeners) check = check * 7 + l.Total;
        check += statics * 11 + lambdaSum * 13 + c.N * 17;
        return (int)((check & 0x7FFFFFFF) % 239) + 2;
    }
}
