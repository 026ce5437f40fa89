using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace EdgeAgent.AgentBench;

/// <summary>
/// The real agent process on the real-time simulator with the local page on: time from process start to the first
/// prediction, and resident memory in steady state while the page is being read.
/// </summary>
internal static partial class ProcessBench
{
    public static async Task<ProcessResult> RunAsync(string agentDll, string packagePath, int seconds, int starts, TextWriter output)
    {
        var firsts = new List<TimeSpan>();
        var reported = new List<TimeSpan>();
        for (int i = 0; i < starts; i++)
        {
            (TimeSpan first, TimeSpan own) = await TimeFirstPredictionAsync(agentDll, packagePath).ConfigureAwait(false);
            output.WriteLine(AgentBench.Invariant($"start {i + 1}: first prediction after {first.TotalSeconds:F2} s (agent's count from process start {own.TotalSeconds:F2} s)"));
            firsts.Add(first);
            reported.Add(own);
        }

        (double steady, double peak) = await MeasureMemoryAsync(agentDll, packagePath, seconds, output).ConfigureAwait(false);
        return new ProcessResult(steady, peak, Median(firsts), Median(reported));
    }

    private static async Task<(TimeSpan Wall, TimeSpan Reported)> TimeFirstPredictionAsync(string agentDll, string packagePath)
    {
        string dir = Directory.CreateTempSubdirectory("edgeagent-start-").FullName;
        var lines = new List<string>();
        var first = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        long started = Stopwatch.GetTimestamp();
        using Process agent = Start(agentDll, packagePath, dir, line =>
        {
            if (line.Contains("First prediction", StringComparison.Ordinal))
            {
                first.TrySetResult(Stopwatch.GetElapsedTime(started));
            }

            lock (lines)
            {
                lines.Add(line);
            }
        });
        try
        {
            TimeSpan wall = await first.Task.WaitAsync(TimeSpan.FromSeconds(60)).ConfigureAwait(false);
            string line;
            lock (lines)
            {
                line = lines.First(l => l.Contains("First prediction", StringComparison.Ordinal));
            }

            return (wall, TimeSpan.Parse(Reported().Match(line).Groups[1].Value, CultureInfo.InvariantCulture));
        }
        finally
        {
            agent.Kill(entireProcessTree: true);
            await agent.WaitForExitAsync().ConfigureAwait(false);
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task<(double SteadyMb, double PeakMb)> MeasureMemoryAsync(string agentDll, string packagePath, int seconds, TextWriter output)
    {
        string dir = Directory.CreateTempSubdirectory("edgeagent-rss-").FullName;
        var url = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        using Process agent = Start(agentDll, packagePath, dir, line =>
        {
            Match m = PageUrl().Match(line);
            if (m.Success)
            {
                url.TrySetResult(m.Groups[1].Value);
            }
        });
        try
        {
            string page = await url.Task.WaitAsync(TimeSpan.FromSeconds(60)).ConfigureAwait(false);
            using var http = new HttpClient { BaseAddress = new Uri(page) };
            var samples = new List<double>();
            long started = Stopwatch.GetTimestamp();
            while (Stopwatch.GetElapsedTime(started).TotalSeconds < seconds)
            {
                // Read the page as a crew member's browser would, then sample the resident set.
                foreach (string path in new[] { "/", "/app.js", "/api/status", "/api/alerts", "/api/trend?hours=6" })
                {
                    using HttpResponseMessage response = await http.GetAsync(new Uri(path, UriKind.Relative)).ConfigureAwait(false);
                    response.EnsureSuccessStatusCode();
                }

                samples.Add(StatusKb(agent.Id, "VmRSS") / 1024.0);
                await Task.Delay(500).ConfigureAwait(false);
            }

            double peak = StatusKb(agent.Id, "VmHWM") / 1024.0;
            double[] steady = [.. samples.Skip(samples.Count / 2).Order()];
            double median = steady[steady.Length / 2];
            output.WriteLine(AgentBench.Invariant($"memory over {seconds} s with the page read every 0.5 s: steady (median of the second half) {median:F1} MB, last {samples[^1]:F1} MB, peak {peak:F1} MB"));
            return (median, peak);
        }
        finally
        {
            agent.Kill(entireProcessTree: true);
            await agent.WaitForExitAsync().ConfigureAwait(false);
            Directory.Delete(dir, recursive: true);
        }
    }

    private static Process Start(string agentDll, string packagePath, string dir, Action<string> onLine)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = dir,
        };
        foreach (string arg in new[]
        {
            agentDll, $"--Model:PackagePath={packagePath}", $"--Store:Path={Path.Combine(dir, "agent.db")}", "--Sensors:Source=Simulator",
            "--LocalPage:Url=http://127.0.0.1:0", $"--LocalPage:AckTokenFile={Path.Combine(dir, "ack-token")}",
        })
        {
            start.ArgumentList.Add(arg);
        }

        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { onLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { onLine(e.Data); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static long StatusKb(int pid, string field)
    {
        foreach (string line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"/proc/{pid}/status has no {field}");
    }

    private static TimeSpan Median(List<TimeSpan> values) => values.Order().ElementAt(values.Count / 2);

    [GeneratedRegex(@"First prediction (\S+) after")]
    private static partial Regex Reported();

    [GeneratedRegex(@"Local page at (http://\S+?)/?(\s|$)")]
    private static partial Regex PageUrl();
}
