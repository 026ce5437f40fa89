namespace EdgeAgent.Features.Computation;

/// <summary>An in-place iterative radix-2 FFT of one fixed power-of-two length; tables are built once, a transform allocates nothing.</summary>
internal sealed class Fft
{
    private readonly int[] _reversed;
    private readonly double[] _cos;
    private readonly double[] _sin;

    public Fft(int size)
    {
        if (size < 1 || (size & (size - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "The FFT length must be a power of two.");
        }

        Size = size;
        int bits = System.Numerics.BitOperations.Log2((uint)size);
        _reversed = new int[size];
        for (int i = 0; i < size; i++)
        {
            int r = 0;
            for (int b = 0; b < bits; b++)
            {
                r |= ((i >> b) & 1) << (bits - 1 - b);
            }

            _reversed[i] = r;
        }

        _cos = new double[Math.Max(1, size / 2)];
        _sin = new double[Math.Max(1, size / 2)];
        for (int k = 0; k < size / 2; k++)
        {
            double angle = -2 * Math.PI * k / size;
            _cos[k] = Math.Cos(angle);
            _sin[k] = Math.Sin(angle);
        }
    }

    public int Size { get; }

    /// <summary>Xₖ = Σ xₜ·e^(−2πi·k·t/N), in place.</summary>
    public void Forward(Span<double> re, Span<double> im)
    {
        int n = Size;
        for (int i = 0; i < n; i++)
        {
            int j = _reversed[i];
            if (j > i)
            {
                (re[i], re[j]) = (re[j], re[i]);
                (im[i], im[j]) = (im[j], im[i]);
            }
        }

        for (int length = 2; length <= n; length <<= 1)
        {
            int half = length >> 1;
            int stride = n / length;
            for (int start = 0; start < n; start += length)
            {
                for (int k = 0; k < half; k++)
                {
                    double wr = _cos[k * stride];
                    double wi = _sin[k * stride];
                    int a = start + k;
                    int b = a + half;
                    double tr = (re[b] * wr) - (im[b] * wi);
                    double ti = (re[b] * wi) + (im[b] * wr);
                    re[b] = re[a] - tr;
                    im[b] = im[a] - ti;
                    re[a] += tr;
                    im[a] += ti;
                }
            }
        }
    }
}
