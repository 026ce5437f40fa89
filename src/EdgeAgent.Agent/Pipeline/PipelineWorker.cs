using EdgeAgent.Agent.Drift;
using EdgeAgent.Agent.Models;
using EdgeAgent.Agent.Status;
using EdgeAgent.Features.Quality;
using EdgeAgent.Features.Windows;
using EdgeAgent.Inference;
using EdgeAgent.Sensing;
using EdgeAgent.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeAgent.Agent.Pipeline;

/// <summary>
/// Runs sensor rows through windows, features, the model and the decisions, and hands predictions to the
/// <see cref="PredictionWriter"/>. The model and its feature spec are checked at start and refused with a clear message;
/// a source that fails is reopened with a growing delay while everything else keeps serving.
/// </summary>
public sealed class PipelineWorker : BackgroundService
{
    private readonly ModelOptions _modelOptions;
    private readonly InferenceEngineOptions _inferenceOptions;
    private readonly PipelineOptions _options;
    private readonly SensorSourceOpener _openSource;
    private readonly PredictionWriter _writer;
    private readonly IDecisionSink _decisions;
    private readonly DriftWatch _drift;
    private readonly AgentState _state;
    private readonly TimeProvider _time;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILogger<PipelineWorker> _logger;
    private ActiveModel? _model;
    private ISensorSource? _source;
    private WindowProcessor? _processor;
    private long[] _reportedQuality = [];
    private string[] _processorChannels = [];
    private DateTimeOffset _nextQualityFlush;
    private WindowHandler? _handler;

    public PipelineWorker(
        IOptions<ModelOptions> modelOptions,
        IOptions<InferenceEngineOptions> inferenceOptions,
        IOptions<PipelineOptions> options,
        SensorSourceOpener openSource,
        PredictionWriter writer,
        IDecisionSink decisions,
        DriftWatch drift,
        AgentState state,
        TimeProvider time,
        IHostApplicationLifetime lifetime,
        ILogger<PipelineWorker> logger)
    {
        _modelOptions = modelOptions.Value;
        _inferenceOptions = inferenceOptions.Value;
        _options = options.Value;
        _openSource = openSource;
        _writer = writer;
        _decisions = decisions;
        _drift = drift;
        _state = state;
        _time = time;
        _lifetime = lifetime;
        _logger = logger;
    }

    /// <summary>The model being served, once started.</summary>
    public ActiveModel? Model => _model;

    /// <summary>The hot path, once the source is open.</summary>
    public WindowProcessor? Processor => _processor;

    /// <summary>Loads and checks the model, and opens the source; a model the agent cannot serve stops the start.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            _model = ActiveModel.Load(_modelOptions.PackagePath, _inferenceOptions, _logger);
        }
        catch (Exception ex) when (ex is EdgeAgent.Packaging.PackageException or ModelLoadException or ModelStartException)
        {
            PipelineLog.CannotServe(_logger, ex.Message, ex);
            throw new ModelStartException($"{ModelOptions.SectionName}:PackagePath '{_modelOptions.PackagePath}': {ex.Message}", ex);
        }

        try
        {
            _decisions.Attach(_model);
        }
        catch (ModelStartException ex)
        {
            PipelineLog.CannotServe(_logger, ex.Message, ex);
            throw;
        }

        // Calibrating the drift thresholds takes a moment: it runs beside the first windows, not before them.
        _ = _drift.AttachAsync(_model);
        _state.ModelName = _model.Manifest.Name;
        _state.ModelVersion = _model.Manifest.Version;
        _state.ModelTask = _model.Manifest.Task;
        _state.ScoreOutput = _model.ScoreOutput;
        _state.WarningThreshold = _model.Manifest.Alerts.FirstOrDefault(a => a.Output == _model.ScoreOutput)?.Threshold;
        try
        {
            OpenSource();
        }
        catch (SensorException ex)
        {
            // Hardware may appear later: the loop keeps trying. Only the model can refuse the start.
            _state.SourceState = "failed";
            _state.SourceError = ex.Message;
            _state.SetPart("sensor", false, ex.Message);
        }

        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        TimeSpan delay = _options.RestartDelay;
        SampleBlock? block = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (_source is null)
                {
                    OpenSource();
                }

                block ??= new SampleBlock(_source!.Channels.Count, _options.BlockRows);
                bool more = await _source!.ReadAsync(block, stoppingToken).ConfigureAwait(false);
                ProcessBlock(block);
                delay = _options.RestartDelay;
                if (!more)
                {
                    await SourceEndedAsync(stoppingToken).ConfigureAwait(false);
                    break;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // A failed read, or a reopened source that no longer has the channels the model reads.
                FailSource(ex, delay);
                block = null;
                await WaitAsync(delay, stoppingToken).ConfigureAwait(false);
                delay = Grow(delay);
            }
        }

        FlushQuality();
        _state.SourceState = "stopped";
        PipelineLog.Stopped(_logger, _processor?.Rows ?? 0, _processor?.Scored ?? 0, _processor?.Skipped ?? 0);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        if (_source is not null)
        {
            await _source.DisposeAsync().ConfigureAwait(false);
            _source = null;
        }
    }

    public override void Dispose()
    {
        _model?.Dispose();
        base.Dispose();
    }

    private void OpenSource()
    {
        ISensorSource source = _openSource();
        try
        {
            // Windows in progress survive a reopen of the same channels; the gap is flagged by the sample-quality checks.
            string[] channels = [.. source.Channels.Select(c => c.Name)];
            if (_processor is null || !channels.SequenceEqual(_processorChannels, StringComparer.Ordinal))
            {
                _processor = new WindowProcessor(_model!, source.Channels, _options.Quality, _time);
                _processorChannels = channels;
                _reportedQuality = new long[_processor.Stage.Plan.Channels.Count * SampleQualityMonitor.Kinds.Count];
            }
        }
        catch
        {
            source.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw;
        }

        _source = source;
        _state.SourceName = source.Name;
        // The last error stays on the page after a reopen: a crew arriving later still sees that the sensor failed.
        _state.SourceState = "running";
        _state.SetPart("sensor", true, source.Name);
        var plan = _processor.Stage.Plan;
        PipelineLog.Serving(_logger, _model!.Version, _model.Manifest.Model.Precision, plan.Width, plan.Window, plan.Hop, source.Name, string.Join(", ", _model.Engine.ExecutionProviders));
    }

    private void ProcessBlock(SampleBlock block)
    {
        _processor!.Process(block, _handler ??= new WindowHandler(_model!, _decisions, _writer, _state, _drift, _logger));
        _state.SourceRows = _processor.Rows;
        if (_time.GetUtcNow() >= _nextQualityFlush)
        {
            FlushQuality();
        }
    }

    private void FlushQuality()
    {
        if (_processor is null)
        {
            return;
        }

        _nextQualityFlush = _time.GetUtcNow() + _options.QualityFlushInterval;
        IReadOnlyList<string> channels = _processor.Stage.Plan.Channels;
        IReadOnlyList<SampleFaults> kinds = SampleQualityMonitor.Kinds;
        for (int c = 0; c < channels.Count; c++)
        {
            SampleQualityMonitor monitor = _processor.Stage.Assembler.Monitor(c);
            for (int k = 0; k < kinds.Count; k++)
            {
                long count = monitor.Count(kinds[k]);
                int slot = (c * kinds.Count) + k;
                _writer.AddQuality(channels[c], Status.QualityNames.Of(kinds[k]), count - _reportedQuality[slot]);
                _reportedQuality[slot] = count;
            }
        }

    }

    private async Task SourceEndedAsync(CancellationToken stoppingToken)
    {
        PipelineLog.SourceEnded(_logger, _source!.Name, _processor?.Rows ?? 0);
        FlushQuality();
        _state.SourceState = "ended";
        if (_options.StopWhenSourceEnds)
        {
            _writer.Flush();
            _lifetime.StopApplication();
            return;
        }

        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, _time, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private void FailSource(Exception ex, TimeSpan delay)
    {
        string name = _source?.Name ?? _state.SourceName;
        PipelineLog.SourceFailed(_logger, name, delay, ex);
        _state.SourceState = "failed";
        _state.SourceError = ex.Message;
        _state.SetPart("sensor", false, ex.Message);
        ISensorSource? source = _source;
        _source = null;
        if (source is not null)
        {
            try
            {
                source.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
            catch (Exception dispose) when (dispose is not OutOfMemoryException)
            {
                PipelineLog.SourceFailed(_logger, name, delay, dispose);
            }
        }
    }

    private async Task WaitAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, _time, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private TimeSpan Grow(TimeSpan delay) => TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxRestartDelay.Ticks));
}
