namespace EdgeAgent.ModelKit.Training.Rul;

/// <summary>
/// The piecewise-linear remaining-useful-life target: constant at the cap while the engine is healthy,
/// then falling by one per cycle to 0 at the last cycle of a run to failure.
/// </summary>
public static class RulTarget
{
    /// <summary>The standard cap for C-MAPSS FD001.</summary>
    public const double DefaultCap = 125;

    /// <summary>min(cycles remaining, cap).</summary>
    public static double Capped(double cyclesRemaining, double cap) => Math.Min(cyclesRemaining, cap);

    /// <summary>The capped target of every cycle of a run to failure of <paramref name="cycles"/> cycles (the last one is 0).</summary>
    public static double[] ForRunToFailure(int cycles, double cap)
    {
        var targets = new double[cycles];
        for (int i = 0; i < cycles; i++)
        {
            targets[i] = Capped(cycles - 1 - i, cap);
        }

        return targets;
    }
}
