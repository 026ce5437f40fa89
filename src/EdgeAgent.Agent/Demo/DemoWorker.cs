using EdgeAgent.Inference;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeAgent.Agent.Demo;

/// <summary>
/// Streams the simulated machine through a model the agent fits and writes itself, and logs each
/// window's anomaly score. Stops the agent when done, unless told otherwise.
/// </summary>
internal sealed class DemoWorker(
    IOptions<DemoOptions> options,
    IOptions<InferenceEngineOptions> inferenceOptions,
    DemoReport report,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<DemoWorker> logger) : BackgroundService
{
    private readonly DemoOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            report.Complete();
            return;
        }

        try
        {
            await Task.Yield();
            await RunAsync(stoppingToken).ConfigureAwait(false);
            report.Complete();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            report.Complete();
        }
        catch (Exception ex)
        {
            DemoLog.Failed(logger, ex);
            report.Complete(ex);
            Environment.ExitCode = 1;
            lifetime.StopApplication();
            return;
        }

        if (_options.StopWhenDone)
        {
            lifetime.StopApplication();
        }
    }

    private async Task RunAsync(CancellationToken cancel)
    {
        report.RuntimeVersion = InferenceEngine.RuntimeVersion;
        report.AvailableProviders = InferenceEngine.AvailableProviders;
        DemoLog.Runtime(logger, report.RuntimeVersion, string.Join(", ", report.AvailableProviders));

        var simulator = new VibrationSimulator(_options.SampleRate, _options.FaultStartWindow, _options.Seed);
        var samples = new float[_options.WindowSamples];
        var healthy = new List<float[]>(_options.CalibrationWindows);
        for (int i = 0; i < _options.CalibrationWindows; i++)
        {
            var features = new float[WindowFeatures.Count];
            double temperature = simulator.Next(samples);
            WindowFeatures.Compute(samples, temperature, features);
            healthy.Add(features);
        }

        var (mean, std) = ScoringModel.Fit(healthy);
        byte[] model = ScoringModel.Build(mean, std);
        using var engine = InferenceEngine.Load(model, inferenceOptions.Value, logger, "demo anomaly model");
        using InferenceRunner runner = engine.CreateRunner();
        float Score(ReadOnlySpan<float> features)
        {
            features.CopyTo(runner.Input<float>(ScoringModel.Input));
            runner.Run();
            return runner.Output<float>(ScoringModel.Output)[0];
        }

        // Threshold: half again above the worst healthy score.
        report.Threshold = 1.5f * healthy.Max(f => Score(f));
        report.ExecutionProviders = engine.ExecutionProviders;
        DemoLog.ModelReady(logger, healthy.Count, model.Length, string.Join(", ", engine.ExecutionProviders), report.Threshold);
        DemoLog.FaultInjected(logger, _options.FaultStartWindow);

        var current = new float[WindowFeatures.Count];
        while (_options.Windows == 0 || simulator.Window < _options.Windows)
        {
            cancel.ThrowIfCancellationRequested();
            int window = simulator.Window;
            double temperature = simulator.Next(samples);
            WindowFeatures.Compute(samples, temperature, current);
            float score = Score(current);
            bool anomaly = score > report.Threshold;
            report.Add(new DemoScore(window, score, anomaly, window >= _options.FaultStartWindow));
            DemoLog.Scored(logger, window, score, anomaly ? "ANOMALY" : "ok");
            if (anomaly && report.FirstAnomalyWindow is null)
            {
                report.FirstAnomalyWindow = window;
                DemoLog.FirstAnomaly(logger, window, score, report.Threshold, _options.FaultStartWindow);
            }

            if (_options.WindowInterval > TimeSpan.Zero)
            {
                await Task.Delay(_options.WindowInterval, time, cancel).ConfigureAwait(false);
            }
        }

        var scores = report.Scores;
        DemoLog.Done(logger, scores.Count, scores.Count(s => s.Anomaly), report.FirstAnomalyWindow?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none");
    }
}
