namespace EdgeAgent.Features.Quality;

/// <summary>What the monitor found in one sample and what its policy does with it.</summary>
/// <param name="Value">The value to keep: the sample, or the held value when <paramref name="Action"/> is <see cref="RepairAction.HoldLast"/>.</param>
/// <param name="Faults">The sample's faults; <see cref="SampleFaults.None"/> when clean.</param>
/// <param name="Action">The most severe action of its faults' policies; <see cref="RepairAction.None"/> when clean.</param>
public readonly record struct SampleVerdict(double Value, SampleFaults Faults, RepairAction Action)
{
    /// <summary>True when the sample has no fault.</summary>
    public bool IsClean => Faults == SampleFaults.None;
}
