namespace EdgeAgent.Features.Quality;

/// <summary>The declared action for each kind of fault.</summary>
public sealed record RepairPolicy
{
    /// <summary>NaN or ±∞: HoldLast, Interpolate, DropSample or SkipWindow (never fed). Default <see cref="RepairAction.Interpolate"/>.</summary>
    public RepairAction NonFinite { get; init; } = RepairAction.Interpolate;

    /// <summary>Out of range: any action. Default <see cref="RepairAction.SkipWindow"/>.</summary>
    public RepairAction OutOfRange { get; init; } = RepairAction.SkipWindow;

    /// <summary>Stuck at one value: Flag, DropSample or SkipWindow. Default <see cref="RepairAction.Flag"/>.</summary>
    public RepairAction StuckAt { get; init; } = RepairAction.Flag;

    /// <summary>A gap before the sample: Flag or SkipWindow (a window that spans the gap). Default <see cref="RepairAction.Flag"/>.</summary>
    public RepairAction Gap { get; init; } = RepairAction.Flag;

    /// <summary>An out-of-order timestamp: Flag, DropSample or SkipWindow. Default <see cref="RepairAction.DropSample"/>.</summary>
    public RepairAction OutOfOrder { get; init; } = RepairAction.DropSample;

    /// <summary>A clock jump at the sample: Flag or SkipWindow. Default <see cref="RepairAction.Flag"/>.</summary>
    public RepairAction ClockJump { get; init; } = RepairAction.Flag;

    /// <summary>The action for one fault kind.</summary>
    public RepairAction For(SampleFaults fault) => fault switch
    {
        SampleFaults.NonFinite => NonFinite,
        SampleFaults.OutOfRange => OutOfRange,
        SampleFaults.StuckAt => StuckAt,
        SampleFaults.Gap => Gap,
        SampleFaults.OutOfOrder => OutOfOrder,
        SampleFaults.ClockJump => ClockJump,
        _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, "Name exactly one fault kind."),
    };

    /// <summary>The most severe action among <paramref name="faults"/>' kinds; <see cref="RepairAction.None"/> for a clean sample.</summary>
    public RepairAction ActionFor(SampleFaults faults)
    {
        RepairAction action = RepairAction.None;
        if (faults == SampleFaults.None)
        {
            return action;
        }

        IReadOnlyList<SampleFaults> kinds = SampleQualityMonitor.Kinds;
        for (int k = 0; k < kinds.Count; k++)
        {
            if ((faults & kinds[k]) != 0 && For(kinds[k]) > action)
            {
                action = For(kinds[k]);
            }
        }

        return action;
    }

    /// <summary>Throws <see cref="ArgumentException"/> when an action does not suit its fault.</summary>
    public void Validate(string channel)
    {
        Check(channel, SampleFaults.NonFinite, NonFinite, RepairAction.HoldLast, RepairAction.Interpolate, RepairAction.DropSample, RepairAction.SkipWindow);
        Check(channel, SampleFaults.OutOfRange, OutOfRange, RepairAction.Flag, RepairAction.HoldLast, RepairAction.Interpolate, RepairAction.DropSample, RepairAction.SkipWindow);
        Check(channel, SampleFaults.StuckAt, StuckAt, RepairAction.Flag, RepairAction.DropSample, RepairAction.SkipWindow);
        Check(channel, SampleFaults.Gap, Gap, RepairAction.Flag, RepairAction.SkipWindow);
        Check(channel, SampleFaults.OutOfOrder, OutOfOrder, RepairAction.Flag, RepairAction.DropSample, RepairAction.SkipWindow);
        Check(channel, SampleFaults.ClockJump, ClockJump, RepairAction.Flag, RepairAction.SkipWindow);
    }

    private static void Check(string channel, SampleFaults fault, RepairAction action, params RepairAction[] allowed)
    {
        if (!allowed.Contains(action))
        {
            throw new ArgumentException(
                $"Channel '{channel}': {action} is not a policy for {fault} samples; use {string.Join(", ", allowed)}.", nameof(action));
        }
    }
}
