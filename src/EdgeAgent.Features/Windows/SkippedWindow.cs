using EdgeAgent.Features.Quality;

namespace EdgeAgent.Features.Windows;

/// <summary>The record of a skipped window.</summary>
/// <param name="Sequence">The window's number.</param>
/// <param name="Channel">The channel that made it skip.</param>
/// <param name="Faults">That channel's faults in the window.</param>
/// <param name="Reason">Why, in words.</param>
public sealed record SkippedWindow(long Sequence, string Channel, SampleFaults Faults, string Reason);
