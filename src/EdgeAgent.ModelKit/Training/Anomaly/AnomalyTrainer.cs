using System.Diagnostics;
using System.Globalization;
using EdgeAgent.Inference;
using EdgeAgent.ModelKit.Data;
using EdgeAgent.ModelKit.Metrics;
using EdgeAgent.ModelKit.Training.Features;
using EdgeAgent.Packaging;

namespace EdgeAgent.ModelKit.Training.Anomaly;

/// <summary>
/// Trains an autoencoder on normal rows of any table of feature columns and sets an alarm threshold on its
/// reconstruction error. With a label column (nonzero = anomaly) it trains on a seeded share of the normal
/// rows and evaluates on the other normal rows plus every anomaly; scores come from the exported model run
/// by ONNX Runtime, so the threshold and figures are those a device will see.
/// </summary>
public static class AnomalyTrainer
{
    /// <summary>Usable windows <see cref="Train(WindowedRows, AnomalyTrainingOptions)"/> needs: fewer cannot set a percentile threshold or fit a network worth shipping.</summary>
    public const int MinimumWindows = 32;

    private const ulong SplitStream = 0xA70_3A1F_5911_0001UL;

    /// <summary>Reads a CSV file with a header and trains.</summary>
    /// <exception cref="DataFormatException">The file is missing or malformed, or a column is missing or not numeric.</exception>
    public static TrainedAnomalyModel Train(string csvPath, IReadOnlyList<string> featureColumns, AnomalyTrainingOptions options, string? labelColumn = null) =>
        Train(DelimitedReader.ReadCsv(csvPath), featureColumns, options, labelColumn);

    /// <summary>Trains on a table.</summary>
    /// <param name="table">The rows.</param>
    /// <param name="featureColumns">The numeric columns fed to the model, in order (derived features follow them).</param>
    /// <param name="options">Network, derived features, split and threshold rule.</param>
    /// <param name="labelColumn">Optional: a numeric column, nonzero for anomalous rows.</param>
    /// <exception cref="DataFormatException">A column is missing or not numeric.</exception>
    public static TrainedAnomalyModel Train(DataTable table, IReadOnlyList<string> featureColumns, AnomalyTrainingOptions options, string? labelColumn = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(featureColumns);
        ArgumentNullException.ThrowIfNull(options);
        long started = Stopwatch.GetTimestamp();
        options.Validate();
        if (featureColumns.Count == 0)
        {
            throw new ArgumentException("At least one feature column is needed.", nameof(featureColumns));
        }

        float[] inputs = InputRows(table, featureColumns, options.DerivedFeatures);
        bool[]? anomalous = labelColumn is null ? null : [.. table.Numeric(labelColumn).Select(v => v != 0)];
        return Train(inputs, [.. featureColumns], options, anomalous, windowFeatures: null, started);
    }

    /// <summary>
    /// Trains on the feature rows of windows of raw samples (every window taken as normal); the model's inputs are the
    /// spec's values in <see cref="FeatureSpec.ValueNames"/> order, and <see cref="TrainedAnomalyModel.WindowFeatures"/> is the spec.
    /// </summary>
    /// <param name="windows">The rows, from <see cref="SampleWindows.Compute"/>.</param>
    /// <param name="options">Network and threshold rule; derived values belong in the spec, not in <see cref="AnomalyTrainingOptions.DerivedFeatures"/>.</param>
    /// <exception cref="DataFormatException">Fewer than <see cref="MinimumWindows"/> usable windows; the message says how many samples are needed.</exception>
    public static TrainedAnomalyModel Train(WindowedRows windows, AnomalyTrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(windows);
        ArgumentNullException.ThrowIfNull(options);
        long started = Stopwatch.GetTimestamp();
        options.Validate();
        if (options.DerivedFeatures.Count > 0)
        {
            throw new ArgumentException("Derived values of windowed features are declared in the feature spec's 'derived' list, not in the options.", nameof(options));
        }

        if (windows.Count < MinimumWindows)
        {
            FeatureSpec spec = windows.Spec;
            int needed = spec.Padding == "repeat-first" ? MinimumWindows * spec.Hop : Math.Max(spec.Window, spec.Hop) + ((MinimumWindows - 1) * spec.Hop);
            throw new DataFormatException(windows.Source, 0, string.Create(CultureInfo.InvariantCulture,
                $"{windows.Samples} samples give {windows.Count} usable window(s) ({windows.SkippedWindows} skipped) of {spec.Window} samples every {spec.Hop}; training needs at least {MinimumWindows} windows, that is at least {needed} samples per channel."));
        }

        return Train(windows.Rows, [.. windows.Spec.ValueNames], options, labels: null, windows.Spec, started);
    }

    private static TrainedAnomalyModel Train(float[] inputs, string[] featureColumns, AnomalyTrainingOptions options, bool[]? labels, FeatureSpec? windowFeatures, long started)
    {
        int width = featureColumns.Length + options.DerivedFeatures.Count;
        bool labelled = labels is not null;
        bool[] anomalous = labels ?? new bool[inputs.Length / width];
        (int[] training, int[] heldOutNormal) = SplitNormalRows(anomalous, labelled ? options.TrainFraction : 1.0, options.Network.Seed);
        if (training.Length < 2)
        {
            throw new ArgumentException($"Only {training.Length} normal row(s) are left to train on.", nameof(inputs));
        }

        float[] trainingInputs = Gather(inputs, width, training);
        FeatureNormalization normalization = FeatureNormalization.Fit(trainingInputs, training.Length, width);
        var targets = new float[trainingInputs.Length];
        for (int r = 0; r < training.Length; r++)
        {
            normalization.Apply(trainingInputs.AsSpan(r * width, width), targets.AsSpan(r * width, width));
        }

        TrainingResult result = NetworkTrainer.Train(new TrainingSet(trainingInputs, width, targets, width), options.Network, normalization: normalization);
        string[] inputNames = [.. featureColumns, .. options.DerivedFeatures.Select(d => d.Name)];
        var metadata = new Dictionary<string, string>
        {
            ["edgeagent.model"] = "anomaly-autoencoder",
            ["edgeagent.features"] = string.Join(",", inputNames),
            ["edgeagent.score"] = "mean squared reconstruction error of the standardized features",
        };
        byte[] onnx = NetworkOnnxExporter.Autoencoder(result.Network, "anomaly_autoencoder", metadata);

        double[] scores = ScoreWithOnnx(onnx, inputs, width);
        double threshold = options.ThresholdRule.Apply([.. training.Select(i => scores[i])]);
        AnomalyEvaluation? evaluation = null;
        if (labelled)
        {
            int[] evaluated = [.. heldOutNormal, .. Enumerable.Range(0, anomalous.Length).Where(i => anomalous[i])];
            Array.Sort(evaluated);
            double[] evaluatedScores = [.. evaluated.Select(i => scores[i])];
            bool[] evaluatedLabels = [.. evaluated.Select(i => anomalous[i])];
            int anomalies = evaluatedLabels.Count(l => l);
            if (anomalies > 0 && heldOutNormal.Length > 0)
            {
                evaluation = new AnomalyEvaluation(
                    ClassificationMetrics.RocAuc(evaluatedScores, evaluatedLabels),
                    ClassificationMetrics.AveragePrecision(evaluatedScores, evaluatedLabels),
                    ClassificationMetrics.AtThreshold(evaluatedScores, evaluatedLabels, threshold),
                    heldOutNormal.Length,
                    anomalies);
            }
        }

        return new TrainedAnomalyModel
        {
            OnnxModel = onnx,
            FeatureColumns = featureColumns,
            DerivedFeatures = [.. options.DerivedFeatures],
            WindowFeatures = windowFeatures,
            Network = result.Network,
            Threshold = threshold,
            ThresholdRule = options.ThresholdRule,
            TrainingRows = training.Length,
            Evaluation = evaluation,
            Log = result.Log,
            TrainingTime = Stopwatch.GetElapsedTime(started),
        };
    }

    /// <summary>
    /// The model's input for every row of the table, row-major: the feature columns, then the derived features.
    /// </summary>
    /// <exception cref="DataFormatException">A column is missing or holds something other than a number.</exception>
    public static float[] InputRows(DataTable table, IReadOnlyList<string> featureColumns, IReadOnlyList<DerivedFeature> derived)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(featureColumns);
        ArgumentNullException.ThrowIfNull(derived);
        table.RequireColumns([.. featureColumns, .. derived.SelectMany(d => new[] { d.Left, d.Right })]);
        int width = featureColumns.Count + derived.Count;
        var rows = new float[table.RowCount * width];
        for (int c = 0; c < featureColumns.Count; c++)
        {
            double[] column = table.Numeric(featureColumns[c]);
            for (int r = 0; r < column.Length; r++)
            {
                rows[(r * width) + c] = (float)column[r];
            }
        }

        for (int d = 0; d < derived.Count; d++)
        {
            double[] left = table.Numeric(derived[d].Left);
            double[] right = table.Numeric(derived[d].Right);
            for (int r = 0; r < left.Length; r++)
            {
                rows[(r * width) + featureColumns.Count + d] = (float)derived[d].Compute(left[r], right[r]);
            }
        }

        return rows;
    }

    /// <summary>The score of each row (row-major, <paramref name="width"/> raw features each) computed by ONNX Runtime.</summary>
    public static double[] ScoreWithOnnx(byte[] onnxModel, float[] rows, int width)
    {
        ArgumentNullException.ThrowIfNull(onnxModel);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        using InferenceEngine engine = InferenceEngine.Load(onnxModel, source: "anomaly model");
        float[] scores = engine.Run(InferenceInput.Create(NetworkOnnxExporter.InputName, rows, rows.Length / width, width))[NetworkOnnxExporter.ScoreOutputName].As<float>();
        return [.. scores.Select(s => (double)s)];
    }

    /// <summary>mean over features of ((x − mean)·scale − r)², r the network's standardized reconstruction; float arithmetic as in the graph.</summary>
    internal static double Score(DenseNetwork network, ReadOnlySpan<float> input)
    {
        if (input.Length != network.Inputs)
        {
            throw new ArgumentException($"The model takes {network.Inputs} features, not {input.Length}.", nameof(input));
        }

        var standardized = new float[network.Inputs];
        network.Normalization.Apply(input, standardized);
        float[] reconstruction = network.Forward(input);
        float sum = 0;
        for (int f = 0; f < standardized.Length; f++)
        {
            float d = standardized[f] - reconstruction[f];
            sum += d * d;
        }

        return sum / standardized.Length;
    }

    /// <summary>Training rows (a seeded share of the normal rows) and the other normal rows, each in row order.</summary>
    private static (int[] Training, int[] HeldOut) SplitNormalRows(bool[] anomalous, double fraction, ulong seed)
    {
        int[] normal = [.. Enumerable.Range(0, anomalous.Length).Where(i => !anomalous[i])];
        int take = (int)Math.Round(fraction * normal.Length, MidpointRounding.AwayFromZero);
        int[] shuffled = (int[])normal.Clone();
        new SeededRandom(seed ^ SplitStream).Shuffle(shuffled.AsSpan());
        int[] training = shuffled[..take];
        int[] heldOut = shuffled[take..];
        Array.Sort(training);
        Array.Sort(heldOut);
        return (training, heldOut);
    }

    private static float[] Gather(float[] rows, int width, int[] indexes)
    {
        var gathered = new float[indexes.Length * width];
        for (int i = 0; i < indexes.Length; i++)
        {
            rows.AsSpan(indexes[i] * width, width).CopyTo(gathered.AsSpan(i * width, width));
        }

        return gathered;
    }
}
