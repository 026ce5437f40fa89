namespace EdgeAgent.Features.Quality;

/// <summary>What a channel's samples are checked against, and what is done with faulty ones.</summary>
public sealed record SampleQualityOptions
{
    /// <summary>The options with every default: only NaN/∞, out-of-order timestamps and clock jumps are checked.</summary>
    public static SampleQualityOptions Default { get; } = new();

    /// <summary>The smallest valid value. Default none.</summary>
    public double? Minimum { get; init; }

    /// <summary>The largest valid value. Default none.</summary>
    public double? Maximum { get; init; }

    /// <summary>N: the Nth identical sample in a row and those after it are stuck (at least 2). Default none (off).</summary>
    public int? StuckCount { get; init; }

    /// <summary>The period between samples' timestamps; gaps are checked only when it is set. Default none.</summary>
    public TimeSpan? ExpectedPeriod { get; init; }

    /// <summary>k: a step longer than k × <see cref="ExpectedPeriod"/> is a gap (greater than 1). Default 2.</summary>
    public double GapFactor { get; init; } = 2;

    /// <summary>How far the wall clock may drift from the monotonic clock between two samples before it is a clock jump. Default 1 second.</summary>
    public TimeSpan ClockJumpTolerance { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest run of samples one window interpolates across; a longer run skips the window (at least 1). Default 1 (isolated samples).</summary>
    public int MaxInterpolationRun { get; init; } = 1;

    /// <summary>The action for each fault kind. Default <see cref="RepairPolicy"/>'s defaults.</summary>
    public RepairPolicy Policy { get; init; } = new();

    /// <summary>Throws <see cref="ArgumentException"/>, naming <paramref name="channel"/>, when an option is out of its range.</summary>
    public void Validate(string channel)
    {
        if (Minimum is { } min && Maximum is { } max && !(min <= max))
        {
            throw new ArgumentException($"Channel '{channel}': Minimum {min} is above Maximum {max}.", nameof(Minimum));
        }

        if (Minimum is double.NaN || Maximum is double.NaN)
        {
            throw new ArgumentException($"Channel '{channel}': Minimum and Maximum must be numbers.", nameof(Minimum));
        }

        if (StuckCount is < 2)
        {
            throw new ArgumentException($"Channel '{channel}': StuckCount is {StuckCount}; at least 2 identical samples make a stuck run.", nameof(StuckCount));
        }

        if (ExpectedPeriod is { } period && period <= TimeSpan.Zero)
        {
            throw new ArgumentException($"Channel '{channel}': ExpectedPeriod must be positive, not {period}.", nameof(ExpectedPeriod));
        }

        if (!(GapFactor > 1) || double.IsInfinity(GapFactor))
        {
            throw new ArgumentException($"Channel '{channel}': GapFactor must be a number above 1, not {GapFactor}.", nameof(GapFactor));
        }

        if (ClockJumpTolerance < TimeSpan.Zero)
        {
            throw new ArgumentException($"Channel '{channel}': ClockJumpTolerance must not be negative.", nameof(ClockJumpTolerance));
        }

        if (MaxInterpolationRun < 1)
        {
            throw new ArgumentException($"Channel '{channel}': MaxInterpolationRun must be at least 1, not {MaxInterpolationRun}.", nameof(MaxInterpolationRun));
        }

        ArgumentNullException.ThrowIfNull(Policy);
        Policy.Validate(channel);
    }
}
