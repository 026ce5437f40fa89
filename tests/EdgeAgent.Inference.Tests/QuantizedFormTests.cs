namespace EdgeAgent.Inference.Tests;

public sealed class QuantizedFormTests
{
    // The QDQ arithmetic written out by hand from the ONNX operator definitions.
    private static float[] Expected(float[] x, int batch)
    {
        var y = new float[batch * 3];
        for (int b = 0; b < batch; b++)
        {
            for (int j = 0; j < 3; j++)
            {
                double sum = 0;
                for (int k = 0; k < 4; k++)
                {
                    // QuantizeLinear rounds half to even and saturates to uint8.
                    double q = Math.Clamp(Math.Round(x[(b * 4) + k] / QdqModels.InputScale, MidpointRounding.ToEven) + QdqModels.InputZeroPoint, 0, 255);
                    double xdq = (q - QdqModels.InputZeroPoint) * QdqModels.InputScale;
                    double wdq = QdqModels.Weights[(k * 3) + j] * QdqModels.WeightScales[j];
                    sum += xdq * wdq;
                }

                y[(b * 3) + j] = (float)sum;
            }
        }

        return y;
    }

    [Fact]
    public void Run_QdqModelWithPerChannelInt8Weights_MatchesQuantizationArithmetic()
    {
        using var engine = InferenceEngine.Load(QdqModels.QdqMatMul(), source: "qdq_matmul");
        float[] x = [0.5f, -1.3f, 2.0f, 0.01f, -3.0f, 3.0f, 0.77f, -0.25f];

        float[] y = engine.Run(InferenceInput.Create("x", x, 2, 4))["y"].As<float>();

        float[] expected = Expected(x, 2);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - y[i]) < 1e-5f, $"[{i}] expected {expected[i]}, got {y[i]}");
        }
    }

    [Fact]
    public void RunnerRun_QdqModel_MatchesAllocatingRun()
    {
        using var engine = InferenceEngine.Load(QdqModels.QdqMatMul(), source: "qdq_matmul");
        using var runner = engine.CreateRunner(new Dictionary<string, long> { ["batch"] = 1 });
        float[] x = [1.1f, -0.4f, 0.2f, 2.6f];

        x.CopyTo(runner.Input<float>("x"));
        runner.Run();

        Assert.Equal(engine.Run(InferenceInput.Create("x", x, 1, 4))["y"].As<float>(), runner.Output<float>("y").ToArray());
    }
}
