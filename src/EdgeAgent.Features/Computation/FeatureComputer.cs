namespace EdgeAgent.Features.Computation;

/// <summary>
/// Computes a <see cref="FeaturePlan"/>'s values from one window of every channel. Buffers are made once, so a
/// computation allocates nothing. Not thread-safe: use one per pipeline.
/// </summary>
public sealed class FeatureComputer
{
    private readonly FeaturePlan _plan;
    private readonly Fft? _fft;
    private readonly double[] _re;
    private readonly double[] _im;

    public FeatureComputer(FeaturePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        _plan = plan;
        _fft = plan.FftSize > 0 ? new Fft(plan.FftSize) : null;
        _re = new double[plan.FftSize];
        _im = new double[plan.FftSize];
    }

    public FeaturePlan Plan => _plan;

    /// <summary>
    /// Writes the <see cref="FeaturePlan.Width"/> values into <paramref name="output"/>. <paramref name="windows"/> holds each
    /// channel's window in plan order, oldest sample first: channel c's sample t at <c>c * Window + t</c>.
    /// </summary>
    /// <exception cref="ArgumentException">A span has the wrong length.</exception>
    public void Compute(ReadOnlySpan<double> windows, Span<float> output)
    {
        int window = _plan.Window;
        if (windows.Length != _plan.WindowsLength)
        {
            throw new ArgumentException($"The windows span holds {windows.Length} samples; the plan needs {_plan.Channels.Count} channels × {window}.", nameof(windows));
        }

        if (output.Length != _plan.Width)
        {
            throw new ArgumentException($"The output span holds {output.Length} values; the plan yields {_plan.Width}.", nameof(output));
        }

        IReadOnlyList<PlannedFeature> features = _plan.Features;
        int spectrumOf = -1;
        for (int i = 0; i < features.Count; i++)
        {
            PlannedFeature f = features[i];
            ReadOnlySpan<double> x = windows.Slice(f.ChannelIndex * window, window);
            if (f.Kind == FeatureKind.BandEnergy && spectrumOf != f.ChannelIndex)
            {
                PowerSpectrum(x);
                spectrumOf = f.ChannelIndex;
            }

            output[i] = (float)Value(f, x);
        }

        IReadOnlyList<PlannedDerived> derived = _plan.Derived;
        for (int d = 0; d < derived.Count; d++)
        {
            PlannedDerived op = derived[d];
            double a = windows[(op.A * window) + window - 1];
            double b = windows[(op.B * window) + window - 1];
            output[features.Count + d] = (float)op.Compute(a, b);
        }
    }

    private double Value(PlannedFeature f, ReadOnlySpan<double> x) => f.Kind switch
    {
        FeatureKind.Value or FeatureKind.Last => x[^1],
        FeatureKind.Mean => WindowStatistics.Mean(x),
        FeatureKind.Std => WindowStatistics.Std(x),
        FeatureKind.Min => WindowStatistics.Min(x),
        FeatureKind.Max => WindowStatistics.Max(x),
        FeatureKind.Rms => WindowStatistics.Rms(x),
        FeatureKind.Peak => WindowStatistics.Peak(x),
        FeatureKind.PeakToPeak => WindowStatistics.Max(x) - WindowStatistics.Min(x),
        FeatureKind.Crest => WindowStatistics.Crest(x),
        FeatureKind.Kurtosis => WindowStatistics.Kurtosis(x),
        FeatureKind.Skewness => WindowStatistics.Skewness(x),
        FeatureKind.Slope => WindowStatistics.Slope(x),
        FeatureKind.Ewma => WindowStatistics.Ewma(x, f.Parameter),
        FeatureKind.RecentMean => WindowStatistics.RecentMean(x, (int)f.Parameter),
        FeatureKind.BandEnergy => BandEnergy(f, x.Length),
        _ => throw new InvalidOperationException($"Feature kind {f.Kind} has no computation."),
    };

    /// <summary>Leaves |Xₖ|² of the zero-padded window in <c>_re[k]</c> for k = 0 … N/2.</summary>
    private void PowerSpectrum(ReadOnlySpan<double> x)
    {
        x.CopyTo(_re);
        _re.AsSpan(x.Length).Clear();
        _im.AsSpan().Clear();
        _fft!.Forward(_re, _im);
        for (int k = 0; k <= _re.Length / 2; k++)
        {
            _re[k] = (_re[k] * _re[k]) + (_im[k] * _im[k]);
        }
    }

    private double BandEnergy(PlannedFeature f, int length)
    {
        int n = _re.Length;
        double sum = 0;
        for (int k = f.LowBin; k <= f.HighBin; k++)
        {
            bool single = k == 0 || 2 * k == n;
            sum += single ? _re[k] : 2 * _re[k];
        }

        return sum / ((double)n * length);
    }
}
