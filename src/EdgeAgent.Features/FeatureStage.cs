using EdgeAgent.Features.Computation;
using EdgeAgent.Features.Quality;
using EdgeAgent.Features.Windows;

namespace EdgeAgent.Features;

/// <summary>
/// The agent's windowing, sample-quality and feature stage for one model: rows in, model inputs out. Steady state
/// allocates nothing. Not thread-safe.
/// </summary>
public sealed class FeatureStage
{
    private readonly double[] _windows;

    /// <param name="plan">The compiled feature spec (<see cref="FeaturePlan.Create"/> refuses one the agent cannot compute).</param>
    /// <param name="quality">Sample-quality options per channel name; channels not listed get <see cref="SampleQualityOptions.Default"/>.</param>
    /// <param name="time">The clock for clock-jump checks. Default <see cref="TimeProvider.System"/>.</param>
    public FeatureStage(FeaturePlan plan, IReadOnlyDictionary<string, SampleQualityOptions>? quality = null, TimeProvider? time = null)
    {
        Assembler = new WindowAssembler(plan, quality, time);
        Computer = new FeatureComputer(plan);
        _windows = new double[plan.WindowsLength];
    }

    public FeaturePlan Plan => Assembler.Plan;

    public WindowAssembler Assembler { get; }

    public FeatureComputer Computer { get; }

    /// <summary>
    /// Adds one sample of every channel. Returns true when a window fell due, was usable, and its
    /// <see cref="FeaturePlan.Width"/> values are in <paramref name="features"/>. Returns false when no window fell due
    /// (<paramref name="window"/> has status <see cref="WindowStatus.None"/>) or the window was skipped (status
    /// <see cref="WindowStatus.Skipped"/>, with its reason).
    /// </summary>
    public bool TryPushRow(ReadOnlySpan<double> row, DateTimeOffset? timestamp, Span<float> features, out WindowQuality window)
    {
        if (features.Length != Plan.Width)
        {
            throw new ArgumentException($"The features span holds {features.Length} values; the plan yields {Plan.Width}.", nameof(features));
        }

        Assembler.PushRow(row, timestamp);
        if (!Assembler.IsWindowDue)
        {
            window = default;
            return false;
        }

        window = Assembler.TakeWindow(_windows);
        if (!window.IsUsable)
        {
            return false;
        }

        Computer.Compute(_windows, features);
        return true;
    }
}
