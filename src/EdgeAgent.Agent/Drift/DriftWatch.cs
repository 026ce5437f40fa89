using EdgeAgent.Agent.Models;
using EdgeAgent.Agent.Status;
using EdgeAgent.Drift.Calibration;
using EdgeAgent.Drift.Monitoring;
using EdgeAgent.Storage;
using Microsoft.Extensions.Logging;

namespace EdgeAgent.Agent.Drift;

/// <summary>
/// Watches the served model's inputs and outputs for drift from its package's reference profile. The thresholds are
/// calibrated off the pipeline thread once the first window is scored, so that start to first prediction does not wait
/// for it (nor share the cores with it); windows seen before the monitor is armed are not judged. A profile the monitor cannot use leaves the agent serving without drift verdicts, never stopped.
/// </summary>
public sealed class DriftWatch
{
    /// <summary>The model-state key under which the latest drift verdict that changed something is kept in the store.</summary>
    public const string StoreKey = "drift.latest";

    private readonly DriftMonitorFactory _factory;
    private readonly EdgeStore? _store;
    private readonly AgentState _state;
    private readonly ILogger<DriftWatch> _logger;
    private Armed? _armed;
    private ActiveModel? _pending;
    private TaskCompletionSource _attached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string? _lastKept;

    public DriftWatch(DriftMonitorFactory factory, AgentState state, ILogger<DriftWatch> logger, EdgeStore? store = null)
    {
        _factory = factory;
        _store = store;
        _state = state;
        _logger = logger;
    }

    /// <summary>The latest verdict, once one has been made.</summary>
    public DriftVerdict? Latest { get; private set; }

    /// <summary>Raised on the pipeline thread with each verdict; handlers must not block.</summary>
    public event Action<DriftVerdict>? Verdict;

    /// <summary>
    /// Watches <paramref name="model"/> from now on: its monitor is calibrated in the background from the first scored
    /// window. The returned task ends when the monitor is armed (or could not be).
    /// </summary>
    public Task AttachAsync(ActiveModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Volatile.Write(ref _armed, null);
        _attached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _pending, model);
        _state.SetPart("drift", true, "waiting for the first window to calibrate against the model's reference profile");
        return _attached.Task;
    }

    private void Calibrate(ActiveModel model, TaskCompletionSource attached)
    {
        _state.SetPart("drift", true, "calibrating against the model's reference profile");
        _ = Task.Run(() =>
        {
            try
            {
                DriftMonitor monitor = _factory.Create(model.Package);
                int[] outputs = OutputMap(monitor.Reference.Outputs.Select(o => o.Name).ToList(), model.ScalarOutputs);
                Volatile.Write(ref _armed, new Armed(monitor, outputs, new float[outputs.Length]));
                _state.SetPart("drift", true, $"no verdict yet (first after {monitor.Reference.MinimumWindows} windows)");
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                DriftWatchLog.CannotWatch(_logger, model.Version, ex.Message, ex);
                _state.SetPart("drift", false, $"not watched: {ex.Message}");
            }
            finally
            {
                attached.TrySetResult();
            }
        });
    }

    /// <summary>One scored window: its model inputs and its outputs (in <see cref="ActiveModel.ScalarOutputs"/> order).</summary>
    public void Observe(ReadOnlySpan<float> features, ReadOnlySpan<float> outputs)
    {
        Armed? armed = Volatile.Read(ref _armed);
        if (armed is null)
        {
            if (Interlocked.Exchange(ref _pending, null) is { } model)
            {
                Calibrate(model, _attached);
            }

            return;
        }

        Span<float> profiled = armed.Outputs;
        for (int i = 0; i < profiled.Length; i++)
        {
            profiled[i] = outputs[armed.OutputIndex[i]];
        }

        DriftVerdict? verdict = armed.Monitor.Observe(features, profiled);
        if (verdict is null)
        {
            return;
        }

        Latest = verdict;
        _state.SetPart("drift", verdict.State != DriftState.Drift, Describe(verdict));
        Keep(verdict);
        Verdict?.Invoke(verdict);
    }

    /// <summary>The verdict as JSON: the state, the features responsible, whether an output changed, the window, the time.</summary>
    public static string Json(DriftVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["state"] = verdict.State.ToString(),
            ["drifted"] = verdict.DriftedFeatures,
            ["outputChange"] = verdict.OutputChangeDetected,
            ["windows"] = verdict.WindowsSeen,
            ["at"] = verdict.Time,
        });
    }

    /// <summary>What distinguishes one verdict from the next for those who only want changes.</summary>
    public static string ChangeKey(DriftVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return verdict.State + ":" + string.Join(',', verdict.DriftedFeatures) + ":" + verdict.OutputChangeDetected;
    }

    /// <summary>Keeps a verdict that changed the state or the features named in the store, where it outlives a restart.</summary>
    private void Keep(DriftVerdict verdict)
    {
        string key = ChangeKey(verdict);
        if (_store is null || verdict.State == DriftState.InsufficientData || key == _lastKept)
        {
            return;
        }

        try
        {
            long version = _store.GetModelState(StoreKey)?.Version ?? 0;
            if (_store.TrySetModelState(StoreKey, Json(verdict), version) is not null)
            {
                _lastKept = key;
            }
        }
        catch (StoreException ex)
        {
            // A full or failing store: the verdict stays on the page and in the log; the next one tries again.
            DriftWatchLog.NotKept(_logger, ex.Message, ex);
        }
    }

    /// <summary>One line for the page: the state and the features responsible.</summary>
    public static string Describe(DriftVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        string outputs = verdict.OutputChangeDetected
            ? "; output change in " + string.Join(", ", verdict.Outputs.Where(o => o.ChangeDetected).Select(o => o.Name))
            : "";
        return verdict.State switch
        {
            DriftState.Drift when verdict.DriftedFeatures.Count > 0 => $"DRIFT in {string.Join(", ", verdict.DriftedFeatures.Take(5))}{(verdict.DriftedFeatures.Count > 5 ? $" and {verdict.DriftedFeatures.Count - 5} more" : "")}{outputs} (window {verdict.WindowsSeen})",
            DriftState.Drift => $"DRIFT{outputs} (window {verdict.WindowsSeen})",
            DriftState.NoDrift => $"no drift (window {verdict.WindowsSeen})",
            _ => $"not enough windows yet ({verdict.WindowsSeen})",
        };
    }

    /// <summary>For each profiled output, its index among the model's scalar outputs; none when one is missing.</summary>
    private static int[] OutputMap(IReadOnlyList<string> profiled, IReadOnlyList<string> scalar)
    {
        int[] map = [.. profiled.Select(name => scalar.ToList().IndexOf(name))];
        return map.Contains(-1) ? [] : map;
    }

    private sealed record Armed(DriftMonitor Monitor, int[] OutputIndex, float[] Outputs);
}
