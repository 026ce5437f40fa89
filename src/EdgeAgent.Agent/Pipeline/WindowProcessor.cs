using System.Diagnostics;
using EdgeAgent.Agent.Models;
using EdgeAgent.Features;
using EdgeAgent.Features.Computation;
using EdgeAgent.Features.Quality;
using EdgeAgent.Features.Windows;
using EdgeAgent.Sensing;

namespace EdgeAgent.Agent.Pipeline;

/// <summary>
/// The hot path: sample rows in source order → windows and features as the package declares → the model → the
/// observer's decision. Allocates nothing per row or per window. Not thread-safe.
/// </summary>
public sealed class WindowProcessor
{
    private readonly ActiveModel _model;
    private readonly int[] _columns;
    private readonly double[] _row;
    private readonly float[] _features;
    private readonly float[] _outputs;
    private readonly int _sourceWidth;

    /// <param name="model">The loaded model.</param>
    /// <param name="sourceChannels">The source's channels, in row order.</param>
    /// <param name="quality">Sample-quality options by channel name.</param>
    /// <param name="time">The clock for clock-jump checks.</param>
    /// <exception cref="ModelStartException">The source lacks a channel the model reads, or a feature cannot be computed.</exception>
    public WindowProcessor(ActiveModel model, IReadOnlyList<SensorChannel> sourceChannels, IReadOnlyDictionary<string, SampleQualityOptions>? quality, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(sourceChannels);
        _model = model;
        FeaturePlan plan = model.CreatePlan(sourceChannels);
        string[] unknown = [.. (quality?.Keys ?? []).Where(name => !plan.Channels.Contains(name)).Order(StringComparer.Ordinal)];
        if (unknown.Length > 0)
        {
            throw new ModelStartException(
                $"Pipeline:Quality names {string.Join(", ", unknown.Select(n => $"'{n}'"))}, which model {model.Version} does not read; its channels are {string.Join(", ", plan.Channels)}.");
        }

        Stage = new FeatureStage(plan, quality, time);
        _sourceWidth = sourceChannels.Count;
        _columns = [.. plan.Channels.Select(c => sourceChannels.Select(s => s.Name).ToList().IndexOf(c))];
        _row = new double[plan.Channels.Count];
        _features = new float[plan.Width];
        _outputs = new float[model.ScalarOutputs.Count];
        int input = model.Runner.Inputs[model.InputName].Length;
        if (input != plan.Width)
        {
            throw new ModelStartException(
                $"Model {model.Version}: its input '{model.InputName}' takes {input} values but the feature spec yields {plan.Width} ({string.Join(", ", plan.ValueNames)}).");
        }
    }

    public FeatureStage Stage { get; }

    /// <summary>Rows taken.</summary>
    public long Rows { get; private set; }

    /// <summary>Windows scored.</summary>
    public long Scored { get; private set; }

    /// <summary>Windows that fell due but were skipped.</summary>
    public long Skipped { get; private set; }

    /// <summary>Latency from the row that closed a window to the end of its decision.</summary>
    public LatencyHistogram DecisionLatency { get; } = new();

    /// <summary>Feeds every row of <paramref name="block"/>; returns the windows scored.</summary>
    public int Process(SampleBlock block, IWindowObserver observer)
    {
        ArgumentNullException.ThrowIfNull(block);
        ArgumentNullException.ThrowIfNull(observer);
        if (block.ChannelCount != _sourceWidth)
        {
            throw new ArgumentException($"The block has {block.ChannelCount} channels; the source declared {_sourceWidth}.", nameof(block));
        }

        int scored = 0;
        ReadOnlySpan<double> values = block.Values;
        int[] columns = _columns;
        for (int r = 0; r < block.Count; r++)
        {
            ReadOnlySpan<double> row = values.Slice(r * _sourceWidth, _sourceWidth);
            for (int c = 0; c < columns.Length; c++)
            {
                _row[c] = row[columns[c]];
            }

            DateTimeOffset time = block.Timestamp(r);
            if (Stage.TryPushRow(_row, time, _features, out WindowQuality window))
            {
                long started = Stopwatch.GetTimestamp();
                Score(window, time, observer);
                DecisionLatency.Record(Stopwatch.GetElapsedTime(started));
                scored++;
            }
            else if (window.Status == WindowStatus.Skipped)
            {
                Skipped++;
                observer.OnWindowSkipped(window, time);
            }
        }

        Rows += block.Count;
        Scored += scored;
        return scored;
    }

    private void Score(in WindowQuality window, DateTimeOffset time, IWindowObserver observer)
    {
        _features.CopyTo(_model.Runner.Input<float>(_model.InputName));
        _model.Runner.Run();
        IReadOnlyList<string> outputs = _model.ScalarOutputs;
        for (int i = 0; i < _outputs.Length; i++)
        {
            _outputs[i] = _model.Runner.Output<float>(outputs[i])[0];
        }

        observer.OnWindowScored(window, time, _features, _outputs);
    }
}
