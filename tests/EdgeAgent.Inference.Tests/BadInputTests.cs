using EdgeAgent.TestKit;

namespace EdgeAgent.Inference.Tests;

public sealed class BadInputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("edgeagent-badmodel-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static void AssertStillServes(InferenceEngine engine)
    {
        float[] row = [.. Enumerable.Range(0, 10).Select(i => i / 10f)];
        float[] first = engine.Run(InferenceInput.Create("sensor_input", row, 1, 10))["reconstruction"].As<float>();
        Assert.Equal(10, first.Length);
        Assert.All(first, v => Assert.True(float.IsFinite(v)));
    }

    [Fact]
    public void Load_CorruptFile_ThrowsModelLoadExceptionNamingFile()
    {
        string path = Path.Combine(_dir, "corrupt.onnx");
        var random = new Random(3);
        byte[] junk = new byte[4096];
        random.NextBytes(junk);
        File.WriteAllBytes(path, junk);

        var ex = Assert.Throws<ModelLoadException>(() => InferenceEngine.Load(path));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        using var healthy = InferenceEngine.Load(SharedAssets.AutoencoderModel);
        AssertStillServes(healthy);
    }

    [Fact]
    public void Load_TruncatedFile_ThrowsModelLoadException()
    {
        byte[] model = File.ReadAllBytes(SharedAssets.AutoencoderModel);
        string path = Path.Combine(_dir, "truncated.onnx");
        File.WriteAllBytes(path, model[..(model.Length / 2)]);

        var ex = Assert.Throws<ModelLoadException>(() => InferenceEngine.Load(path));

        Assert.Contains("truncated.onnx", ex.Message, StringComparison.Ordinal);
        Assert.Contains("could not be loaded", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingOrEmptyFile_SaysWhich()
    {
        string empty = Path.Combine(_dir, "empty.onnx");
        File.WriteAllBytes(empty, []);

        Assert.Contains("does not exist", Assert.Throws<ModelLoadException>(() => InferenceEngine.Load(Path.Combine(_dir, "nope.onnx"))).Message, StringComparison.Ordinal);
        Assert.Contains("is empty", Assert.Throws<ModelLoadException>(() => InferenceEngine.Load(empty)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_WrongShape_NamesInputExpectedAndGivenShapeThenStillServes()
    {
        using var engine = InferenceEngine.Load(SharedAssets.AutoencoderModel);

        var ex = Assert.Throws<InferenceInputException>(() => engine.Run(InferenceInput.Create("sensor_input", new float[12], 1, 12)));

        Assert.Equal("sensor_input", ex.InputName);
        Assert.Equal("[batch_size, 10]", ex.Expected);
        Assert.Equal("[1, 12]", ex.Given);
        Assert.Contains("'sensor_input' expects shape [batch_size, 10] but was given [1, 12]", ex.Message, StringComparison.Ordinal);
        AssertStillServes(engine);
    }

    [Fact]
    public void Run_WrongElementType_NamesInputExpectedAndGivenTypeThenStillServes()
    {
        using var engine = InferenceEngine.Load(SharedAssets.AutoencoderModel);

        var ex = Assert.Throws<InferenceInputException>(() => engine.Run(InferenceInput.Create("sensor_input", new double[10], 1, 10)));

        Assert.Equal("float32", ex.Expected);
        Assert.Equal("float64", ex.Given);
        Assert.Contains("'sensor_input' expects element type float32 but was given float64", ex.Message, StringComparison.Ordinal);
        AssertStillServes(engine);
    }

    [Fact]
    public void Run_WrongRankCountOrName_EachRejectedBeforeRunning()
    {
        using var engine = InferenceEngine.Load(SharedAssets.AutoencoderModel);

        Assert.Contains("rank 2 expected, 1 given", Assert.Throws<InferenceInputException>(() => engine.Run(InferenceInput.Create("sensor_input", new float[10], 10))).Message, StringComparison.Ordinal);
        Assert.Contains("(10 elements) but 9 values", Assert.Throws<InferenceInputException>(() => engine.Run(InferenceInput.Create("sensor_input", new float[9], 1, 10))).Message, StringComparison.Ordinal);
        Assert.Contains("no input 'x'", Assert.Throws<InferenceInputException>(() => engine.Run(InferenceInput.Create("x", new float[10], 1, 10))).Message, StringComparison.Ordinal);
        Assert.Contains("'sensor_input' (float32 [batch_size, 10]) is missing", Assert.Throws<InferenceInputException>(() => engine.Run([])).Message, StringComparison.Ordinal);
        AssertStillServes(engine);
    }

    [Fact]
    public void Run_SymbolSizedDifferentlyAcrossInputs_IsRejected()
    {
        using var engine = InferenceEngine.Load(QdqModels.SharedBatchAdd());

        var ex = Assert.Throws<InferenceInputException>(() => engine.Run(
            InferenceInput.Create("a", new float[2 * 3], 2, 3),
            InferenceInput.Create("b", new float[3 * 3], 3, 3)));

        Assert.Contains("dimension 'batch' is 2 in input 'a' but 3 here", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateRunner_DynamicDimensionWithoutSize_SaysWhichSizeToGive()
    {
        using var engine = InferenceEngine.Load(SharedAssets.AutoencoderModel);

        var ex = Assert.Throws<InferenceInputException>(() => engine.CreateRunner());

        Assert.Contains("dynamic dimension 'batch_size'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RunnerInput_WrongElementType_IsRejected()
    {
        using var engine = InferenceEngine.Load(SharedAssets.AutoencoderModel);
        using var runner = engine.CreateRunner(new Dictionary<string, long> { ["batch_size"] = 1 });

        var ex = Assert.Throws<InferenceInputException>(() => runner.Input<double>("sensor_input").Length);

        Assert.Contains("'sensor_input' has element type float32, not float64", ex.Message, StringComparison.Ordinal);
    }
}
