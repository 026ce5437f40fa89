namespace EdgeAgent.Features.Quality;

/// <summary>What is done with a faulty sample, from the mildest to the most severe; a sample with several faults gets the most severe action.</summary>
public enum RepairAction
{
    /// <summary>The sample is clean; nothing is done (not a valid policy).</summary>
    None = 0,

    /// <summary>The sample is kept as it is and the windows holding it carry the fault's flag.</summary>
    Flag,

    /// <summary>The sample is replaced by the channel's last good value (interpolated in the window when there is none yet).</summary>
    HoldLast,

    /// <summary>The sample is replaced, in each window, by linear interpolation between its good neighbours (the nearest one at a window edge).</summary>
    Interpolate,

    /// <summary>The sample is discarded; the next window carries the fault's flag.</summary>
    DropSample,

    /// <summary>Every window that holds the sample is skipped with a recorded reason.</summary>
    SkipWindow,
}
