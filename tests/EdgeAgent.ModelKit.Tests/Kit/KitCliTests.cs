using EdgeAgent.Kit;
using EdgeAgent.ModelKit.Packaging;
using EdgeAgent.ModelKit.Training.Rul;
using EdgeAgent.Packaging;
using EdgeAgent.TestKit;

namespace EdgeAgent.ModelKit.Tests.Kit;

public sealed class KitCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("edgeagent-kit-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string PathOf(string name) => Path.Combine(_dir, name);

    private static (int Code, string Output, string Error) Kit(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = KitCli.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static string Fd001(string file) => SharedAssets.Data("cmapss_fd001", file);

    [Fact]
    public void TrainQuantizeEvaluatePackage_Fd001_Int8PackageMeetsTheRmseTargets()
    {
        string model = PathOf("fd001.onnx"), int8 = PathOf("fd001.int8.onnx"), package = PathOf("fd001.eapkg");

        var train = Kit("train", "rul", "--train", Fd001("train_FD001.txt"), "--test", Fd001("test_FD001.txt"), "--rul", Fd001("RUL_FD001.txt"), "--out", model);
        var quantize = Kit("quantize", "--model", model, "--calibration", Path.ChangeExtension(model, ".calibration.csv"), "--out", int8);
        var evaluate = Kit("evaluate", "rul", "--model", model, int8, "--test", Fd001("test_FD001.txt"), "--rul", Fd001("RUL_FD001.txt"));
        var pack = Kit("package", "--model", int8, "--name", "fd001-rul", "--version", "1.0.0", "--out", package);
        var inspect = Kit("inspect", package);

        Assert.True(train.Code == 0, train.Error);
        Assert.True(quantize.Code == 0, quantize.Error);
        Assert.True(evaluate.Code == 0, evaluate.Error);
        Assert.True(pack.Code == 0, pack.Error);
        Assert.True(inspect.Code == 0, inspect.Error);
        ModelPackage read = ModelPackage.Read(package);
        Assert.Equal(File.ReadAllBytes(int8), read.Model);
        Assert.Equal("int8-qdq", read.Manifest.Model.Precision);
        var spec = FeatureSpecMapper.ToWindows(read.Manifest.Features);
        RulMetrics floatMetrics = RulEvaluator.Evaluate(File.ReadAllBytes(model), spec, Fd001("test_FD001.txt"), Fd001("RUL_FD001.txt"));
        RulMetrics int8Metrics = RulEvaluator.Evaluate(read.Model, spec, Fd001("test_FD001.txt"), Fd001("RUL_FD001.txt"));
        Assert.True(int8Metrics.Rmse <= 16.0, $"int8 RMSE {int8Metrics.Rmse}");
        Assert.True(Math.Abs(int8Metrics.Rmse - floatMetrics.Rmse) <= 0.5, $"float {floatMetrics.Rmse}, int8 {int8Metrics.Rmse}");
        Assert.Contains("fd001.int8.onnx", evaluate.Output, StringComparison.Ordinal);
        Assert.Contains("alert: y below 50 (warning)", inspect.Output, StringComparison.Ordinal);
        Assert.Equal(42, read.Profile.Features.Count);
    }

    [Fact]
    public void TrainRul_SameSeedTwice_WritesByteIdenticalModels()
    {
        string[] Args(string name) => ["train", "rul", "--train", Fd001("train_FD001.txt"), "--epochs", "3", "--out", PathOf(name)];

        Assert.Equal(0, Kit(Args("a.onnx")).Code);
        Assert.Equal(0, Kit(Args("b.onnx")).Code);
        Assert.Equal(0, Kit([.. Args("c.onnx"), "--seed", "2"]).Code);

        Assert.Equal(File.ReadAllBytes(PathOf("a.onnx")), File.ReadAllBytes(PathOf("b.onnx")));
        Assert.NotEqual(File.ReadAllBytes(PathOf("a.onnx")), File.ReadAllBytes(PathOf("c.onnx")));
    }

    [Fact]
    public void TrainAnomaly_Ai4iPreset_PackagesWithThresholdAndDerivedFeature()
    {
        string model = PathOf("ai4i.onnx");

        var train = Kit("train", "anomaly", "--data", SharedAssets.Data("ai4i2020", "ai4i2020.csv"), "--preset", "ai4i", "--out", model);
        var pack = Kit("package", "--model", model, "--name", "ai4i-anomaly", "--version", "0.1.0", "--out", PathOf("ai4i.eapkg"));

        Assert.True(train.Code == 0, train.Error);
        Assert.True(pack.Code == 0, pack.Error);
        Assert.Matches(@"ROC AUC 0\.(8[5-9]|9)\d*", train.Output);
        PackageManifest manifest = ModelPackage.Read(PathOf("ai4i.eapkg")).Manifest;
        Assert.Equal("float32", manifest.Model.Precision);
        Assert.Equal("difference", Assert.Single(manifest.Features.Derived).Operation);
        AlertThreshold alert = Assert.Single(manifest.Alerts);
        Assert.Equal(manifest.Metrics["threshold"], alert.Threshold);
        Assert.Contains("99th percentile", alert.Rationale, StringComparison.Ordinal);
    }

    [Fact]
    public void TrainAnomaly_OwnCsvWithDerivedValueFromAnExtraColumn_PackagesAndEvaluates()
    {
        var random = new Random(4);
        string csv = PathOf("pump.csv");
        File.WriteAllLines(csv, ["rms,temperature,ambient,failed", .. Enumerable.Range(0, 1500).Select(i =>
        {
            int failed = i % 40 == 0 ? 1 : 0;
            double ambient = 20 + (random.NextDouble() * 4);
            return FormattableString.Invariant($"{1 + (random.NextDouble() * 0.2) + failed:F4},{ambient + 15 + random.NextDouble() + (failed * 8):F3},{ambient:F3},{failed}");
        })]);
        string model = PathOf("pump.onnx");

        var train = Kit("train", "anomaly", "--data", csv, "--features", "rms", "temperature", "--derive", "rise=temperature-ambient", "--label", "failed", "--out", model);
        var evaluate = Kit("evaluate", "anomaly", "--model", model, "--data", csv, "--label", "failed");
        var pack = Kit("package", "--model", model, "--name", "pump", "--version", "1.0.0", "--out", PathOf("pump.eapkg"));

        Assert.True(train.Code == 0, train.Error);
        Assert.True(evaluate.Code == 0, evaluate.Error);
        Assert.True(pack.Code == 0, pack.Error);
        FeatureSpec features = ModelPackage.Read(PathOf("pump.eapkg")).Manifest.Features;
        Assert.Equal(["rms.value", "temperature.value", "rise"], features.ValueNames);
        Assert.Empty(Assert.Single(features.Channels, c => c.Name == "ambient").Features);
    }

    [Fact]
    public void Quantize_ThirdPartyAutoencoderWithSyntheticCalibration_WritesARunnableInt8Model()
    {
        string int8 = PathOf("autoencoder.int8.onnx");

        var result = Kit("quantize", "--model", SharedAssets.AutoencoderModel, "--synthetic", "4096", "--out", int8);

        Assert.True(result.Code == 0, result.Error);
        Assert.Contains("4 weight tensors", result.Output, StringComparison.Ordinal);
        using var engine = EdgeAgent.Inference.InferenceEngine.Load(int8);
        Assert.Equal(10, engine.Run(EdgeAgent.Inference.InferenceInput.Create("sensor_input", new float[10], 1, 10))["reconstruction"].Data.Length);
    }

    [Fact]
    public void TrainRul_RaggedFile_ExitsOneNamingFileAndLine()
    {
        string bad = PathOf("bad.txt");
        File.WriteAllLines(bad, [.. File.ReadLines(Fd001("train_FD001.txt")).Take(5), "1 6 0.1 0.2"]);

        var result = Kit("train", "rul", "--train", bad, "--out", PathOf("x.onnx"));

        Assert.Equal(1, result.Code);
        Assert.Contains($"{bad}:6: the row has 4 fields but 26 are expected", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(PathOf("x.onnx")));
    }

    [Fact]
    public void TrainAnomaly_TextInFeatureColumn_ExitsOneNamingFileLineAndColumn()
    {
        string bad = PathOf("bad.csv");
        File.WriteAllLines(bad, ["a,b", "1,2", "3,x"]);

        var result = Kit("train", "anomaly", "--data", bad, "--features", "a", "b", "--out", PathOf("x.onnx"));

        Assert.Equal(1, result.Code);
        Assert.Contains($"{bad}:3: column 'b' holds 'x'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Kit_BadUsage_ExitsTwoWithTheProblem()
    {
        var missing = Kit("quantize", "--out", PathOf("x.onnx"));
        var badChoice = Kit("quantize", "--model", "m.onnx", "--out", "x.onnx", "--activations", "int4");
        var noData = Kit("quantize", "--model", SharedAssets.AutoencoderModel, "--out", PathOf("x.onnx"));

        Assert.Equal(2, missing.Code);
        Assert.Contains("--model", missing.Error, StringComparison.Ordinal);
        Assert.Equal(2, badChoice.Code);
        Assert.Contains("int4", badChoice.Error, StringComparison.Ordinal);
        Assert.Equal(1, noData.Code);
        Assert.Contains("--calibration FILE.csv or --synthetic N", noData.Error, StringComparison.Ordinal);
    }
}
