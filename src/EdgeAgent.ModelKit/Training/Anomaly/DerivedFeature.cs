namespace EdgeAgent.ModelKit.Training.Anomaly;

/// <summary>
/// A feature a device computes from two raw columns before calling the model:
/// value = <see cref="Factor"/> × (left op right), in double, rounded to float.
/// </summary>
/// <param name="Name">The feature's name.</param>
/// <param name="Operation">Product or difference.</param>
/// <param name="Left">The first column.</param>
/// <param name="Right">The second column.</param>
/// <param name="Factor">A constant multiplier (a unit conversion); default 1.</param>
public sealed record DerivedFeature(string Name, DerivedOperation Operation, string Left, string Right, double Factor = 1)
{
    /// <summary>The feature's value for one row.</summary>
    public double Compute(double left, double right) => Factor * (Operation switch
    {
        DerivedOperation.Product => left * right,
        DerivedOperation.Difference => left - right,
        _ => throw new InvalidOperationException($"Unknown operation {Operation}."),
    });
}
