using EdgeAgent.Agent.Demo;
using EdgeAgent.Inference;

namespace EdgeAgent.Agent.Tests;

public sealed class ScoringModelTests
{
    [Fact]
    public void Build_ScoresAsQuantizedMeanSquaredZScore()
    {
        float[] mean = [1f, 2.5f, 1.6f, 3f, 40f];
        float[] std = [0.1f, 0.3f, 0.05f, 0.4f, 0.1f];
        using var engine = InferenceEngine.Load(ScoringModel.Build(mean, std), source: "scoring");
        var random = new Random(9);

        for (int trial = 0; trial < 50; trial++)
        {
            float[] x = [.. mean.Select((m, i) => m + (float)((random.NextDouble() - 0.5) * 8 * std[i] * (trial % 5)))];

            float score = engine.Run(InferenceInput.Create(ScoringModel.Input, x, 1, 5))[ScoringModel.Output].As<float>()[0];

            // By hand: z, quantized to int8 with scale 16/127 (round half to even, saturate), squared, averaged.
            double expected = x.Select((v, i) =>
            {
                double z = (v - mean[i]) * (1f / std[i]);
                double q = Math.Clamp(Math.Round(z / (16.0 / 127.0), MidpointRounding.ToEven), -128, 127) * (16.0 / 127.0);
                return q * q;
            }).Average();
            Assert.Equal(expected, score, 3);
        }
    }

    [Fact]
    public void Build_SameStatistics_GiveByteIdenticalModels()
    {
        float[] mean = [1, 2, 3, 4, 5];
        float[] std = [1, 1, 1, 1, 1];

        Assert.Equal(ScoringModel.Build(mean, std), ScoringModel.Build(mean, std));
    }

    [Fact]
    public void Fit_KnownSamples_GivesMeanAndSampleStandardDeviation()
    {
        var (mean, std) = ScoringModel.Fit([[1f, 10f], [3f, 10f], [5f, 10f]]);

        Assert.Equal([3f, 10f], mean);
        Assert.Equal(2f, std[0], 5);
        Assert.Equal(0f, std[1]);
    }
}
