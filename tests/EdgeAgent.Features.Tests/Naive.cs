namespace EdgeAgent.Features.Tests;

/// <summary>
/// Independent textbook computations of each feature, written differently from the agent's (other formulas,
/// LINQ, a direct DFT) so that a shared mistake is unlikely.
/// </summary>
internal static class Naive
{
    public static double Feature(string declared, double[] x, double sampleRate = 0)
    {
        string[] parts = declared.Split(':');
        int n = x.Length;
        double mean = x.Average();
        double Moment(int k) => x.Select(v => Math.Pow(v - mean, k)).Sum() / n;
        return parts[0] switch
        {
            "value" or "last" => x[^1],
            "mean" => mean,
            "std" => Math.Sqrt(Moment(2)),
            "min" => x.Min(),
            "max" => x.Max(),
            "rms" => Math.Sqrt(x.Select(v => v * v).Average()),
            "peak" => x.Max(Math.Abs),
            "peak_to_peak" => x.Max() - x.Min(),
            "crest" => x.Max(Math.Abs) / Math.Sqrt(x.Select(v => v * v).Average()),
            "kurtosis" => Moment(4) / Math.Pow(Moment(2), 2),
            "skewness" => Moment(3) / Math.Pow(Moment(2), 1.5),
            "slope" => ClosedFormSlope(x),
            "ewma" => WeightedEwma(x, double.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture)),
            "recent_mean" => x.TakeLast(int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture)).Average(),
            "band_energy" => DftBand(x, sampleRate, parts[1]),
            _ => throw new ArgumentException(declared),
        };
    }

    /// <summary>(nΣtx − ΣtΣx) / (nΣt² − (Σt)²).</summary>
    private static double ClosedFormSlope(double[] x)
    {
        int n = x.Length;
        double st = 0, sx = 0, stx = 0, stt = 0;
        for (int t = 0; t < n; t++)
        {
            st += t;
            sx += x[t];
            stx += t * x[t];
            stt += (double)t * t;
        }

        return ((n * stx) - (st * sx)) / ((n * stt) - (st * st));
    }

    /// <summary>(1−α)^(n−1)·x₀ + Σₜ α(1−α)^(n−1−t)·xₜ.</summary>
    private static double WeightedEwma(double[] x, double alpha)
    {
        int n = x.Length;
        double e = Math.Pow(1 - alpha, n - 1) * x[0];
        for (int t = 1; t < n; t++)
        {
            e += alpha * Math.Pow(1 - alpha, n - 1 - t) * x[t];
        }

        return e;
    }

    /// <summary>Direct DFT of the window zero-padded to a power of two; one-sided power in LO ≤ f &lt; HI (Nyquist included at the top).</summary>
    private static double DftBand(double[] x, double rate, string band)
    {
        string[] edges = band.Split('-');
        double low = double.Parse(edges[0], System.Globalization.CultureInfo.InvariantCulture);
        double high = double.Parse(edges[1], System.Globalization.CultureInfo.InvariantCulture);
        int size = 1;
        while (size < x.Length)
        {
            size *= 2;
        }

        double sum = 0;
        for (int k = 0; k <= size / 2; k++)
        {
            double f = k * rate / size;
            bool inBand = (f >= low - 1e-9 && f < high - 1e-9) || (k == size / 2 && high >= rate / 2);
            if (!inBand)
            {
                continue;
            }

            double re = 0, im = 0;
            for (int t = 0; t < x.Length; t++)
            {
                re += x[t] * Math.Cos(2 * Math.PI * k * t / size);
                im -= x[t] * Math.Sin(2 * Math.PI * k * t / size);
            }

            double weight = k == 0 || 2 * k == size ? 1 : 2;
            sum += weight * ((re * re) + (im * im));
        }

        return sum / ((double)size * x.Length);
    }
}
