namespace EdgeAgent.Features.Quality;

/// <summary>What is wrong with a sample; a sample may have several faults.</summary>
[Flags]
public enum SampleFaults
{
    /// <summary>A clean sample.</summary>
    None = 0,

    /// <summary>NaN or ±∞.</summary>
    NonFinite = 1,

    /// <summary>Outside the channel's configured minimum and maximum.</summary>
    OutOfRange = 2,

    /// <summary>The same value as the previous N − 1 samples (N = <see cref="SampleQualityOptions.StuckCount"/>).</summary>
    StuckAt = 4,

    /// <summary>More than <see cref="SampleQualityOptions.GapFactor"/> × the expected period since the previous sample.</summary>
    Gap = 8,

    /// <summary>A timestamp no later than the previous sample's.</summary>
    OutOfOrder = 16,

    /// <summary>The wall clock moved by a different amount than the monotonic clock since the previous sample.</summary>
    ClockJump = 32,
}
