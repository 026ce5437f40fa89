using System.Diagnostics;
using System.Globalization;
using EdgeAgent.ModelKit.Data;

namespace EdgeAgent.ModelKit.Training.Rul;

/// <summary>
/// Trains a remaining-useful-life regressor on C-MAPSS runs to failure (e.g. <c>train_FD001.txt</c>):
/// windows of the chosen sensors → feature vectors → a dense ReLU network fitted to RUL / cap, whose
/// output is scaled back to cycles inside the exported model.
/// </summary>
public static class RulTrainer
{
    private const ulong SplitStream = 0x0005_911D_A71D_0001UL;

    /// <summary>Reads <paramref name="trainPath"/> and trains.</summary>
    /// <exception cref="DataFormatException">The file is missing or malformed.</exception>
    public static TrainedRulModel Train(RulTrainingOptions options, string trainPath)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(trainPath);
        long started = Stopwatch.GetTimestamp();
        options.Validate();
        IReadOnlyList<CmapssEngine> engines = CmapssEngine.Split(DelimitedReader.ReadCmapss(trainPath));
        return Train(options, engines, started);
    }

    /// <summary>Trains on engines already read.</summary>
    public static TrainedRulModel Train(RulTrainingOptions options, IReadOnlyList<CmapssEngine> engines)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(engines);
        options.Validate();
        return Train(options, engines, Stopwatch.GetTimestamp());
    }

    private static TrainedRulModel Train(RulTrainingOptions options, IReadOnlyList<CmapssEngine> engines, long started)
    {
        if (engines.Count == 0)
        {
            throw new ArgumentException("There are no engines to train on.", nameof(engines));
        }

        (List<CmapssEngine> training, List<CmapssEngine> validation) = SplitUnits(engines, options.ValidationFraction, options.Network.Seed);
        float scale = (float)(1.0 / options.RulCap);
        TrainingSet trainingSet = Scaled(RulWindows.ForTraining(training, options.Features, options.RulCap), scale);
        TrainingSet? validationSet = validation.Count == 0 ? null : Scaled(RulWindows.ForTraining(validation, options.Features, options.RulCap), scale);
        TrainingResult result = NetworkTrainer.Train(trainingSet, options.Network, validationSet);
        DenseNetwork network = result.Network.WithOutputAffine((float)options.RulCap, 0f);
        double? validationRmse = validationSet is null
            ? null
            : Math.Sqrt(NetworkTrainer.MeanSquaredError(result.Network, validationSet)) * options.RulCap;
        var metadata = new Dictionary<string, string>
        {
            ["edgeagent.model"] = "rul-regressor",
            ["edgeagent.rul_cap"] = options.RulCap.ToString(CultureInfo.InvariantCulture),
            ["edgeagent.window_length"] = options.Features.WindowLength.ToString(CultureInfo.InvariantCulture),
            ["edgeagent.features"] = string.Join(",", options.Features.Features.Select(f => f.Name)),
        };
        byte[] onnx = NetworkOnnxExporter.Regressor(network, "rul_regressor", metadata);
        return new TrainedRulModel
        {
            OnnxModel = onnx,
            Features = options.Features,
            Network = network,
            RulCap = options.RulCap,
            TrainingUnits = [.. training.Select(e => e.Unit)],
            ValidationUnits = [.. validation.Select(e => e.Unit)],
            ValidationRmse = validationRmse,
            Log = result.Log,
            TrainingTime = Stopwatch.GetElapsedTime(started),
        };
    }

    /// <summary>Holds out round(fraction · n) whole engines, chosen by a seeded shuffle; both lists keep file order.</summary>
    internal static (List<CmapssEngine> Training, List<CmapssEngine> Validation) SplitUnits(IReadOnlyList<CmapssEngine> engines, double fraction, ulong seed)
    {
        int held = (int)Math.Round(fraction * engines.Count, MidpointRounding.AwayFromZero);
        if (held == 0)
        {
            return ([.. engines], []);
        }

        if (held >= engines.Count)
        {
            throw new ArgumentException($"Holding out {held} of {engines.Count} engines leaves none to train on.", nameof(fraction));
        }

        int[] order = [.. Enumerable.Range(0, engines.Count)];
        new SeededRandom(seed ^ SplitStream).Shuffle(order.AsSpan());
        var validationIndexes = new HashSet<int>(order.Take(held));
        return (
            [.. engines.Where((_, i) => !validationIndexes.Contains(i))],
            [.. engines.Where((_, i) => validationIndexes.Contains(i))]);
    }

    private static TrainingSet Scaled(TrainingSet set, float scale)
    {
        float[] targets = [.. set.Targets.Select(t => t * scale)];
        return new TrainingSet(set.Inputs, set.InputWidth, targets, set.TargetWidth);
    }
}
