namespace EdgeAgent.ModelKit.Training.Features;

/// <summary>What stands in for the samples missing before the start of a series shorter than the window.</summary>
public enum ShortWindowPadding
{
    /// <summary>The series' first sample, repeated as often as needed.</summary>
    RepeatFirst,
}
