namespace EdgeAgent.Agent.Demo;

/// <summary>Condition-monitoring features of one window: RMS, peak, crest factor, kurtosis, temperature.</summary>
internal static class WindowFeatures
{
    public const int Count = 5;

    public static readonly string[] Names = ["rms", "peak", "crest", "kurtosis", "temperature"];

    public static void Compute(ReadOnlySpan<float> samples, double temperature, Span<float> features)
    {
        double sum = 0, sumSq = 0, peak = 0;
        foreach (float s in samples)
        {
            sum += s;
            sumSq += s * (double)s;
            peak = Math.Max(peak, Math.Abs(s));
        }

        double n = samples.Length;
        double mean = sum / n;
        double rms = Math.Sqrt(sumSq / n);
        double m2 = 0, m4 = 0;
        foreach (float s in samples)
        {
            double d = s - mean;
            double d2 = d * d;
            m2 += d2;
            m4 += d2 * d2;
        }

        m2 /= n;
        m4 /= n;
        features[0] = (float)rms;
        features[1] = (float)peak;
        features[2] = (float)(rms > 0 ? peak / rms : 0);
        features[3] = (float)(m2 > 0 ? m4 / (m2 * m2) : 0);
        features[4] = (float)temperature;
    }
}
