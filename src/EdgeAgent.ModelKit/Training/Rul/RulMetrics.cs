namespace EdgeAgent.ModelKit.Training.Rul;

/// <summary>How a RUL model did on the test engines.</summary>
/// <param name="Rmse">Root mean squared error in cycles against the true RUL.</param>
/// <param name="NasaScore">The PHM08 score (lower is better), see <see cref="Metrics.RegressionMetrics.NasaScore"/>.</param>
/// <param name="Mae">Mean absolute error in cycles.</param>
/// <param name="Predictions">One per test engine, in file order.</param>
public sealed record RulMetrics(double Rmse, double NasaScore, double Mae, IReadOnlyList<RulPrediction> Predictions)
{
    /// <summary>How many test engines were shorter than the window and padded.</summary>
    public int PaddedEngines => Predictions.Count(p => p.Padded);
}
