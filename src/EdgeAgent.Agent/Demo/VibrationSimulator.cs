namespace EdgeAgent.Agent.Demo;

/// <summary>
/// A rotating machine at 25 Hz: shaft vibration with a harmonic and noise, and a bearing temperature.
/// From <c>faultStartWindow</c> an outer-race defect adds impacts at 87 Hz that ring at 2 kHz and grow
/// window by window, and the bearing warms.
/// </summary>
internal sealed class VibrationSimulator(int sampleRate, int faultStartWindow, int seed)
{
    private const double ShaftHz = 25;
    private const double DefectHz = 87;
    private const double RingHz = 2000;
    private readonly Random _random = new(seed);
    private long _sample;

    public int Window { get; private set; }

    /// <summary>Fills the next window of vibration samples (g) and returns the bearing temperature (°C).</summary>
    public double Next(Span<float> vibration)
    {
        double severity = Window < faultStartWindow ? 0 : (Window - faultStartWindow + 1) * 0.04;
        for (int i = 0; i < vibration.Length; i++, _sample++)
        {
            double t = _sample / (double)sampleRate;
            double value = Math.Sin(2 * Math.PI * ShaftHz * t) + (0.3 * Math.Sin(4 * Math.PI * ShaftHz * t)) + (0.2 * Gaussian());
            if (severity > 0)
            {
                double sinceImpact = t % (1 / DefectHz);
                value += severity * 3 * Math.Exp(-sinceImpact * 1500) * Math.Sin(2 * Math.PI * RingHz * sinceImpact);
            }

            vibration[i] = (float)value;
        }

        Window++;
        return 40 + (0.1 * Gaussian()) + (severity * 2);
    }

    private double Gaussian()
    {
        double u1 = 1 - _random.NextDouble();
        double u2 = _random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
