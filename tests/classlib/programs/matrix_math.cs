// Matrices of doubles: multiplication, transpose, determinant and inverse by Gaussian elimination, formatted output.
using System;
using System.Globalization;
using System.Text;

class Matrix
{
    readonly double[,] a;
    public int Rows { get { return a.GetLength(0); } }
    public int Cols { get { return a.GetLength(1); } }
    public Matrix(int r, int c) { a = new double[r, c]; }
    public Matrix(double[,] values) { a = (double[,])values.Clone(); }
    public double this[int r, int c] { get { return a[r, c]; } set { a[r, c] = value; } }

    public static Matrix Identity(int n) { var m = new Matrix(n, n); for (int i = 0; i < n; i++) m[i, i] = 1; return m; }

    public static Matrix operator *(Matrix x, Matrix y)
    {
        if (x.Cols != y.Rows) throw new ArgumentException("Dimensions do not match: " + x.Cols + " vs " + y.Rows);
        var m = new Matrix(x.Rows, y.Cols);
        for (int i = 0; i < x.Rows; i++)
            for (int j = 0; j < y.Cols; j++)
            {
                double s = 0;
                for (int k = 0; k < x.Cols; k++) s += x[i, k] * y[k, j];
                m[i, j] = s;
            }
        return m;
    }

    public Matrix Transpose()
    {
        var m = new Matrix(Cols, Rows);
        for (int i = 0; i < Rows; i++) for (int j = 0; j < Cols; j++) m[j, i] = a[i, j];
        return m;
    }

    public double Determinant()
    {
        var m = new Matrix(a);
        double det = 1;
        for (int c = 0; c < Rows; c++)
        {
            int pivot = c;
            for (int r = c + 1; r < Rows; r++) if (Math.Abs(m[r, c]) > Math.Abs(m[pivot, c])) pivot = r;
            if (Math.Abs(m[pivot, c]) < 1e-12) return 0;
            if (pivot != c) { m.SwapRows(pivot, c); det = -det; }
            det *= m[c, c];
            for (int r = c + 1; r < Rows; r++)
            {
                double f = m[r, c] / m[c, c];
                for (int k = c; k < Cols; k++) m[r, k] -= f * m[c, k];
            }
        }
        return det;
    }

    public Matrix Inverse()
    {
        int n = Rows;
        var m = new Matrix(a);
        var inv = Identity(n);
        for (int c = 0; c < n; c++)
        {
            int pivot = c;
            for (int r = c + 1; r < n; r++) if (Math.Abs(m[r, c]) > Math.Abs(m[pivot, c])) pivot = r;
            if (Math.Abs(m[pivot, c]) < 1e-12) throw new InvalidOperationException("Matrix is singular.");
            m.SwapRows(pivot, c); inv.SwapRows(pivot, c);
            double p = m[c, c];
            for (int k = 0; k < n; k++) { m[c, k] /= p; inv[c, k] /= p; }
            for (int r = 0; r < n; r++)
            {
                if (r == c) continue;
                double f = m[r, c];
                for (int k = 0; k < n; k++) { m[r, k] -= f * m[c, k]; inv[r, k] -= f * inv[c, k]; }
            }
        }
        return inv;
    }

    void SwapRows(int i, int j)
    {
        for (int k = 0; k < Cols; k++) { double t = a[i, k]; a[i, k] = a[j, k]; a[j, k] = t; }
    }

    public override string ToString()
    {
        var sb = new StringBuilder();
        for (int i = 0; i < Rows; i++)
        {
            sb.Append('[');
            for (int j = 0; j < Cols; j++)
                sb.Append((Math.Abs(a[i, j]) < 5e-10 ? 0.0 : a[i, j]).ToString("F4", CultureInfo.InvariantCulture).PadLeft(10));
            sb.Append(" ]\n");
        }
        return sb.ToString();
    }
}

static class Program
{
    static void Main()
    {
        var a = new Matrix(new double[,] { { 4, 7, 2 }, { 3, 6, 1 }, { 2, 5, 3 } });
        var b = new Matrix(new double[,] { { 1, 2 }, { 0, 1 }, { -1, 3 } });
        Console.Write("A\n" + a + "B\n" + b + "A*B\n" + (a * b) + "B^T\n" + b.Transpose());
        Console.WriteLine("det A " + a.Determinant().ToString("R", CultureInfo.InvariantCulture));
        var inv = a.Inverse();
        Console.Write("inverse\n" + inv + "A * inverse\n" + (a * inv));
        var hilbert = new Matrix(5, 5);
        for (int i = 0; i < 5; i++) for (int j = 0; j < 5; j++) hilbert[i, j] = 1.0 / (i + j + 1);
        Console.WriteLine("hilbert det " + hilbert.Determinant().ToString("E6", CultureInfo.InvariantCulture));
        Console.Write("hilbert inverse\n" + hilbert.Inverse());
        var rot = new Matrix(new double[,] { { Math.Cos(Math.PI / 6), -Math.Sin(Math.PI / 6) }, { Math.Sin(Math.PI / 6), Math.Cos(Math.PI / 6) } });
        var p = new Matrix(new double[,] { { 1 }, { 0 } });
        for (int i = 0; i < 12; i++) p = rot * p;
        Console.Write("rotated 360 degrees\n" + p);
        try { var bad = b * b; }
        catch (ArgumentException ex) { Console.WriteLine("bad product: " + ex.Message); }
        try { new Matrix(new double[,] { { 1, 2 }, { 2, 4 } }).Inverse(); }
        catch (InvalidOperationException ex) { Console.WriteLine("singular: " + ex.Message); }
        var fib = new Matrix(new double[,] { { 1, 1 }, { 1, 0 } });
        var power = Matrix.Identity(2);
        for (int i = 0; i < 50; i++) power = power * fib;
        Console.WriteLine("fib(50) via matrix " + power[0, 1].ToString("F0", CultureInfo.InvariantCulture));
    }
}
