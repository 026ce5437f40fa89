using EdgeAgent.ModelKit.Quantization;

namespace EdgeAgent.ModelKit.Tests.Quantization;

public sealed class WeightQuantizerTests
{
    // |w − q·s| ≤ s/2 up to the float rounding of q·s (DequantizeLinear multiplies in float32).
    private static void AssertWithinHalfScale(float w, sbyte q, float scale) =>
        Assert.True(Math.Abs(w - (q * scale)) <= (scale / 2) * (1 + 1e-5), $"w={w} q={q} scale={scale}");

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Quantize_RandomWeightsPerChannel_ErrorWithinHalfScaleOfEachChannel(int axis)
    {
        var random = new Random(7);
        long[] shape = [6, 9];
        float[] w = TestData.Normal(random, 54);
        for (int i = 0; i < w.Length; i++)
        {
            int channel = axis == 0 ? i / 9 : i % 9;
            w[i] *= MathF.Pow(10, channel % 4 - 2); // channels of very different magnitudes
        }

        QuantizedWeight q = WeightQuantizer.Quantize("w", w, shape, axis);

        Assert.Equal((int)shape[axis], q.Scales.Length);
        for (int c = 0; c < q.Scales.Length; c++)
        {
            int[] members = [.. Enumerable.Range(0, w.Length).Where(i => (axis == 0 ? i / 9 : i % 9) == c)];
            float absMax = members.Max(i => Math.Abs(w[i]));
            Assert.Equal(absMax / 127, q.Scales[c], absMax * 1e-7);
            Assert.Equal(127, members.Max(i => Math.Abs((int)q.Values[i])));
            foreach (int i in members)
            {
                AssertWithinHalfScale(w[i], q.Values[i], q.Scales[c]);
            }
        }

        Assert.True(q.MaxAbsError <= q.Scales.Max() / 2 * (1 + 1e-5));
        Assert.InRange(q.RmsError, 0, q.MaxAbsError);
    }

    [Fact]
    public void Quantize_ConvWeightAxisZero_ScalesFollowOutputChannels()
    {
        // [out 3, in 2, 2, 2]: channel c holds values up to (c + 1).
        float[] w = [.. Enumerable.Range(0, 24).Select(i => (i / 8 + 1) * ((i % 8) - 3.5f) / 3.5f)];

        QuantizedWeight q = WeightQuantizer.Quantize("conv.weight", w, [3, 2, 2, 2], axis: 0);

        Assert.Equal([1f / 127, 2f / 127, 3f / 127], q.Scales);
        Assert.Equal(-127, q.Values[0]);
        Assert.Equal(127, q.Values[23]);
    }

    [Fact]
    public void Quantize_ZeroChannel_ScaleOneAndZeroCodes()
    {
        float[] w = [0.5f, -0.25f, 0f, 0f, 0f, 0f, 1e-3f, 2e-3f];

        QuantizedWeight q = WeightQuantizer.Quantize("w", w, [4, 2], axis: 0);

        Assert.Equal(1f, q.Scales[1]);
        Assert.Equal(1f, q.Scales[2]);
        Assert.Equal([0, 0, 0, 0], q.Values[2..6]);
        Assert.All(q.Scales, s => Assert.True(s > 0 && float.IsFinite(s)));
        for (int i = 0; i < w.Length; i++)
        {
            AssertWithinHalfScale(w[i], q.Values[i], q.Scales[i / 2]);
        }
    }

    [Fact]
    public void Quantize_PerTensor_OneScaleFromLargestMagnitude()
    {
        float[] w = [0.1f, -2.54f, 1.27f, 0f];

        QuantizedWeight q = WeightQuantizer.Quantize("w", w, [2, 2], axis: null);

        float scale = Assert.Single(q.Scales);
        Assert.Equal(2.54f / 127, scale, 1e-7);
        Assert.Equal([5, -127, 64, 0], q.Values.Select(v => (int)v));
        Assert.Equal(2.54f, q.MaxAbsWeight);
    }

    [Fact]
    public void Quantize_NonFiniteWeight_ThrowsNamingWeight()
    {
        var ex = Assert.Throws<QuantizationException>(() => WeightQuantizer.Quantize("fc.weight", [1f, float.NaN], [2], axis: null));

        Assert.Contains("'fc.weight'", ex.Message, StringComparison.Ordinal);
    }
}
