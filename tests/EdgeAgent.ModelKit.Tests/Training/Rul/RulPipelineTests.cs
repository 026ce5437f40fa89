using System.Globalization;
using EdgeAgent.Inference;
using EdgeAgent.ModelKit.Data;
using EdgeAgent.ModelKit.Training.Rul;
using EdgeAgent.TestKit;
using Xunit.Abstractions;

namespace EdgeAgent.ModelKit.Tests.Training.Rul;

public sealed class RulPipelineTests(RulFd001Fixture fixture, ITestOutputHelper output) : IClassFixture<RulFd001Fixture>
{
    [Fact]
    public void TrainAndEvaluate_Fd001_ReachesRmseTargetWithinTwoMinutes()
    {
        RulMetrics metrics = fixture.Metrics;
        TrainedRulModel model = fixture.Model;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"FD001 test: RMSE {metrics.Rmse:F2}, NASA score {metrics.NasaScore:F1}, MAE {metrics.Mae:F2}, padded engines {metrics.PaddedEngines}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"training: {model.TrainingTime.TotalSeconds:F1} s, {model.Log.TrainingRows} windows, {model.Features.Features.Count} features, {model.Network.ParameterCount} parameters, ONNX {model.OnnxModel.Length} bytes"));

        Assert.Equal(100, metrics.Predictions.Count);
        Assert.True(metrics.Rmse <= 16.0, $"RMSE {metrics.Rmse}");
        Assert.True(model.TrainingTime < TimeSpan.FromMinutes(2), $"training took {model.TrainingTime}");
        Assert.Equal(0, metrics.PaddedEngines);
        Assert.Equal(100, model.TrainingUnits.Count);
        Assert.Empty(model.ValidationUnits);
    }

    [Fact]
    public void ExportedModel_OnFd001Windows_AgreesWithCSharpForwardPass()
    {
        TrainedRulModel model = fixture.Model;
        IReadOnlyList<CmapssEngine> engines = CmapssEngine.Split(DelimitedReader.ReadCmapss(SharedAssets.Data("cmapss_fd001", "test_FD001.txt")));
        int width = model.Features.Features.Count;
        float[] rows = [.. engines.SelectMany(e => RulWindows.LastWindow(e, model.Features))];

        using InferenceEngine engine = InferenceEngine.Load(model.OnnxModel, source: "FD001 model");
        float[] onnx = engine.Run(InferenceInput.Create("x", rows, engines.Count, width))["y"].As<float>();

        float[] csharp = model.Network.Predict(rows);
        for (int i = 0; i < onnx.Length; i++)
        {
            // Outputs are in cycles (up to ~150), so the 1e-5 agreement is relative.
            Assert.True(Math.Abs(onnx[i] - csharp[i]) <= 1e-5 * Math.Max(1, Math.Abs(csharp[i])), $"engine {i + 1}: ONNX {onnx[i]} vs C# {csharp[i]}");
            Assert.Equal(fixture.Metrics.Predictions[i].PredictedRul, onnx[i]);
        }
    }

    [Fact]
    public void Train_WithValidationSplit_HoldsOutWholeUnitsAndReportsValidationRmse()
    {
        var options = new RulTrainingOptions { ValidationFraction = 0.2, Network = new RulTrainingOptions().Network with { Epochs = 3 } };

        TrainedRulModel model = RulTrainer.Train(options, SharedAssets.Data("cmapss_fd001", "train_FD001.txt"));

        Assert.Equal(20, model.ValidationUnits.Count);
        Assert.Equal(80, model.TrainingUnits.Count);
        Assert.Empty(model.TrainingUnits.Intersect(model.ValidationUnits));
        Assert.NotNull(model.ValidationRmse);
        Assert.All(model.Log.Epochs, e => Assert.NotNull(e.ValidationLoss));
    }

    [Fact]
    public void Evaluate_RulFileWithOtherEngineCount_Throws()
    {
        string rulPath = Path.Combine(Path.GetTempPath(), $"rul-{Guid.NewGuid():N}.txt");
        File.WriteAllLines(rulPath, ["112", "98"]);

        var error = Assert.Throws<DataFormatException>(() =>
            RulEvaluator.Evaluate(fixture.Model, SharedAssets.Data("cmapss_fd001", "test_FD001.txt"), rulPath));

        Assert.Contains("2 RUL values", error.Message, StringComparison.Ordinal);
    }
}
