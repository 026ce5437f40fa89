using System.Globalization;
using System.Text;

namespace EdgeAgent.ModelKit.Tests.Kit;

/// <summary>
/// Seeded raw-sample recordings of the demo machine, written as the CSV <c>train anomaly --samples</c> reads: a
/// <c>timestamp</c> column (seconds) and the channels of deploy/demo/vibration-features.json at 10 kHz.
/// </summary>
internal static class VibrationRecording
{
    public const double SampleRate = 10_000;

    /// <summary>Outer-race defect frequency: one impact every 1/87 s.</summary>
    private const double DefectHz = 87;

    /// <summary>The structural resonance an impact rings at.</summary>
    private const double RingHz = 3000;

    public static IReadOnlyList<string> Channels { get; } = ["vib_x", "vib_y", "vib_z", "temperature", "current"];

    /// <summary>
    /// Writes <paramref name="samples"/> rows. Healthy: per axis a 25 Hz shaft tone, its 50 Hz harmonic and white noise;
    /// temperature 40 °C with noise; motor current 5 A with a 50 Hz ripple. With <paramref name="impactG"/> &gt; 0 a bearing
    /// fault adds short impacts (ringing at 3 kHz, gone within about 2 ms) to every axis, <paramref name="impactG"/> g at the
    /// strongest, from sample <paramref name="faultFrom"/> on. With <paramref name="labelled"/> a last column <c>fault</c>
    /// is 1 for the samples of the fault.
    /// </summary>
    public static void Write(string path, int samples, int seed, double impactG = 0, int faultFrom = 0, bool labelled = false)
    {
        var random = new Random(seed);
        double[] amplitude = [0.5, 0.4, 0.3];
        double[] phase = [0, 1.1, 2.3];
        double[] impactShare = [1.0, 0.7, 0.5];
        var text = new StringBuilder(samples * 64);
        text.Append("timestamp,").AppendJoin(',', Channels).Append(labelled ? ",fault\n" : "\n");
        for (int i = 0; i < samples; i++)
        {
            double t = i / SampleRate;
            double sinceImpact = t % (1 / DefectHz);
            double impact = impactG > 0 && i >= faultFrom
                ? impactG * Math.Exp(-sinceImpact * 2500) * Math.Sin(2 * Math.PI * RingHz * sinceImpact)
                : 0;
            text.Append(t.ToString("F4", CultureInfo.InvariantCulture));
            for (int axis = 0; axis < 3; axis++)
            {
                double g = (amplitude[axis] * Math.Sin((2 * Math.PI * 25 * t) + phase[axis]))
                    + (0.3 * amplitude[axis] * Math.Sin((2 * Math.PI * 50 * t) + (2 * phase[axis])))
                    + (0.05 * Gaussian(random))
                    + (impactShare[axis] * impact);
                text.Append(',').Append(g.ToString("F5", CultureInfo.InvariantCulture));
            }

            double temperature = 40 + (0.05 * Gaussian(random));
            double current = 5 + (0.2 * Math.Sin(2 * Math.PI * 50 * t)) + (0.02 * Gaussian(random));
            text.Append(',').Append(temperature.ToString("F4", CultureInfo.InvariantCulture))
                .Append(',').Append(current.ToString("F4", CultureInfo.InvariantCulture));
            text.Append(labelled ? (impactG > 0 && i >= faultFrom ? ",1\n" : ",0\n") : "\n");
        }

        File.WriteAllText(path, text.ToString());
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
