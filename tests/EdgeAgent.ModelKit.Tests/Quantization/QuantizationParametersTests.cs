using EdgeAgent.ModelKit.Quantization;

namespace EdgeAgent.ModelKit.Tests.Quantization;

public sealed class QuantizationParametersTests
{
    // ONNX QuantizeLinear: saturate(round_half_to_even(x / scale) + zero_point); DequantizeLinear: (q − zero_point) × scale.
    private static int Quantize(float x, QuantizationParameters p, int min, int max) =>
        (int)Math.Clamp(Math.Round(x / p.Scale, MidpointRounding.ToEven) + p.ZeroPoint, min, max);

    private static float Dequantize(int q, QuantizationParameters p) => (q - p.ZeroPoint) * p.Scale;

    [Theory]
    [InlineData(-3.4893546, 3.925065)]
    [InlineData(-0.001, 1000)]
    [InlineData(-7.3, 0.02)]
    [InlineData(0.5, 2.5)]
    [InlineData(-4, -1)]
    [InlineData(-1e-20, 1e-20)]
    public void ForActivation_UInt8_RealZeroMapsExactlyAndRangeIsCovered(double min, double max)
    {
        QuantizationParameters p = QuantizationParameters.ForActivation(min, max, ActivationType.UInt8Asymmetric);

        Assert.InRange(p.ZeroPoint, 0, 255);
        int zero = Quantize(0f, p, 0, 255);
        Assert.Equal(p.ZeroPoint, zero);
        Assert.Equal(0f, Dequantize(zero, p));
        foreach (double x in new[] { min, max, (min + max) / 2 })
        {
            Assert.True(Math.Abs(Dequantize(Quantize((float)x, p, 0, 255), p) - x) <= (p.Scale / 2) + (Math.Abs(x) * 1e-6), $"x={x}");
        }
    }

    [Fact]
    public void ForActivation_UInt8OnNonNegativeRange_ZeroPointZero()
    {
        QuantizationParameters p = QuantizationParameters.ForActivation(0, 3.3509219, ActivationType.UInt8Asymmetric);

        Assert.Equal(0, p.ZeroPoint);
        Assert.Equal(3.3509219f / 255, p.Scale, 1e-7);
    }

    [Fact]
    public void ForActivation_Int8_SymmetricWithZeroPointZero()
    {
        QuantizationParameters p = QuantizationParameters.ForActivation(-1.5, 2.54, ActivationType.Int8Symmetric);

        Assert.Equal(0, p.ZeroPoint);
        Assert.Equal(2.54f / 127, p.Scale, 1e-7);
        Assert.Equal(127, Quantize(2.54f, p, -128, 127));
        Assert.Equal(0f, Dequantize(Quantize(0f, p, -128, 127), p));
    }

    [Theory]
    [InlineData(ActivationType.UInt8Asymmetric)]
    [InlineData(ActivationType.Int8Symmetric)]
    public void ForActivation_AllZeroRange_ScaleOne(ActivationType type)
    {
        QuantizationParameters p = QuantizationParameters.ForActivation(0, 0, type);

        Assert.Equal(new QuantizationParameters(1f, 0), p);
    }
}
