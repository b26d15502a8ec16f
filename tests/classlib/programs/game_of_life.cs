// Conway's Game of Life on a 2-D array: generations printed, population counts, a glider's period.
using System;
using System.Text;

static class Program
{
    static bool[,] Step(bool[,] grid)
    {
        int rows = grid.GetLength(0), cols = grid.GetLength(1);
        var next = new bool[rows, cols];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++)
            {
                int n = 0;
                for (int dr = -1; dr <= 1; dr++)
                    for (int dc = -1; dc <= 1; dc++)
                        if ((dr != 0 || dc != 0) && grid[(r + dr + rows) % rows, (c + dc + cols) % cols]) n++;
                next[r, c] = grid[r, c] ? n == 2 || n == 3 : n == 3;
            }
        return next;
    }

    static string Render(bool[,] grid)
    {
        var sb = new StringBuilder();
        for (int r = 0; r < grid.GetLength(0); r++)
        {
            for (int c = 0; c < grid.GetLength(1); c++)
                sb.Append(grid[r, c] ? '#' : '.');
            sb.AppendLine();
        }
        return sb.ToString();
    }

    static int Population(bool[,] grid)
    {
        int n = 0;
        foreach (bool alive in grid) if (alive) n++;
        return n;
    }

    static bool[,] Parse(params string[] rows)
    {
        var g = new bool[rows.Length, rows[0].Length];
        for (int r = 0; r < rows.Length; r++)
            for (int c = 0; c < rows[r].Length; c++)
                g[r, c] = rows[r][c] == '#';
        return g;
    }

    static void Main()
    {
        var glider = Parse(".#......", "..#.....", "###.....", "........", "........", "........");
        for (int gen = 0; gen <= 4; gen++)
        {
            Console.WriteLine("generation " + gen + " population " + Population(glider));
            Console.Write(Render(glider));
            glider = Step(glider);
        }
        var blinker = Parse(".....", "..#..", "..#..", "..#..", ".....");
        var once = Step(blinker);
        Console.Write("blinker\n" + Render(once));
        Console.WriteLine("period 2 " + (Render(Step(once)) == Render(blinker)));
        var rng = new Random(1234);
        var soup = new bool[20, 30];
        for (int r = 0; r < 20; r++)
            for (int c = 0; c < 30; c++)
                soup[r, c] = rng.Next(3) == 0;
        var pops = new int[50];
        for (int i = 0; i < 50; i++) { pops[i] = Population(soup); soup = Step(soup); }
        Console.WriteLine("soup populations " + string.Join(" ", pops));
        Console.Write(Render(soup));
    }
}
