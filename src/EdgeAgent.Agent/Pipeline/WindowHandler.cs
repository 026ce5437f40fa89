using System.Globalization;
using System.Text;
using EdgeAgent.Agent.Drift;
using EdgeAgent.Agent.Models;
using EdgeAgent.Agent.Status;
using EdgeAgent.Features.Windows;
using EdgeAgent.Storage;
using Microsoft.Extensions.Logging;

namespace EdgeAgent.Agent.Pipeline;

/// <summary>
/// What happens to each window the processor closes: the decision, the prediction handed to the writer, the state the
/// page shows, and the log.
/// </summary>
public sealed class WindowHandler : IWindowObserver
{
    private readonly ActiveModel _model;
    private readonly IDecisionSink _decisions;
    private readonly PredictionWriter _writer;
    private readonly AgentState _state;
    private readonly DriftWatch? _drift;
    private readonly ILogger _logger;
    private readonly int _scoreIndex;
    private bool _first = true;

    public WindowHandler(ActiveModel model, IDecisionSink decisions, PredictionWriter writer, AgentState state, DriftWatch? drift, ILogger logger)
    {
        _drift = drift;
        _model = model;
        _decisions = decisions;
        _writer = writer;
        _state = state;
        _logger = logger;
        _scoreIndex = Math.Max(0, model.ScalarOutputs.ToList().IndexOf(model.ScoreOutput));
    }

    public void OnWindowScored(in WindowQuality quality, DateTimeOffset time, ReadOnlySpan<float> features, ReadOnlySpan<float> outputs)
    {
        _decisions.Decide(outputs, time);
        _drift?.Observe(features, outputs);
        float score = outputs[_scoreIndex];
        _writer.Add(new NewPrediction(time, _model.Version, quality.Sequence, score, ValuesJson(_model.ScalarOutputs, outputs), (int)quality.Faults));
        _state.LastPredictionAt = time;
        _state.LastScore = score;
        if (_first)
        {
            _first = false;
            PipelineLog.FirstPrediction(_logger, ProcessClock.SinceStart, quality.Sequence, _model.ScoreOutput, score);
        }

        if (_logger.IsEnabled(LogLevel.Debug))
        {
            PipelineLog.WindowScored(_logger, quality.Sequence, _model.ScoreOutput, score);
        }
    }

    public void OnWindowSkipped(in WindowQuality quality, DateTimeOffset time)
    {
        PipelineLog.WindowSkipped(_logger, quality.Sequence, quality.SkipReason ?? "unfit samples");
        _writer.AddQuality("window", "skipped", 1);
    }

    private static string ValuesJson(IReadOnlyList<string> names, ReadOnlySpan<float> values)
    {
        var text = new StringBuilder("{");
        for (int i = 0; i < values.Length; i++)
        {
            text.Append(i == 0 ? "\"" : ",\"").Append(names[i]).Append("\":");
            text.Append(float.IsFinite(values[i]) ? values[i].ToString("R", CultureInfo.InvariantCulture) : "null");
        }

        return text.Append('}').ToString();
    }
}
