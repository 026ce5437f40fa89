using EdgeAgent.Inference;
using EdgeAgent.ModelKit.Training;

namespace EdgeAgent.ModelKit.Tests.Training;

public sealed class NetworkOnnxExporterTests
{
    [Fact]
    public void Regressor_ForwardPassInCSharp_MatchesOnnxRuntime()
    {
        TrainingSet data = SyntheticData.Regression(400, seed: 11);
        DenseNetwork network = NetworkTrainer.Train(data, new NetworkTrainerOptions { HiddenLayers = [12, 6], Epochs = 5, Seed = 3 }).Network;
        float[] rows = SyntheticData.Regression(64, seed: 12).Inputs;

        float[] onnx = RunRegressor(NetworkOnnxExporter.Regressor(network, "test"), rows, 64, 4);

        float[] csharp = network.Predict(rows);
        Assert.Equal(64, onnx.Length);
        for (int i = 0; i < onnx.Length; i++)
        {
            Assert.True(Math.Abs(onnx[i] - csharp[i]) <= 1e-5 * Math.Max(1, Math.Abs(csharp[i])), $"row {i}: ONNX {onnx[i]} vs C# {csharp[i]}");
        }
    }

    [Fact]
    public void Regressor_UntrainedWideNetwork_MatchesOnnxRuntime()
    {
        float[] rows = SyntheticData.Rows(33, 7, seed: 5);
        FeatureNormalization normalization = FeatureNormalization.Fit(rows, 33, 7);
        DenseNetwork network = DenseNetwork.Initialize(normalization, [40, 17, 9], 3, seed: 8);

        float[] onnx = RunRegressor(NetworkOnnxExporter.Regressor(network, "wide"), rows, 33, 7);

        float[] csharp = network.Predict(rows);
        Assert.Equal(csharp.Length, onnx.Length);
        for (int i = 0; i < onnx.Length; i++)
        {
            Assert.True(Math.Abs(onnx[i] - csharp[i]) <= 1e-5, $"element {i}: ONNX {onnx[i]} vs C# {csharp[i]}");
        }
    }

    [Fact]
    public void Autoencoder_ReconstructionAndScore_MatchCSharp()
    {
        float[] rows = SyntheticData.Rows(50, 5, seed: 6);
        FeatureNormalization normalization = FeatureNormalization.Fit(rows, 50, 5);
        DenseNetwork network = DenseNetwork.Initialize(normalization, [8, 2, 8], 5, seed: 4, [LayerActivation.Relu, LayerActivation.Linear, LayerActivation.Relu]);

        using InferenceEngine engine = InferenceEngine.Load(NetworkOnnxExporter.Autoencoder(network, "ae"), source: "test autoencoder");
        InferenceResult result = engine.Run(InferenceInput.Create("x", rows, 50, 5));
        float[] reconstruction = result["reconstruction"].As<float>();
        float[] score = result["score"].As<float>();

        Assert.Equal([50L], result["score"].Shape);
        for (int r = 0; r < 50; r++)
        {
            float[] standardized = new float[5];
            normalization.Apply(rows.AsSpan(r * 5, 5), standardized);
            float[] output = network.Forward(rows.AsSpan(r * 5, 5));
            double expectedScore = standardized.Zip(output, (x, y) => (double)(x - y) * (x - y)).Average();
            Assert.True(Math.Abs(score[r] - expectedScore) <= 1e-5 * Math.Max(1, expectedScore), $"row {r}: score {score[r]} vs {expectedScore}");
            for (int f = 0; f < 5; f++)
            {
                double expected = (output[f] * normalization.StandardDeviation[f]) + normalization.Mean[f];
                Assert.True(Math.Abs(reconstruction[(r * 5) + f] - expected) <= 1e-5 * Math.Max(1, Math.Abs(expected)), $"row {r} feature {f}");
            }
        }
    }

    [Fact]
    public void Regressor_Graph_IsStandardizeThenGemmRelu()
    {
        var normalization = new FeatureNormalization([1, 2, 3], [1, 1, 1]);
        DenseNetwork network = DenseNetwork.Initialize(normalization, [4], 1, seed: 1);

        var model = global::Onnx.ModelProto.Parser.ParseFrom(NetworkOnnxExporter.Regressor(network, "shape", new Dictionary<string, string> { ["k"] = "v" }));

        Assert.Equal(["Sub", "Mul", "Gemm", "Relu", "Gemm"], model.Graph.Node.Select(n => n.OpType));
        Assert.All(model.Graph.Node.Where(n => n.OpType == "Gemm"), n => Assert.Equal(1, n.Attribute.Single(a => a.Name == "transB").I));
        Assert.Equal(17, model.OpsetImport.Single().Version);
        Assert.Equal("v", model.MetadataProps.Single(p => p.Key == "k").Value);
        Assert.All(model.Graph.Initializer, t => Assert.Equal((int)global::Onnx.TensorProto.Types.DataType.Float, t.DataType));
    }

    [Fact]
    public void WithOutputAffine_ScalesOutputs()
    {
        float[] rows = SyntheticData.Rows(10, 3, seed: 2);
        DenseNetwork network = DenseNetwork.Initialize(FeatureNormalization.Fit(rows, 10, 3), [5], 1, seed: 2);

        DenseNetwork scaled = network.WithOutputAffine(125f, 3f);

        float[] before = network.Predict(rows);
        float[] after = scaled.Predict(rows);
        for (int i = 0; i < before.Length; i++)
        {
            Assert.Equal((before[i] * 125) + 3, after[i], 3);
        }
    }

    private static float[] RunRegressor(byte[] model, float[] rows, int batch, int width)
    {
        using InferenceEngine engine = InferenceEngine.Load(model, source: "test regressor");
        return engine.Run(InferenceInput.Create("x", rows, batch, width))["y"].As<float>();
    }
}
