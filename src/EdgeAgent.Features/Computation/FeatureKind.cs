namespace EdgeAgent.Features.Computation;

/// <summary>
/// What one feature computes from a channel's window x₀ … x_{L−1} (x_{L−1} the newest). All are computed in
/// double and rounded to float at the end, exactly as the model kit does in training.
/// </summary>
public enum FeatureKind
{
    /// <summary><c>value</c>: the latest sample, x_{L−1}.</summary>
    Value,

    /// <summary><c>last</c>: the window's last sample, x_{L−1}.</summary>
    Last,

    /// <summary><c>mean</c>: Σ xᵢ / L.</summary>
    Mean,

    /// <summary><c>std</c>: population standard deviation, √(Σ (xᵢ − mean)² / L).</summary>
    Std,

    /// <summary><c>min</c>: the smallest value.</summary>
    Min,

    /// <summary><c>max</c>: the largest value.</summary>
    Max,

    /// <summary><c>rms</c>: √(Σ xᵢ² / L).</summary>
    Rms,

    /// <summary><c>peak</c>: the largest |xᵢ|.</summary>
    Peak,

    /// <summary><c>peak_to_peak</c>: max − min.</summary>
    PeakToPeak,

    /// <summary><c>crest</c>: peak / rms, 0 when rms is 0.</summary>
    Crest,

    /// <summary><c>kurtosis</c>: m₄ / m₂² with population central moments (3 for a normal distribution); 0 when every sample is equal.</summary>
    Kurtosis,

    /// <summary><c>skewness</c>: m₃ / m₂^1.5 with population central moments; 0 when every sample is equal.</summary>
    Skewness,

    /// <summary><c>slope</c>: least-squares slope per step against t = 0 … L−1.</summary>
    Slope,

    /// <summary><c>ewma:ALPHA</c>: e₀ = x₀, eₜ = α·xₜ + (1 − α)·eₜ₋₁; the value is e_{L−1}.</summary>
    Ewma,

    /// <summary><c>recent_mean:K</c>: the mean of the newest K samples.</summary>
    RecentMean,

    /// <summary>
    /// <c>band_energy:LO-HI</c> (Hz): the part of the window's mean square that lies in LO ≤ f &lt; HI (a band whose HI is the
    /// Nyquist frequency also takes the Nyquist bin). The window is zero-padded to N, the next power of two, and transformed
    /// (rectangular window, mean not removed); the value is Σ_band cₖ·|Xₖ|² / (N·L), cₖ = 1 for the DC and Nyquist bins and 2
    /// otherwise, so the bands that tile 0 … fs/2 add up to rms² (Parseval).
    /// </summary>
    BandEnergy,
}
