namespace EdgeAgent.Drift.Calibration;

/// <summary>
/// How the target run length (windows between false alarms) is shared out. With both features and outputs watched,
/// each side gets half the false-alarm rate (twice the run length). The feature side has one judgement every
/// EvaluateEvery windows and two tests (PSI, distance) per judged feature: a Bonferroni split gives each test the
/// probability EvaluateEvery / (run length × tests). Judgements over overlapping batches are counted as if
/// independent, and correlated features or statistics as if disjoint, so the run length reached is at least the
/// target, usually well above it. The output side has two one-sided Page-Hinkley tests per output, each set to
/// (run length × tests) windows.
/// </summary>
/// <param name="FeatureTestAlpha">The false-alarm probability of one feature test at one judgement.</param>
/// <param name="OutputTestRunLength">The in-control average run length of each one-sided output test.</param>
internal readonly record struct FalseAlarmBudget(double FeatureTestAlpha, double OutputTestRunLength)
{
    public static FalseAlarmBudget Split(int targetRunLength, int evaluateEvery, int featureTests, int outputTests)
    {
        double featureRunLength = outputTests > 0 ? 2.0 * targetRunLength : targetRunLength;
        double outputRunLength = featureTests > 0 ? 2.0 * targetRunLength : targetRunLength;
        double alpha = featureTests > 0 ? Math.Min(0.5, evaluateEvery / featureRunLength / featureTests) : 0.5;
        return new FalseAlarmBudget(alpha, outputRunLength * Math.Max(outputTests, 1));
    }
}
