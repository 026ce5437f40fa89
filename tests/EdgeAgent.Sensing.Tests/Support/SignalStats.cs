namespace EdgeAgent.Sensing.Tests.Support;

/// <summary>The tests' own signal statistics, independent of the code under test.</summary>
internal static class SignalStats
{
    public static double Mean(double[] x) => x.Sum() / x.Length;

    public static double Rms(double[] x) => Math.Sqrt(x.Sum(v => v * v) / x.Length);

    /// <summary>Fourth standardized moment (3 for a Gaussian, 1.5 for a sine).</summary>
    public static double Kurtosis(double[] x)
    {
        double mean = Mean(x);
        double m2 = x.Sum(v => Math.Pow(v - mean, 2)) / x.Length;
        double m4 = x.Sum(v => Math.Pow(v - mean, 4)) / x.Length;
        return m4 / (m2 * m2);
    }

    /// <summary>Peak |x| over RMS.</summary>
    public static double CrestFactor(double[] x) => x.Max(Math.Abs) / Rms(x);

    /// <summary>Amplitude of the component at <paramref name="hz"/> (one DFT bin; exact when the window holds whole cycles).</summary>
    public static double Amplitude(double[] x, double hz, double sampleRate)
    {
        double re = 0;
        double im = 0;
        for (int n = 0; n < x.Length; n++)
        {
            double angle = 2 * Math.PI * hz * n / sampleRate;
            re += x[n] * Math.Cos(angle);
            im -= x[n] * Math.Sin(angle);
        }

        return 2 * Math.Sqrt((re * re) + (im * im)) / x.Length;
    }

    /// <summary>Mean-square energy (g²) of the DFT bins from <paramref name="lowHz"/> to <paramref name="highHz"/>, by Goertzel per bin.</summary>
    public static double BandEnergy(double[] x, double lowHz, double highHz, double sampleRate)
    {
        int n = x.Length;
        int first = (int)Math.Ceiling(lowHz * n / sampleRate);
        int last = (int)Math.Floor(highHz * n / sampleRate);
        double energy = 0;
        for (int k = first; k <= last; k++)
        {
            double coefficient = 2 * Math.Cos(2 * Math.PI * k / n);
            double s1 = 0;
            double s2 = 0;
            foreach (double v in x)
            {
                double s = v + (coefficient * s1) - s2;
                s2 = s1;
                s1 = s;
            }

            double power = (s1 * s1) + (s2 * s2) - (coefficient * s1 * s2);

            // |X_k|² / N² per bin, doubled for the mirrored negative frequency: the bin's share of mean(x²).
            energy += 2 * power / ((double)n * n);
        }

        return energy;
    }
}
