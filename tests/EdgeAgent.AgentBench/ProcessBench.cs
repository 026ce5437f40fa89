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

        MemoryFigures memory = await MeasureMemoryAsync(agentDll, packagePath, seconds, output).ConfigureAwait(false);
        return new ProcessResult(memory.SteadyMb, memory.PeakMb, memory.AnonMb, memory.FileMb, memory.ShmemMb, memory.WorkingSetMb, Median(firsts), Median(reported));
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
            TimeSpan wall;
            try
            {
                wall = await first.Task.WaitAsync(TimeSpan.FromSeconds(60)).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                lock (lines)
                {
                    throw new TimeoutException($"The agent made no prediction within 60 s. Its output:\n{string.Join('\n', lines)}");
                }
            }

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

    private static async Task<MemoryFigures> MeasureMemoryAsync(string agentDll, string packagePath, int seconds, TextWriter output)
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
            List<double> samples = await ReadPageAsync(http, agent.Id, TimeSpan.FromSeconds(seconds)).ConfigureAwait(false);
            double peak = StatusKb(agent.Id, "VmHWM") / 1024.0;
            double[] steady = [.. samples.Skip(samples.Count / 2).Order()];
            double median = steady[steady.Length / 2];
            double anon = StatusKb(agent.Id, "RssAnon") / 1024.0, file = StatusKb(agent.Id, "RssFile") / 1024.0, shmem = StatusKb(agent.Id, "RssShmem") / 1024.0;
            output.WriteLine(AgentBench.Invariant($"memory over {seconds} s with the page read every 0.5 s: steady (median of the second half) {median:F1} MB, last {samples[^1]:F1} MB, peak {peak:F1} MB"));
            output.WriteLine(AgentBench.Invariant($"  resident now: anonymous {anon:F1} MB (heaps, JIT code), file-backed {file:F1} MB (mapped runtime, assemblies, ONNX Runtime), shared {shmem:F1} MB (double-mapped code)"));
            foreach ((string mapping, double mb) in LargestMappings(agent.Id, 5))
            {
                output.WriteLine(AgentBench.Invariant($"    {mb,6:F1} MB {mapping}"));
            }

            // The working set: clear the referenced bits, keep reading the page, count the pages touched since.
            double workingSet = double.NaN;
            try
            {
                await File.WriteAllTextAsync($"/proc/{agent.Id}/clear_refs", "1").ConfigureAwait(false);
                await ReadPageAsync(http, agent.Id, TimeSpan.FromSeconds(10)).ConfigureAwait(false);
                workingSet = RollupKb(agent.Id, "Referenced") / 1024.0;
                output.WriteLine(AgentBench.Invariant($"  working set (pages touched in 10 s more of steady state): {workingSet:F1} MB"));
            }
            catch (IOException e)
            {
                output.WriteLine($"  working set not measured: {e.Message}");
            }
            catch (UnauthorizedAccessException e)
            {
                output.WriteLine($"  working set not measured: {e.Message}");
            }

            return new MemoryFigures(median, peak, anon, file, shmem, workingSet);
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

    /// <summary>Reads the page as a crew member's browser would, every 0.5 s, sampling the resident set each time.</summary>
    private static async Task<List<double>> ReadPageAsync(HttpClient http, int pid, TimeSpan duration)
    {
        var samples = new List<double>();
        long started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < duration)
        {
            foreach (string path in new[] { "/", "/app.js", "/api/status", "/api/alerts", "/api/trend?hours=6" })
            {
                using HttpResponseMessage response = await http.GetAsync(new Uri(path, UriKind.Relative)).ConfigureAwait(false);
                response.EnsureSuccessStatusCode();
            }

            samples.Add(StatusKb(pid, "VmRSS") / 1024.0);
            await Task.Delay(500).ConfigureAwait(false);
        }

        return samples;
    }

    /// <summary>The mappings holding the most resident memory, by file (anonymous ones as [anon]).</summary>
    private static IEnumerable<(string Mapping, double Mb)> LargestMappings(int pid, int count)
    {
        var byName = new Dictionary<string, long>();
        string current = "[anon]";
        foreach (string line in File.ReadLines($"/proc/{pid}/smaps"))
        {
            if (MappingHeader().IsMatch(line))
            {
                string[] parts = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
                current = parts.Length == 6 ? parts[5].Trim() : "[anon]";
            }
            else if (line.StartsWith("Rss:", StringComparison.Ordinal))
            {
                byName[current] = byName.GetValueOrDefault(current) + long.Parse(line[4..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }

        return byName.OrderByDescending(p => p.Value).Take(count).Select(p => (p.Key, p.Value / 1024.0));
    }

    private static long RollupKb(int pid, string field)
    {
        foreach (string line in File.ReadLines($"/proc/{pid}/smaps_rollup"))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"/proc/{pid}/smaps_rollup has no {field}");
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

    [GeneratedRegex(@"^[0-9a-f]+-[0-9a-f]+ [rwxps-]{4} ")]
    private static partial Regex MappingHeader();

    [GeneratedRegex(@"First prediction (\S+) after")]
    private static partial Regex Reported();

    [GeneratedRegex(@"Local page at (http://\S+?)/?(\s|$)")]
    private static partial Regex PageUrl();

    private sealed record MemoryFigures(double SteadyMb, double PeakMb, double AnonMb, double FileMb, double ShmemMb, double WorkingSetMb);
}
