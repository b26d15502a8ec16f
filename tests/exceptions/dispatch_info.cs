// Traces as objects and traces carried elsewhere: new StackTrace(exception) and its frames, and
// ExceptionDispatchInfo (what Task and await use) rethrowing an exception with the frames of where
// it was first thrown, once, twice, and unhandled at the end.
using System;
using System.Diagnostics;
using System.Runtime.ExceptionServices;

static class Dispatch
{
    static int depth;

    static void Deeper(int n)
    {
        depth = n;
        if (n >= 2)
            throw new InvalidOperationException("gave up at level " + n);
        Deeper(n + 1);
    }

    static ExceptionDispatchInfo CaptureOne()
    {
        try
        {
            Deeper(0);
        }
        catch (InvalidOperationException e)
        {
            return ExceptionDispatchInfo.Capture(e);
        }
        return null;
    }

    static void ThrowAgain(ExceptionDispatchInfo info)
    {
        Console.WriteLine("rethrowing after depth " + depth);
        info.Throw();
    }

    static void DescribeFrames(Exception e, int skip)
    {
        var trace = new StackTrace(e, skip);
        Console.WriteLine("frames after skipping " + skip + ": " + trace.FrameCount);
        for (int i = 0; i < trace.FrameCount; i++)
        {
            StackFrame f = trace.GetFrame(i);
            Console.WriteLine("  " + f.GetMethod().DeclaringType.Name + "." + f.GetMethod().Name
                              + " IL " + f.GetILOffset() + " file " + (f.GetFileName() ?? "none")
                              + " line " + f.GetFileLineNumber());
        }
    }

    static int Main()
    {
        try
        {
            Deeper(0);
        }
        catch (Exception e)
        {
            DescribeFrames(e, 0);
            DescribeFrames(e, 2);
            DescribeFrames(e, 10);
        }

        try
        {
            ThrowAgain(CaptureOne());
        }
        catch (InvalidOperationException e)
        {
            Console.WriteLine("caught: " + e.Message);
            Console.WriteLine(e.StackTrace);
        }

        try
        {
            ThrowAgain(CaptureOne());
        }
        catch (Exception first)
        {
            try
            {
                ExceptionDispatchInfo.Capture(first).Throw();
            }
            catch (Exception second)
            {
                Console.WriteLine(second.ToString());
                DescribeFrames(second, 0);
            }
        }

        ThrowAgain(CaptureOne());
        return 0;
    }
}
