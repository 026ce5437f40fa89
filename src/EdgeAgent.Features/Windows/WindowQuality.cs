using EdgeAgent.Features.Quality;

namespace EdgeAgent.Features.Windows;

/// <summary>The quality record every window carries.</summary>
/// <param name="Sequence">The window's number, from 1.</param>
/// <param name="Status">Clean, flagged, repaired or skipped.</param>
/// <param name="Faults">The faults of the window's samples (and of samples dropped since the previous window), all channels together.</param>
/// <param name="Repairs">How faulty samples were repaired.</param>
/// <param name="RepairedSamples">Samples interpolated or held in this window.</param>
/// <param name="SkipReason">Why the window was skipped; null otherwise.</param>
public readonly record struct WindowQuality(
    long Sequence,
    WindowStatus Status,
    SampleFaults Faults,
    WindowRepairs Repairs,
    int RepairedSamples,
    string? SkipReason)
{
    /// <summary>True when the window may be fed to the model (clean, flagged or repaired).</summary>
    public bool IsUsable => Status is WindowStatus.Clean or WindowStatus.Flagged or WindowStatus.Repaired;
}
