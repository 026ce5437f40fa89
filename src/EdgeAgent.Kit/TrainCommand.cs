using System.CommandLine;
using System.Globalization;
using EdgeAgent.Features.Computation;
using EdgeAgent.ModelKit.Data;
using EdgeAgent.ModelKit.Packaging;
using EdgeAgent.ModelKit.Training;
using EdgeAgent.ModelKit.Training.Anomaly;
using EdgeAgent.ModelKit.Training.Features;
using EdgeAgent.ModelKit.Training.Rul;
using FeatureSpec = EdgeAgent.Packaging.FeatureSpec;

namespace EdgeAgent.Kit;

/// <summary>
/// <c>train rul</c> and <c>train anomaly</c>: train a model, write it with its card (NAME.card.json)
/// and calibration rows (NAME.calibration.csv) beside it.
/// </summary>
internal static class TrainCommand
{
    public static Command Create(TextWriter output) => new("train", "Train a model on your data.")
    {
        Rul(output),
        Anomaly(output),
    };

    private static Command Rul(TextWriter output)
    {
        var train = new Option<FileInfo>("--train") { Description = "C-MAPSS-format training file (whitespace-separated: unit, cycle, 3 settings, 21 sensors; runs to failure)", Required = true };
        var test = new Option<FileInfo?>("--test") { Description = "C-MAPSS-format test file, to report RMSE and NASA score (needs --rul)" };
        var rul = new Option<FileInfo?>("--rul") { Description = "true remaining life after each test unit's last cycle, one line per unit" };
        var outPath = new Option<FileInfo>("--out") { Description = "the model file to write (.onnx)", Required = true };
        var seed = new Option<ulong>("--seed") { Description = "random seed: same data, options and seed give the same bytes", DefaultValueFactory = _ => 1UL };
        var epochs = new Option<int?>("--epochs") { Description = "training epochs (default 60)" };
        var command = new Command("rul", "Remaining useful life from sliding windows of sensor cycles (C-MAPSS protocol: RUL capped at 125, 30-cycle windows, 14 sensors).")
        {
            train, test, rul, outPath, seed, epochs,
        };
        command.SetAction(parse =>
        {
            FileInfo? testFile = parse.GetValue(test), rulFile = parse.GetValue(rul);
            if ((testFile is null) != (rulFile is null))
            {
                throw new KitException("--test and --rul go together.");
            }

            var options = new RulTrainingOptions();
            options = options with
            {
                Network = options.Network with
                {
                    Seed = parse.GetValue(seed),
                    Epochs = parse.GetValue(epochs) ?? options.Network.Epochs,
                },
            };
            string trainPath = parse.GetValue(train)!.FullName;
            output.WriteLine($"training on {trainPath} ...");
            IReadOnlyList<CmapssEngine> engines = CmapssEngine.Split(DelimitedReader.ReadCmapss(trainPath));
            TrainedRulModel model = RulTrainer.Train(options, engines);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"trained {model.Network.ParameterCount} parameters in {model.TrainingTime.TotalSeconds:F1} s ({model.Log.Epochs.Count} epochs)"));
            RulMetrics? metrics = testFile is null ? null : RulEvaluator.Evaluate(model, testFile.FullName, rulFile!.FullName);
            if (metrics is not null)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"test: RMSE {metrics.Rmse:F2}, NASA score {metrics.NasaScore:F1}, MAE {metrics.Mae:F2} over {metrics.Predictions.Count} units"));
            }

            TrainingSet rows = RulWindows.ForTraining(engines, model.Features, model.RulCap);
            ModelCard card = ModelCards.ForRul(model, rows, metrics);
            Write(output, parse.GetValue(outPath)!.FullName, model.OnnxModel, card, rows.Inputs);
            return 0;
        });
        return command;
    }

    private static Command Anomaly(TextWriter output)
    {
        var data = new Option<FileInfo?>("--data") { Description = "CSV with a header row: one row per observation or feature window" };
        var samples = new Option<FileInfo?>("--samples") { Description = "instead of --data: CSV of raw samples with a header row, one column per channel of --spec (a 'timestamp' column is ignored)" };
        var spec = new Option<FileInfo?>("--spec") { Description = "with --samples: the feature spec (JSON, as a package's 'features') that says how windows are cut and which features are computed" };
        var sampleRate = KitSamples.SampleRateOption();
        var features = new Option<string[]>("--features") { Description = "the numeric columns the model watches", AllowMultipleArgumentsPerToken = true };
        var derive = new Option<string[]>("--derive") { Description = "extra features a device computes: 'NAME=A-B' or 'NAME=A*B' (column names)", AllowMultipleArgumentsPerToken = true };
        var label = new Option<string?>("--label") { Description = "optional 0/1 column marking known anomalies: they are left out of training and used to report ROC/PR AUC" };
        var preset = new Option<string?>("--preset") { Description = "ai4i: the AI4I 2020 columns, derived temperature difference and tuned network" };
        preset.AcceptOnlyFromAmong("ai4i");
        var percentile = new Option<double>("--threshold-percentile") { Description = "alert threshold: this percentile of the training rows' scores", DefaultValueFactory = _ => 99 };
        var outPath = new Option<FileInfo>("--out") { Description = "the model file to write (.onnx)", Required = true };
        var seed = new Option<ulong>("--seed") { Description = "random seed", DefaultValueFactory = _ => 1UL };
        var command = new Command("anomaly", "Autoencoder anomaly detector trained on normal rows only; the score is the reconstruction error. Rows are feature columns (--data) or windows of raw samples (--samples with --spec).")
        {
            data, samples, spec, sampleRate, features, derive, label, preset, percentile, outPath, seed,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(percentile) is not (> 0 and <= 100) and var p)
            {
                throw new KitException(string.Create(CultureInfo.InvariantCulture, $"--threshold-percentile {p} is out of range: give a percentile above 0 and at most 100."));
            }

            if (parse.GetValue(samples) is { } samplesFile)
            {
                string[] conflicting = [.. new Option[] { data, features, derive, label, preset }.Where(o => parse.GetResult(o) is not null).Select(o => o.Name)];
                if (conflicting.Length > 0)
                {
                    throw new KitException($"--samples cannot be combined with {string.Join(", ", conflicting)}: raw samples are windowed and turned into features as --spec declares, while --data, --features, --derive, --label and --preset describe a table of feature columns.");
                }

                FileInfo specFile = parse.GetValue(spec) ?? throw new KitException("--samples needs --spec SPEC.json, the feature spec that says how windows are cut and which features are computed.");
                return FromSamples(output, samplesFile.FullName, specFile.FullName, parse.GetValue(sampleRate), parse.GetValue(percentile), parse.GetValue(seed), parse.GetValue(outPath)!.FullName);
            }

            if (parse.GetResult(spec) is not null || parse.GetResult(sampleRate) is not null)
            {
                throw new KitException("--spec and --sample-rate go with --samples (raw samples); --data is a table of feature columns.");
            }

            FileInfo dataFile = parse.GetValue(data) ?? throw new KitException("give the training data: --data FILE.csv (feature columns) or --samples FILE.csv --spec SPEC.json (raw samples).");
            bool ai4i = parse.GetValue(preset) == "ai4i";
            AnomalyTrainingOptions options = ai4i ? Ai4iFeatures.Options : new AnomalyTrainingOptions();
            IReadOnlyList<string> columns = parse.GetValue(features) is { Length: > 0 } given ? given
                : ai4i ? Ai4iFeatures.ProcessColumns
                : throw new KitException("name the feature columns with --features (or use --preset ai4i).");
            IReadOnlyList<DerivedFeature> derived = parse.GetValue(derive) is { Length: > 0 } d ? [.. d.Select(ParseDerived)] : options.DerivedFeatures;
            options = options with
            {
                DerivedFeatures = derived,
                ThresholdRule = new ThresholdRule(parse.GetValue(percentile)),
                Network = options.Network with { Seed = parse.GetValue(seed) },
            };
            string? labelColumn = parse.GetValue(label) ?? (ai4i ? Ai4iFeatures.LabelColumn : null);
            DataTable table = DelimitedReader.ReadCsv(dataFile.FullName);
            output.WriteLine($"training on {table.Source} ({table.RowCount} rows) ...");
            TrainedAnomalyModel model = AnomalyTrainer.Train(table, columns, options, labelColumn);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"trained on {model.TrainingRows} normal rows in {model.TrainingTime.TotalSeconds:F1} s; threshold {model.Threshold:G4} ({model.ThresholdRule.Description})"));
            if (model.Evaluation is { } e)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"held out ({e.NormalRows} normal, {e.AnomalyRows} anomalies): ROC AUC {e.RocAuc:F3}, PR AUC {e.AveragePrecision:F3}, precision {e.AtThreshold.Precision:F3}, recall {e.AtThreshold.Recall:F3} at the threshold"));
            }

            float[] rows = AnomalyTrainer.InputRows(table, columns, derived);
            float[] normal = labelColumn is null ? rows : NormalRows(rows, table.Numeric(labelColumn), model.InputNames.Count);
            ModelCard card = ModelCards.ForAnomaly(model, normal);
            Write(output, parse.GetValue(outPath)!.FullName, model.OnnxModel, card, normal);
            return 0;
        });
        return command;
    }

    private static int FromSamples(TextWriter output, string samplesPath, string specPath, double? sampleRate, double percentile, ulong seed, string modelPath)
    {
        FeatureSpec spec = FeatureSpecFile.Read(specPath);
        FeaturePlan plan = KitSamples.Plan(specPath, spec, sampleRate);
        (_, WindowedRows windows) = KitSamples.Read(output, samplesPath, plan);
        var options = new AnomalyTrainingOptions();
        options = options with
        {
            ThresholdRule = new ThresholdRule(percentile),
            Network = options.Network with { Seed = seed },
        };
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"training on {windows.Count} windows x {windows.Width} features ..."));
        TrainedAnomalyModel model = AnomalyTrainer.Train(windows, options);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"trained on {model.TrainingRows} windows in {model.TrainingTime.TotalSeconds:F1} s; threshold {model.Threshold:G4} ({model.ThresholdRule.Description})"));
        ModelCard card = ModelCards.ForAnomaly(model, windows.Rows);
        string rate = sampleRate is { } hz ? string.Create(CultureInfo.InvariantCulture, $" per channel at {hz:G} Hz") : "";
        card = card with
        {
            Description = string.Create(CultureInfo.InvariantCulture, $"{card.Description} Trained on {windows.Samples} samples{rate} from {Path.GetFileName(samplesPath)}; {windows.SkippedWindows} faulty windows left out."),
        };
        Write(output, modelPath, model.OnnxModel, card, windows.Rows);
        return 0;
    }

    private static void Write(TextWriter output, string modelPath, byte[] model, ModelCard card, float[] rows)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(modelPath)!);
        File.WriteAllBytes(modelPath, model);
        card.Write(ModelCard.PathFor(modelPath));
        string calibration = Path.ChangeExtension(modelPath, ".calibration.csv");
        ModelCards.WriteCalibrationCsv(calibration, card.Features, rows);
        output.WriteLine($"wrote {modelPath} ({model.Length} bytes), {ModelCard.PathFor(modelPath)}, {calibration}");
    }

    private static float[] NormalRows(float[] rows, double[] labels, int width) =>
        [.. Enumerable.Range(0, labels.Length).Where(r => labels[r] == 0).SelectMany(r => rows.AsSpan(r * width, width).ToArray())];

    private static DerivedFeature ParseDerived(string text)
    {
        int eq = text.IndexOf('=', StringComparison.Ordinal);
        string body = eq > 0 ? text[(eq + 1)..] : "";
        int op = body.IndexOfAny(['-', '*']);
        if (eq <= 0 || op <= 0 || op == body.Length - 1)
        {
            throw new KitException($"--derive '{text}' must read NAME=A-B or NAME=A*B.");
        }

        return new DerivedFeature(
            text[..eq].Trim(),
            body[op] == '*' ? DerivedOperation.Product : DerivedOperation.Difference,
            body[..op].Trim(),
            body[(op + 1)..].Trim());
    }
}
