using System.Globalization;

namespace EdgeAgent.FleetBench;

/// <summary>The command line: <c>--predictions N --batch N --in-flight N --raw N</c>.</summary>
internal sealed record BenchSettings(int Predictions, int BatchSize, int MaxInFlight, int RawMessages)
{
    public const double TargetPredictionsPerSecond = 20_000;

    public static BenchSettings Parse(string[] args)
    {
        int Option(string name, int fallback)
        {
            int at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
        }

        return new BenchSettings(Option("--predictions", 200_000), Option("--batch", 500), Option("--in-flight", 16), Option("--raw", 50_000));
    }
}
