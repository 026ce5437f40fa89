namespace EdgeAgent.ModelKit.Training.Features;

/// <summary>
/// A number computed from one channel's values x₀ … x_{L−1} in a window (x_{L−1} the newest).
/// All are computed in double and rounded to float at the end.
/// </summary>
public enum WindowStatistic
{
    /// <summary>Σ xᵢ / L.</summary>
    Mean,

    /// <summary>Population standard deviation, √(Σ (xᵢ − mean)² / L).</summary>
    StandardDeviation,

    /// <summary>The smallest value.</summary>
    Min,

    /// <summary>The largest value.</summary>
    Max,

    /// <summary>x_{L−1}.</summary>
    Last,

    /// <summary>
    /// Least-squares slope per sample against t = 0 … L−1:
    /// Σ (t − t̄)(xₜ − x̄) / Σ (t − t̄)².
    /// </summary>
    Slope,

    /// <summary>
    /// Exponentially weighted mean with α = the feature's Parameter: e₀ = x₀, eₜ = α·xₜ + (1 − α)·eₜ₋₁;
    /// the value is e_{L−1}. It restarts at every window, so a device needs only the window.
    /// </summary>
    Ewma,

    /// <summary>Mean of the newest k = the feature's Parameter values (k ≤ L).</summary>
    RecentMean,
}
