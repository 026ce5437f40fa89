using System.Globalization;
using EdgeAgent.ModelKit.Training;
using EdgeAgent.ModelKit.Training.Anomaly;
using EdgeAgent.ModelKit.Training.Rul;
using EdgeAgent.Packaging;

namespace EdgeAgent.ModelKit.Packaging;

/// <summary>Makes the model card of each model family from what training produced.</summary>
public static class ModelCards
{
    /// <summary>Warning when the predicted remaining life falls below this many cycles.</summary>
    public const double RulWarningCycles = 50;

    /// <summary>Critical when the predicted remaining life falls below this many cycles.</summary>
    public const double RulCriticalCycles = 25;

    /// <summary>
    /// The RUL card. <paramref name="trainingRows"/> are the training windows' feature rows (for the
    /// reference profile); <paramref name="test"/>, when given, adds the test metrics.
    /// </summary>
    public static ModelCard ForRul(TrainedRulModel model, TrainingSet trainingRows, RulMetrics? test)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(trainingRows);
        FeatureSpec features = FeatureSpecMapper.FromWindows(model.Features, "cycles", _ => "sensor units");
        double[] predictions = [.. model.Network.Predict(trainingRows.Inputs).Select(v => (double)v)];
        var metrics = new Dictionary<string, double>
        {
            ["trainingWindows"] = trainingRows.Count,
            ["rulCap"] = model.RulCap,
        };
        if (model.ValidationRmse is double validation)
        {
            metrics["validationRmse"] = validation;
        }

        if (test is not null)
        {
            metrics["testRmse"] = test.Rmse;
            metrics["testNasaScore"] = test.NasaScore;
            metrics["testMae"] = test.Mae;
        }

        string errorNote = test is null ? "" : string.Create(CultureInfo.InvariantCulture, $" Predictions err by about {test.Rmse:F1} cycles (test RMSE), so when it fires the true remaining life is most likely still above {RulWarningCycles - test.Rmse:F0} cycles.");
        return new ModelCard
        {
            Task = "rul",
            Description = $"Remaining useful life from {model.Features.WindowLength}-cycle windows of {features.Channels.Count} sensors; target capped at {model.RulCap.ToString(CultureInfo.InvariantCulture)} cycles (piecewise linear).",
            Inputs = [new PackageTensor("x", "float32", ["batch", features.Width.ToString(CultureInfo.InvariantCulture)], "window features, in the order the feature spec lists them", "sensor units")],
            Outputs = [new PackageTensor("y", "float32", ["batch", "1"], $"predicted remaining useful life, 0 to about {model.RulCap.ToString(CultureInfo.InvariantCulture)} (the training cap: values near the cap mean 'healthy, far from failure')", "cycles")],
            Features = features,
            Alerts =
            [
                new AlertThreshold("y", "below", RulWarningCycles, "warning", "Plan maintenance: less than 50 cycles of predicted life, enough lead time to order parts." + errorNote),
                new AlertThreshold("y", "below", RulCriticalCycles, "critical", "Act now: less than 25 cycles of predicted life, about two RMSE from failure."),
            ],
            Metrics = metrics,
            Profile = Profile(features, trainingRows.Inputs, trainingRows.InputWidth, [ValueProfile.Of("y", predictions)]),
        };
    }

    /// <summary>
    /// The anomaly card. <paramref name="trainingRows"/> are the (normal) rows the model was trained on, row-major. Its
    /// features are the model's window spec itself when it was trained on windows of samples, else its columns one row at a time.
    /// </summary>
    public static ModelCard ForAnomaly(TrainedAnomalyModel model, float[] trainingRows)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(trainingRows);
        FeatureSpec features = model.WindowFeatures ?? FeatureSpecMapper.FromColumns(model.FeatureColumns, model.DerivedFeatures, UnitsFromName);
        int width = features.Width;
        double[] scores = [.. Enumerable.Range(0, trainingRows.Length / width).Select(r => model.Score(trainingRows.AsSpan(r * width, width)))];
        var metrics = new Dictionary<string, double>
        {
            ["trainingRows"] = model.TrainingRows,
            ["threshold"] = model.Threshold,
        };
        if (model.Evaluation is { } e)
        {
            metrics["validationRocAuc"] = e.RocAuc;
            metrics["validationPrAuc"] = e.AveragePrecision;
            metrics["validationPrecision"] = e.AtThreshold.Precision;
            metrics["validationRecall"] = e.AtThreshold.Recall;
        }

        string n = width.ToString(CultureInfo.InvariantCulture);
        return new ModelCard
        {
            Task = "anomaly",
            Description = model.WindowFeatures is { } w
                ? string.Create(CultureInfo.InvariantCulture, $"Autoencoder anomaly score over {width} features of {w.Window}-sample windows every {w.Hop} samples of {w.Channels.Count} channels, trained on normal windows only.")
                : $"Autoencoder anomaly score over {width} features, trained on normal rows only.",
            Inputs = [new PackageTensor("x", "float32", ["batch", n], "feature values, in the order the feature spec lists them", "feature units")],
            Outputs =
            [
                new PackageTensor("reconstruction", "float32", ["batch", n], "the model's reconstruction of the input", "feature units"),
                new PackageTensor("score", "float32", ["batch"], "mean squared reconstruction error in standardised units: about 1 or less is normal, larger is unusual", "1"),
            ],
            Features = features,
            Alerts = [new AlertThreshold("score", "above", model.Threshold, "warning", $"{model.ThresholdRule.Description}, so about {100 - model.ThresholdRule.Percentile:G3}% of normal rows raise it.")],
            Metrics = metrics,
            Profile = Profile(features, trainingRows, width, [ValueProfile.Of("score", scores)]),
        };
    }

    /// <summary>Writes up to <paramref name="maxRows"/> evenly spaced feature rows as CSV, for calibrating quantization.</summary>
    public static void WriteCalibrationCsv(string path, FeatureSpec features, float[] rows, int maxRows = 4096)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(rows);
        int width = features.Width;
        int count = rows.Length / width;
        int step = Math.Max(1, count / maxRows);
        using var writer = new StreamWriter(path);
        writer.WriteLine(string.Join(',', features.ValueNames.Select(Quote)));
        for (int r = 0; r < count; r += step)
        {
            writer.WriteLine(string.Join(',', Enumerable.Range(0, width).Select(c => rows[(r * width) + c].ToString("R", CultureInfo.InvariantCulture))));
        }
    }

    private static string Quote(string name) => name.Contains(',', StringComparison.Ordinal) ? $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : name;

    private static ReferenceProfile Profile(FeatureSpec features, float[] rows, int width, IReadOnlyList<ValueProfile> outputs)
    {
        string[] names = [.. features.ValueNames];
        int count = rows.Length / width;
        return new ReferenceProfile
        {
            Features = [.. names.Select((name, c) => ValueProfile.Of(name, [.. Enumerable.Range(0, count).Select(r => (double)rows[(r * width) + c])]))],
            Outputs = outputs,
        };
    }

    // "Torque [Nm]" → "Nm"; names without brackets have no stated unit.
    private static string UnitsFromName(string name)
    {
        int open = name.LastIndexOf('[');
        int close = name.LastIndexOf(']');
        return open >= 0 && close > open ? name[(open + 1)..close] : "1";
    }
}
