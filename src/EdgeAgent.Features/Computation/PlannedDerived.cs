namespace EdgeAgent.Features.Computation;

/// <summary>A derived value: <c>Scale × (A op B)</c> over the two channels' latest samples, in double, rounded to float.</summary>
/// <param name="Name">Its name.</param>
/// <param name="IsProduct">True for <c>product</c>, false for <c>difference</c>.</param>
/// <param name="A">The first channel's index.</param>
/// <param name="B">The second channel's index.</param>
/// <param name="Scale">The factor applied to the result.</param>
public sealed record PlannedDerived(string Name, bool IsProduct, int A, int B, double Scale)
{
    /// <summary>The value for the two latest samples, computed as the model kit does: <c>Scale * (a op b)</c>.</summary>
    public double Compute(double a, double b) => Scale * (IsProduct ? a * b : a - b);
}
