namespace EdgeAgent.Features.Windows;

/// <summary>What became of a window: nothing reaches the model without one of these.</summary>
public enum WindowStatus
{
    /// <summary>No window (none was due).</summary>
    None = 0,

    /// <summary>Every sample was clean.</summary>
    Clean,

    /// <summary>Faulty samples were kept as they are by a <see cref="Quality.RepairAction.Flag"/> policy; <see cref="WindowQuality.Faults"/> says which.</summary>
    Flagged,

    /// <summary>Faulty samples were repaired; <see cref="WindowQuality.Repairs"/> says how.</summary>
    Repaired,

    /// <summary>The window was not fed to the model; <see cref="WindowQuality.SkipReason"/> says why.</summary>
    Skipped,
}
