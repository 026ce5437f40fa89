namespace EdgeAgent.Drift.Monitoring;

/// <summary>One output's Page-Hinkley test at a verdict.</summary>
/// <param name="Name">The output's name.</param>
/// <param name="Monitored">False when the reference output is constant, or before <see cref="DriftOptions.MinimumWindows"/>.</param>
/// <param name="Increase">The highest upward statistic since the previous verdict (standard deviations).</param>
/// <param name="IncreaseLimit">Its limit λ.</param>
/// <param name="Decrease">The highest downward statistic since the previous verdict.</param>
/// <param name="DecreaseLimit">Its limit λ.</param>
/// <param name="ChangeDetected">Whether either statistic passed its limit since the previous verdict (it then restarts from 0).</param>
/// <param name="NonFiniteValues">NaN or infinite values of this output skipped since the monitor started.</param>
public sealed record OutputDrift(string Name, bool Monitored, double Increase, double IncreaseLimit, double Decrease, double DecreaseLimit, bool ChangeDetected, long NonFiniteValues);
