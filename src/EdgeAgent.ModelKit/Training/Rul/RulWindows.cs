using EdgeAgent.ModelKit.Training.Features;

namespace EdgeAgent.ModelKit.Training.Rul;

/// <summary>Turns engines into feature vectors: every full window of a run to failure, or the last window of a test engine.</summary>
public static class RulWindows
{
    /// <summary>
    /// Every window of each engine that ends at a cycle with at least <see cref="WindowFeatureSpec.WindowLength"/>
    /// cycles behind it (and only full windows), advancing by <see cref="WindowFeatureSpec.Hop"/> from the last
    /// cycle backwards, so the failure cycle is always included; the target is the capped RUL at the window's last cycle.
    /// An engine shorter than the window contributes its one padded window ending at its last cycle.
    /// </summary>
    public static TrainingSet ForTraining(IEnumerable<CmapssEngine> engines, WindowFeatureSpec spec, double cap)
    {
        ArgumentNullException.ThrowIfNull(engines);
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        var inputs = new List<float[]>();
        var targets = new List<float[]>();
        foreach (CmapssEngine engine in engines)
        {
            double[] rul = RulTarget.ForRunToFailure(engine.Cycles, cap);
            int first = Math.Min(spec.WindowLength - 1, engine.Cycles - 1);
            var ends = new List<int>();
            for (int end = engine.Cycles - 1; end >= first; end -= spec.Hop)
            {
                ends.Add(end);
            }

            ends.Reverse();
            foreach (int end in ends)
            {
                inputs.Add(WindowFeatureExtractor.Compute(spec, engine.Channels, end));
                targets.Add([(float)rul[end]]);
            }
        }

        return TrainingSet.FromRows(inputs, targets);
    }

    /// <summary>The vector of the window ending at the engine's last cycle (padded when the engine is shorter than the window).</summary>
    public static float[] LastWindow(CmapssEngine engine, WindowFeatureSpec spec)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(spec);
        return WindowFeatureExtractor.Compute(spec, engine.Channels, engine.Cycles - 1);
    }
}
