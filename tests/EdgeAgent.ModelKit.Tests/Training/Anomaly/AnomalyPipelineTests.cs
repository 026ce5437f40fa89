using System.Globalization;
using EdgeAgent.Inference;
using EdgeAgent.ModelKit.Data;
using EdgeAgent.ModelKit.Metrics;
using EdgeAgent.ModelKit.Training.Anomaly;
using Xunit.Abstractions;

namespace EdgeAgent.ModelKit.Tests.Training.Anomaly;

public sealed class AnomalyPipelineTests(AnomalyAi4iFixture fixture, ITestOutputHelper output) : IClassFixture<AnomalyAi4iFixture>
{
    [Fact]
    public void Train_Ai4i_ReachesRocAucTarget()
    {
        TrainedAnomalyModel model = fixture.Model;
        AnomalyEvaluation evaluation = Assert.IsType<AnomalyEvaluation>(model.Evaluation);
        ThresholdCounts at = evaluation.AtThreshold;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"AI4I: ROC AUC {evaluation.RocAuc:F4}, PR AUC {evaluation.AveragePrecision:F4}, threshold {model.Threshold:G6} ({model.ThresholdRule.Description})"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"at threshold: precision {at.Precision:F3}, recall {at.Recall:F3}, F1 {at.F1:F3}, false-alarm rate {at.FalsePositiveRate:F4} (TP {at.TruePositives}, FP {at.FalsePositives}, TN {at.TrueNegatives}, FN {at.FalseNegatives})"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"trained on {model.TrainingRows} normal rows in {model.TrainingTime.TotalSeconds:F1} s; evaluated on {evaluation.NormalRows} normal + {evaluation.AnomalyRows} failure rows; {model.Network.ParameterCount} parameters, ONNX {model.OnnxModel.Length} bytes"));

        Assert.True(evaluation.RocAuc >= 0.85, $"ROC AUC {evaluation.RocAuc}");
        Assert.Equal(339, evaluation.AnomalyRows);
        Assert.Equal(9661 - model.TrainingRows, evaluation.NormalRows);
        Assert.Equal(6763, model.TrainingRows);
        Assert.Equal(at.TruePositives + at.FalseNegatives, evaluation.AnomalyRows);
    }

    [Fact]
    public void Threshold_IsThe99thPercentileOfTrainingScores()
    {
        TrainedAnomalyModel model = fixture.Model;
        float[] inputs = AnomalyTrainer.InputRows(fixture.Table, model.FeatureColumns, model.DerivedFeatures);
        double[] scores = AnomalyTrainer.ScoreWithOnnx(model.OnnxModel, inputs, model.InputNames.Count);
        bool[] failed = [.. fixture.Table.Numeric(Ai4iFeatures.LabelColumn).Select(v => v != 0)];

        // The training rows are the normal rows; about 1 % of them lie above the threshold.
        double[] normalScores = [.. scores.Where((_, i) => !failed[i])];
        double aboveShare = normalScores.Count(s => s > model.Threshold) / (double)normalScores.Length;
        Assert.InRange(aboveShare, 0.004, 0.03);
        Assert.Equal(["Air temperature [K]", "Process temperature [K]", "Rotational speed [rpm]", "Torque [Nm]", "Tool wear [min]", "Temperature difference [K]"], model.InputNames);
    }

    [Fact]
    public void ExportedModel_ScoreAndReconstruction_AgreeWithCSharp()
    {
        TrainedAnomalyModel model = fixture.Model;
        int width = model.InputNames.Count;
        float[] inputs = AnomalyTrainer.InputRows(fixture.Table, model.FeatureColumns, model.DerivedFeatures)[..(200 * width)];

        using InferenceEngine engine = InferenceEngine.Load(model.OnnxModel, source: "AI4I model");
        InferenceResult result = engine.Run(InferenceInput.Create("x", inputs, 200, width));
        float[] scores = result["score"].As<float>();
        float[] reconstruction = result["reconstruction"].As<float>();

        for (int r = 0; r < 200; r++)
        {
            double expected = model.Score(inputs.AsSpan(r * width, width));
            Assert.True(Math.Abs(scores[r] - expected) <= 1e-5 * Math.Max(1, expected), $"row {r}: ONNX {scores[r]} vs C# {expected}");
        }

        // Reconstructions are in raw units, close to the inputs for normal rows.
        Assert.True(Math.Abs(reconstruction[0] - inputs[0]) < 5, $"air temperature {inputs[0]} reconstructed as {reconstruction[0]}");
    }

    [Fact]
    public void Train_Twice_GivesByteIdenticalModelAndSameThreshold()
    {
        AnomalyTrainingOptions quick = Ai4iFeatures.Options with { Network = Ai4iFeatures.Options.Network with { Epochs = 3 } };

        TrainedAnomalyModel first = AnomalyTrainer.Train(fixture.Table, Ai4iFeatures.ProcessColumns, quick, Ai4iFeatures.LabelColumn);
        TrainedAnomalyModel second = AnomalyTrainer.Train(fixture.Table, Ai4iFeatures.ProcessColumns, quick, Ai4iFeatures.LabelColumn);

        Assert.Equal(first.OnnxModel, second.OnnxModel);
        Assert.Equal(first.Threshold, second.Threshold);
    }

    [Fact]
    public void Train_GenericCsvWithoutLabel_TrainsOnEveryRowAndSetsThreshold()
    {
        string path = Path.Combine(Path.GetTempPath(), $"features-{Guid.NewGuid():N}.csv");
        var random = new Random(3);
        var lines = new List<string> { "rms,peak,kurtosis,window" };
        for (int i = 0; i < 400; i++)
        {
            double rms = 1 + (0.1 * random.NextDouble());
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{rms},{rms * 1.41 + (0.01 * random.NextDouble())},{3 + random.NextDouble()},{i}"));
        }

        File.WriteAllLines(path, lines);
        var options = new AnomalyTrainingOptions { Network = new AnomalyTrainingOptions().Network with { Epochs = 5 }, ThresholdRule = ThresholdRule.ForFalseAlarmRate(0.05) };

        TrainedAnomalyModel model = AnomalyTrainer.Train(path, ["rms", "peak", "kurtosis"], options);

        Assert.Null(model.Evaluation);
        Assert.Equal(400, model.TrainingRows);
        Assert.Equal(95, model.ThresholdRule.Percentile, 9);
        Assert.True(model.Threshold > 0);
        Assert.Equal(["rms", "peak", "kurtosis"], model.InputNames);
    }

    [Fact]
    public void Train_MissingColumn_NamesIt()
    {
        var error = Assert.Throws<DataFormatException>(() =>
            AnomalyTrainer.Train(fixture.Table, ["Torque [Nm]", "Vibration [g]"], Ai4iFeatures.Options, Ai4iFeatures.LabelColumn));

        Assert.Contains("'Vibration [g]'", error.Message, StringComparison.Ordinal);
    }
}
