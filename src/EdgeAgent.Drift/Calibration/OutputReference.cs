namespace EdgeAgent.Drift.Calibration;

/// <summary>
/// One model output's reference for the Page-Hinkley test. Each value is standardized by the profile's
/// <see cref="Mean"/> and <see cref="Std"/>, clipped to [<see cref="Low"/>, <see cref="High"/>] (the reference's 1% and
/// 99% quantiles, standardized) and centred on <see cref="Center"/> (the clipped reference mean); each direction's
/// statistic alarms above its limit.
/// </summary>
/// <param name="Name">The output's name.</param>
/// <param name="Monitored">False when the reference output is constant (zero standard deviation).</param>
/// <param name="Mean">The profile's mean.</param>
/// <param name="Std">The profile's standard deviation.</param>
/// <param name="Low">The lowest standardized value counted; lower ones count as this.</param>
/// <param name="High">The highest standardized value counted.</param>
/// <param name="Center">The in-control mean of the clipped standardized value.</param>
/// <param name="Delta">The drift allowance δ, in standard deviations.</param>
/// <param name="IncreaseLimit">λ for the upward test.</param>
/// <param name="DecreaseLimit">λ for the downward test.</param>
public sealed record OutputReference(
    string Name, bool Monitored, double Mean, double Std, double Low, double High, double Center, double Delta, double IncreaseLimit, double DecreaseLimit);
