using System.Globalization;
using EdgeAgent.Onnx.Building;

namespace EdgeAgent.Agent.Demo;

/// <summary>
/// The demo's anomaly model, made by the agent itself from healthy windows: features are standardised
/// with the healthy mean and spread, quantized to int8 (QDQ form), and the score is the mean squared
/// z-score. A healthy window scores about 1; a failing bearing scores far higher.
/// </summary>
internal static class ScoringModel
{
    public const string Input = "features";
    public const string Output = "score";

    /// <summary>z-scores are clipped at ±16 by the int8 quantization.</summary>
    public const float ZScale = 16f / 127f;

    public static byte[] Build(float[] mean, float[] std)
    {
        int n = mean.Length;
        float[] inverse = [.. std.Select(s => 1f / Math.Max(s, 1e-6f))];
        var builder = new OnnxGraphBuilder("edgeagent_demo_anomaly", opset: 17) { ModelVersion = 1 };
        builder.Metadata["edgeagent.features"] = string.Join(',', WindowFeatures.Names);
        builder.Metadata["edgeagent.mean"] = string.Join(',', mean.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
        builder.Metadata["edgeagent.std"] = string.Join(',', std.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
        return builder
            .Input(Input, typeof(float), 1, n)
            .Output(Output, typeof(float), 1)
            .Initializer("mean", mean, n)
            .Initializer("inv_std", inverse, n)
            .Initializer("z_scale", [ZScale])
            .Initializer("z_zero", [(sbyte)0])
            .Node("Sub", [Input, "mean"], ["centered"])
            .Node("Mul", ["centered", "inv_std"], ["z"])
            .Node("QuantizeLinear", ["z", "z_scale", "z_zero"], ["z_q"])
            .Node("DequantizeLinear", ["z_q", "z_scale", "z_zero"], ["z_dq"])
            .Node("Mul", ["z_dq", "z_dq"], ["z2"])
            .Node("ReduceMean", ["z2"], [Output], new Dictionary<string, object> { ["axes"] = new long[] { 1 }, ["keepdims"] = 0L })
            .ToBytes();
    }

    /// <summary>Mean and standard deviation of each feature over the healthy windows.</summary>
    public static (float[] Mean, float[] Std) Fit(IReadOnlyList<float[]> healthy)
    {
        int n = healthy[0].Length;
        var mean = new float[n];
        var std = new float[n];
        for (int f = 0; f < n; f++)
        {
            double m = healthy.Average(v => v[f]);
            double variance = healthy.Sum(v => (v[f] - m) * (v[f] - m)) / Math.Max(1, healthy.Count - 1);
            mean[f] = (float)m;
            std[f] = (float)Math.Sqrt(variance);
        }

        return (mean, std);
    }
}
