// The sample program of the README: a little of everything the loader has to read.
using System;
using System.Collections.Generic;

namespace Samples
{
    public interface IShape
    {
        double Area { get; }
    }

    public struct Point
    {
        public int X, Y;
        public Point(int x, int y) { X = x; Y = y; }
    }

    public class Circle : IShape
    {
        readonly double radius;
        public Circle(double radius) { this.radius = radius; }
        public double Area { get { return Math.PI * radius * radius; } }
    }

    public static class Program
    {
        static readonly int[] Primes = { 2, 3, 5, 7, 11, 13 };

        static int SumOfSquares(int n)
        {
            int total = 0;
            for (int i = 1; i <= n; i++)
                total += i * i;
            return total;
        }

        static string Classify(int n)
        {
            switch (n % 3)
            {
                case 0: return "fizz";
                case 1: return "one";
                default: return "other";
            }
        }

        public static int Main(string[] args)
        {
            var shapes = new List<IShape> { new Circle(1.0), new Circle(2.0) };
            double area = 0;
            foreach (var s in shapes)
                area += s.Area;
            try
            {
                if (args.Length > 0)
                    throw new ArgumentException("unexpected argument " + args[0]);
            }
            catch (ArgumentException e) when (e.Message.Length > 0)
            {
                Console.WriteLine(e.Message);
            }
            finally
            {
                Console.WriteLine("shapes: " + shapes.Count);
            }
            var p = new Point(3, 4);
            Console.WriteLine(Classify(p.X) + " " + SumOfSquares(Primes[p.Y]) + " " + (int)area);
            return 0;
        }
    }
}
