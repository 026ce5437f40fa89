using EdgeAgent.TestKit;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace EdgeAgent.Inference.Tests;

public sealed class AutoencoderTests
{
    private static float[] SensorRows(int batch, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, batch * 10).Select(_ => (float)((random.NextDouble() * 4) - 2))];
    }

    [Fact]
    public void Load_Autoencoder_DescribesInputsOutputsAndMetadata()
    {
        using var engine = InferenceEngine.Load(SharedAssets.AutoencoderModel);

        TensorDescription input = Assert.Single(engine.Model.Inputs);
        Assert.Equal("sensor_input", input.Name);
        Assert.Equal(TensorElementType.Float, input.ElementType);
        Assert.Equal("[batch_size, 10]", input.ShapeText);
        Assert.True(input.Shape[0].IsDynamic);
        Assert.Equal(10, input.Shape[1].Size);
        TensorDescription output = Assert.Single(engine.Model.Outputs);
        Assert.Equal("reconstruction", output.Name);
        Assert.StartsWith("pytorch", engine.Model.ProducerName, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(64)]
    public void Run_AutoencoderBatch_MatchesIndependentForwardPass(int batch)
    {
        using var engine = InferenceEngine.Load(SharedAssets.AutoencoderModel);
        float[] rows = SensorRows(batch, seed: batch);

        InferenceResult result = engine.Run(InferenceInput.Create("sensor_input", rows, batch, 10));

        float[] expected = new ReferenceMlp(SharedAssets.AutoencoderModel).Forward(rows, batch);
        InferenceOutput output = result["reconstruction"];
        Assert.Equal([batch, 10L], output.Shape);
        float[] actual = output.As<float>();
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) < 1e-4f, $"[{i}] expected {expected[i]}, got {actual[i]}");
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(64)]
    public void RunnerRun_AutoencoderBatch_MatchesAllocatingRun(int batch)
    {
        using var engine = InferenceEngine.Load(SharedAssets.AutoencoderModel);
        using InferenceRunner runner = engine.CreateRunner(new Dictionary<string, long> { ["batch_size"] = batch });
        float[] rows = SensorRows(batch, seed: 7);

        rows.CopyTo(runner.Input<float>("sensor_input"));
        runner.Run();

        float[] expected = engine.Run(InferenceInput.Create("sensor_input", rows, batch, 10))["reconstruction"].As<float>();
        Assert.Equal(expected, runner.Output<float>("reconstruction").ToArray());
        Assert.Equal([batch, 10L], runner.Outputs["reconstruction"].Shape);
    }

    [Fact]
    public void Load_ModelBytesWithCustomMetadata_ExposesMetadata()
    {
        var proto = global::Onnx.ModelProto.Parser.ParseFrom(File.ReadAllBytes(SharedAssets.AutoencoderModel));
        proto.MetadataProps.Add(new global::Onnx.StringStringEntryProto { Key = "edgeagent.units", Value = "mm/s" });
        byte[] bytes = Google.Protobuf.MessageExtensions.ToByteArray(proto);

        using var engine = InferenceEngine.Load(bytes, source: "autoencoder+metadata");

        Assert.Equal("mm/s", engine.Model.CustomMetadata["edgeagent.units"]);
        Assert.Equal("autoencoder+metadata", engine.Source);
    }
}
