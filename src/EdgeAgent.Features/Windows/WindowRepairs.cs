namespace EdgeAgent.Features.Windows;

/// <summary>How a window's faulty samples were repaired.</summary>
[Flags]
public enum WindowRepairs
{
    None = 0,

    /// <summary>Samples were interpolated from their good neighbours.</summary>
    Interpolated = 1,

    /// <summary>Samples were replaced by the channel's last good value.</summary>
    HeldLast = 2,

    /// <summary>Samples were dropped since the previous window.</summary>
    Dropped = 4,
}
