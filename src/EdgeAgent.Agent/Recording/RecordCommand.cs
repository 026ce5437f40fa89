using System.Globalization;
using EdgeAgent.Agent.Pipeline;
using EdgeAgent.Sensing;
using EdgeAgent.Sensing.Replay;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace EdgeAgent.Agent.Recording;

/// <summary>
/// <c>edgeagent record --seconds N --out FILE [settings]</c>: records the configured sensor source to a CSV file that
/// the model kit trains on and the replay source plays back. Settings are those of the agent
/// (e.g. <c>--Sensors:Source=Iio</c>).
/// </summary>
internal static class RecordCommand
{
    public const string Usage = "usage: edgeagent record --seconds N --out FILE.csv [--Section:Setting=value ...]";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        double? seconds = null;
        string? outPath = null;
        var settings = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--seconds" when i + 1 < args.Length:
                    seconds = double.TryParse(args[++i], NumberStyles.Float, CultureInfo.InvariantCulture, out double s) && s > 0 && double.IsFinite(s) ? s
                        : Fail(error, $"--seconds '{args[i]}' is not a positive number.");
                    break;
                case "--out" when i + 1 < args.Length:
                    outPath = Path.GetFullPath(args[++i]);
                    break;
                case "--help" or "-h":
                    output.WriteLine(Usage);
                    return 0;
                default:
                    settings.Add(args[i]);
                    break;
            }
        }

        if (seconds is null || outPath is null)
        {
            error.WriteLine(Usage);
            return 2;
        }

        try
        {
            using IHost host = AgentHost.CreateBuilder([.. settings], recording: true).Build();
            ISensorSource source = host.Services.GetRequiredService<SensorSourceOpener>()();
            await using (source.ConfigureAwait(false))
            {
                double rate = source.Channels.Select(c => c.SampleRate).FirstOrDefault(r => r is not null) ?? 1;
                long rows = (long)Math.Round(seconds.Value * rate);
                Directory.CreateDirectory(Path.GetDirectoryName(outPath)!);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"recording {rows} rows ({seconds} s at {rate} rows/s) of {source.Name}: {string.Join(", ", source.Channels.Select(c => c.Name))}"));
                long written = await SampleCsvWriter.RecordAsync(source, outPath, rows, CancellationToken.None).ConfigureAwait(false);
                output.WriteLine($"wrote {written} rows to {outPath}");
                return 0;
            }
        }
        catch (Exception ex) when (ex is OptionsValidationException or SensorException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"edgeagent record: {ex.Message}");
            return 1;
        }
    }

    private static double? Fail(TextWriter error, string message)
    {
        error.WriteLine($"edgeagent record: {message}");
        return null;
    }
}
