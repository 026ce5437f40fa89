using System.Globalization;
using System.Text.RegularExpressions;
using EdgeAgent.Features;
using EdgeAgent.Features.Computation;
using EdgeAgent.ModelKit.Data;
using EdgeAgent.ModelKit.Training.Anomaly;
using EdgeAgent.ModelKit.Training.Features;
using EdgeAgent.Packaging;
using Xunit.Abstractions;

namespace EdgeAgent.ModelKit.Tests.Kit;

public sealed partial class WindowedAnomalyTests(WindowedAnomalyFixture fixture, ITestOutputHelper log) : IClassFixture<WindowedAnomalyFixture>
{
    // 200,000 samples in windows of 1024 every 512: (200000 − 1024) / 512 + 1 = 389 windows; 3 × 5 + 2 = 17 features.
    private const int TrainingWindows = 389;

    [Fact]
    public void TrainAnomaly_RawSamplesWithDemoSpec_ReportsWindowsAndRowsTrained()
    {
        var train = fixture.Train;

        Assert.True(train.Code == 0, train.Error);
        Assert.Contains("read 200000 samples of 5 channels", train.Output, StringComparison.Ordinal);
        Assert.Contains($"computed {TrainingWindows} windows of 1024 samples every 512: {TrainingWindows} usable (0 repaired), 0 skipped and left out; 17 features each", train.Output, StringComparison.Ordinal);
        Assert.Contains($"training on {TrainingWindows} windows x 17 features", train.Output, StringComparison.Ordinal);
        Assert.Contains($"trained on {TrainingWindows} windows in", train.Output, StringComparison.Ordinal);
        log.WriteLine(train.Output);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"training time {fixture.TrainingSeconds:F2} s"));
    }

    [Fact]
    public void Package_ModelTrainedOnWindows_CarriesTheGivenSpecAndPassesInspection()
    {
        Assert.True(fixture.Quantize.Code == 0, fixture.Quantize.Error);
        Assert.True(fixture.Package.Code == 0, fixture.Package.Error);
        Assert.True(fixture.Inspect.Code == 0, fixture.Inspect.Error);

        ModelPackage package = ModelPackage.Read(fixture.PackagePath);

        DemoSpec.AssertSame(DemoSpec.Expected, package.Manifest.Features);
        Assert.Equal("int8-qdq", package.Manifest.Model.Precision);
        Assert.Equal(["batch", "17"], package.Manifest.Inputs[0].Shape);
        Assert.Equal(TrainingWindows, package.Manifest.Metrics["trainingRows"]);
        Assert.Equal(17, package.Profile.Features.Count);
        Assert.Contains("features: window 1024 samples, hop 512: vib_x.rms, vib_x.peak, vib_x.crest, vib_x.kurtosis, vib_x.band_energy:2000-4000, vib_y.rms", fixture.Inspect.Output, StringComparison.Ordinal);
        Assert.Contains("temperature.mean, current.mean", fixture.Inspect.Output, StringComparison.Ordinal);
        Assert.Contains("alert: score above", fixture.Inspect.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void TrainAnomaly_RawSamples_CalibrationCsvHoldsOneFeatureRowPerWindow()
    {
        string[] lines = File.ReadAllLines(Path.ChangeExtension(fixture.Model, ".calibration.csv"));

        Assert.Equal(
            "vib_x.rms,vib_x.peak,vib_x.crest,vib_x.kurtosis,vib_x.band_energy:2000-4000,vib_y.rms,vib_y.peak,vib_y.crest,vib_y.kurtosis,vib_y.band_energy:2000-4000,vib_z.rms,vib_z.peak,vib_z.crest,vib_z.kurtosis,vib_z.band_energy:2000-4000,temperature.mean,current.mean",
            lines[0]);
        Assert.Equal(TrainingWindows + 1, lines.Length);
        double[] first = [.. lines[1].Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture))];
        Assert.InRange(first[15], 39.99, 40.01);
        Assert.InRange(first[16], 4.99, 5.01);
    }

    [Fact]
    public void TrainAnomaly_RawSamples_CalibrationRowsAreTheAgentsFeatureStageOutputBitForBit()
    {
        FeatureSpec spec = ModelPackage.Read(fixture.PackagePath).Manifest.Features;
        var stage = new FeatureStage(FeaturePlan.Create(spec, spec.Channels.ToDictionary(c => c.Name, _ => VibrationRecording.SampleRate)));
        var agentRows = new List<float[]>();
        var features = new float[stage.Plan.Width];
        foreach (string line in File.ReadLines(fixture.Samples).Skip(1))
        {
            double[] row = [.. line.Split(',').Skip(1).Select(v => double.Parse(v, CultureInfo.InvariantCulture))];
            if (stage.TryPushRow(row, null, features, out _))
            {
                agentRows.Add([.. features]);
            }
        }

        float[][] kitRows = [.. File.ReadLines(Path.ChangeExtension(fixture.Model, ".calibration.csv")).Skip(1)
            .Select(line => line.Split(',').Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray())];

        Assert.Equal(TrainingWindows, agentRows.Count);
        Assert.Equal(agentRows.Count, kitRows.Length);
        for (int w = 0; w < kitRows.Length; w++)
        {
            Assert.Equal(agentRows[w].Select(BitConverter.SingleToInt32Bits), kitRows[w].Select(BitConverter.SingleToInt32Bits));
        }
    }

    [Fact]
    public void PackagedInt8Model_BearingImpacts_ScoreAboveTheAlertThresholdWhileHeldOutHealthyWindowsDoNot()
    {
        string healthy = fixture.PathOf("healthy-held-out.csv"), faulty = fixture.PathOf("faulty.csv");
        VibrationRecording.Write(healthy, 50_000, seed: 2);
        VibrationRecording.Write(faulty, 50_000, seed: 3, impactG: 0.5);
        ModelPackage package = ModelPackage.Read(fixture.PackagePath);
        double threshold = Assert.Single(package.Manifest.Alerts, a => a.Output == "score").Threshold;

        double[] healthyScores = Scores(package, healthy);
        double[] faultyScores = Scores(package, faulty);

        Assert.Equal(96, healthyScores.Length);
        Assert.Equal(96, faultyScores.Length);
        int falseAlarms = healthyScores.Count(s => s > threshold);
        int detected = faultyScores.Count(s => s > threshold);
        log.WriteLine($"threshold {threshold:G4}; healthy max {healthyScores.Max():G4}, {falseAlarms} of 96 above; faulty min {faultyScores.Min():G4}, {detected} of 96 above");
        Assert.True(falseAlarms <= 5, $"{falseAlarms} of 96 held-out healthy windows score above the threshold {threshold}");
        Assert.Equal(96, detected);
    }

    [Fact]
    public void EvaluateAnomaly_LabelledSamples_ScoresWindowsLabelledByTheirSamples()
    {
        string labelled = fixture.PathOf("labelled.csv");
        VibrationRecording.Write(labelled, 50_000, seed: 4, impactG: 0.5, faultFrom: 25_000, labelled: true);

        var evaluate = KitRunner.Run("evaluate", "anomaly", "--model", fixture.Model, fixture.Int8, "--samples", labelled, "--sample-rate", "10000", "--label", "fault");

        Assert.True(evaluate.Code == 0, evaluate.Error);

        // Windows end at samples 1023 + 512k, k = 0 … 95; those ending at or after sample 25,000 (k ≥ 47) hold fault samples.
        Assert.Contains("49 anomalies among 96 windows", evaluate.Output, StringComparison.Ordinal);
        Match int8 = Int8Row().Match(evaluate.Output);
        Assert.True(int8.Success, evaluate.Output);
        Assert.True(double.Parse(int8.Groups[1].Value, CultureInfo.InvariantCulture) >= 0.99, evaluate.Output);
    }

    [Fact]
    public void EvaluateAnomaly_WindowedModelGivenFeatureRows_ExitsOneAskingForSamples()
    {
        var evaluate = KitRunner.Run("evaluate", "anomaly", "--model", fixture.Model, "--data", fixture.Samples, "--label", "vib_x");

        Assert.Equal(1, evaluate.Code);
        Assert.Contains("the model's features are computed from windows of 1024 samples; evaluate it on raw samples with --samples FILE.csv", evaluate.Error, StringComparison.Ordinal);
    }

    private static double[] Scores(ModelPackage package, string samples)
    {
        FeatureSpec spec = package.Manifest.Features;
        FeaturePlan plan = FeaturePlan.Create(spec, spec.Channels.ToDictionary(c => c.Name, _ => VibrationRecording.SampleRate));
        WindowedRows windows = SampleWindows.Compute(DelimitedReader.ReadCsv(samples), plan);
        return AnomalyTrainer.ScoreWithOnnx(package.Model, windows.Rows, windows.Width);
    }

    [GeneratedRegex(@"bearing\.int8\.onnx\s+\d+\s+([0-9.]+)")]
    private static partial Regex Int8Row();
}
