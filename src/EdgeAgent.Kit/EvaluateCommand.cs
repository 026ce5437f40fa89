using System.CommandLine;
using System.Globalization;
using EdgeAgent.Features.Computation;
using EdgeAgent.ModelKit.Data;
using EdgeAgent.ModelKit.Metrics;
using EdgeAgent.ModelKit.Packaging;
using EdgeAgent.ModelKit.Training.Anomaly;
using EdgeAgent.ModelKit.Training.Features;
using EdgeAgent.ModelKit.Training.Rul;

namespace EdgeAgent.Kit;

/// <summary><c>evaluate rul|anomaly</c>: metrics, size and latency of one or more models (float and int8) side by side.</summary>
internal static class EvaluateCommand
{
    public static Command Create(TextWriter output) => new("evaluate", "Score models on a test set, side by side (for example float32 and int8).")
    {
        Rul(output),
        Anomaly(output),
    };

    private static Option<FileInfo[]> Models() => new("--model")
    {
        Description = "a model to evaluate; repeat for side-by-side (the first one's card gives the features)",
        Required = true,
        AllowMultipleArgumentsPerToken = true,
    };

    private static Command Rul(TextWriter output)
    {
        var models = Models();
        var test = new Option<FileInfo>("--test") { Description = "C-MAPSS-format test file", Required = true };
        var rul = new Option<FileInfo>("--rul") { Description = "true remaining life after each test unit's last cycle", Required = true };
        var command = new Command("rul", "RMSE and NASA score on the last window of each test unit.") { models, test, rul };
        command.SetAction(parse =>
        {
            FileInfo[] files = parse.GetValue(models)!;
            ModelCard card = ModelCard.Read(KitFiles.CardFor(files[0].FullName));
            var spec = FeatureSpecMapper.ToWindows(card.Features);
            var engines = CmapssEngine.Split(DelimitedReader.ReadCmapss(parse.GetValue(test)!.FullName));
            float[] windows = [.. engines.SelectMany(e => RulWindows.LastWindow(e, spec))];
            output.WriteLine($"{"model",-40} {"bytes",8} {"RMSE",8} {"NASA",9} {"MAE",7} {"us/call",8}");
            RulMetrics? first = null;
            foreach (FileInfo file in files)
            {
                byte[] model = KitFiles.ReadModel(file.FullName);
                RulMetrics m = RulEvaluator.Evaluate(model, spec, parse.GetValue(test)!.FullName, parse.GetValue(rul)!.FullName);
                double latency = ModelLatency.MicrosecondsPerCall(model, windows, card.Features.Width);
                first ??= m;
                string delta = ReferenceEquals(first, m) ? "" : string.Create(CultureInfo.InvariantCulture, $"  (RMSE {m.Rmse - first.Rmse:+0.00;-0.00}, max |prediction difference| {first.Predictions.Zip(m.Predictions).Max(p => Math.Abs(p.First.PredictedRul - p.Second.PredictedRul)):F2} cycles)");
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{file.Name,-40} {model.Length,8} {m.Rmse,8:F2} {m.NasaScore,9:F1} {m.Mae,7:F2} {latency,8:F2}{delta}"));
            }

            return 0;
        });
        return command;
    }

    private static Command Anomaly(TextWriter output)
    {
        var models = Models();
        var data = new Option<FileInfo?>("--data") { Description = "CSV holding the feature columns and a label column (models trained with --data)" };
        var samples = new Option<FileInfo?>("--samples") { Description = "CSV of raw samples and a label column (models trained with --samples): a window is an anomaly when any of its samples is labelled" };
        var sampleRate = KitSamples.SampleRateOption();
        var label = new Option<string>("--label") { Description = "0/1 column marking anomalies", Required = true };
        var command = new Command("anomaly", "ROC AUC, PR AUC and precision/recall at the card's threshold.") { models, data, samples, sampleRate, label };
        command.SetAction(parse =>
        {
            FileInfo[] files = parse.GetValue(models)!;
            string cardPath = KitFiles.CardFor(files[0].FullName);
            ModelCard card = ModelCard.Read(cardPath);
            double threshold = card.Alerts.FirstOrDefault(a => a.Output == "score")?.Threshold
                ?? throw new KitException("the model card has no alert threshold on 'score'.");
            string labelColumn = parse.GetValue(label)!;
            bool windowed = card.Features.Window > 1 || card.Features.Channels.Any(c => c.Features.Any(f => f != "value"));
            if (parse.GetResult(sampleRate) is not null && parse.GetResult(samples) is null)
            {
                throw new KitException("--sample-rate goes with --samples.");
            }

            (float[] rows, bool[] labels, string unit) = (parse.GetValue(data), parse.GetValue(samples), windowed) switch
            {
                ({ } csv, null, false) => FeatureRows(card, csv.FullName, labelColumn),
                (null, { } csv, true) => WindowRows(output, card, cardPath, csv.FullName, parse.GetValue(sampleRate), labelColumn),
                (null, null, _) => throw new KitException("give the test data with --data FILE.csv (feature columns) or --samples FILE.csv (raw samples)."),
                (not null, not null, _) => throw new KitException("give the test data either with --data or with --samples, not both."),
                (_, _, true) => throw new KitException($"{cardPath}: the model's features are computed from windows of {card.Features.Window} samples; evaluate it on raw samples with --samples FILE.csv."),
                _ => throw new KitException($"{cardPath}: the model reads feature columns one row at a time; evaluate it with --data FILE.csv."),
            };
            if (labels.Length == 0)
            {
                throw new KitException($"the test data gives no {unit} to score.");
            }

            int width = card.Features.Width;
            output.WriteLine($"{labels.Count(l => l)} anomalies among {labels.Length} {unit}; threshold {threshold.ToString("G4", CultureInfo.InvariantCulture)} from the card");
            output.WriteLine($"{"model",-40} {"bytes",8} {"ROC AUC",8} {"PR AUC",8} {"prec.",7} {"recall",7} {"FPR",7} {"us/call",8}");
            foreach (FileInfo file in files)
            {
                byte[] model = KitFiles.ReadModel(file.FullName);
                double[] scores = AnomalyTrainer.ScoreWithOnnx(model, rows, width);
                ThresholdCounts at = ClassificationMetrics.AtThreshold(scores, labels, threshold);
                double latency = ModelLatency.MicrosecondsPerCall(model, rows, width);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{file.Name,-40} {model.Length,8} {ClassificationMetrics.RocAuc(scores, labels),8:F3} {ClassificationMetrics.AveragePrecision(scores, labels),8:F3} {at.Precision,7:F3} {at.Recall,7:F3} {at.FalsePositiveRate,7:F3} {latency,8:F2}"));
            }

            return 0;
        });
        return command;
    }

    private static (float[] Rows, bool[] Labels, string Unit) FeatureRows(ModelCard card, string path, string labelColumn)
    {
        DataTable table = DelimitedReader.ReadCsv(path);
        string[] columns = [.. card.Features.Channels.Where(c => c.Features.Count > 0).Select(c => c.Name)];
        float[] rows = AnomalyTrainer.InputRows(table, columns, FeatureSpecMapper.DerivedOf(card.Features));
        return (rows, [.. table.Numeric(labelColumn).Select(v => v != 0)], "rows");
    }

    private static (float[] Rows, bool[] Labels, string Unit) WindowRows(TextWriter output, ModelCard card, string cardPath, string path, double? sampleRate, string labelColumn)
    {
        FeaturePlan plan = KitSamples.Plan(cardPath, card.Features, sampleRate);
        (DataTable table, WindowedRows windows) = KitSamples.Read(output, path, plan);
        return (windows.Rows, windows.LabelWindows(table.Numeric(labelColumn)), "windows");
    }
}
