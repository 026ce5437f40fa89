using EdgeAgent.ModelKit.Quantization;

namespace EdgeAgent.ModelKit.Tests.Quantization;

public sealed class RangeCollectorTests
{
    private static RangeCollector Collect(float[] values, bool histogram = true)
    {
        var collector = new RangeCollector("t", histogram);
        collector.Add(values.AsSpan(0, values.Length / 2));
        collector.Add(values.AsSpan(values.Length / 2));
        return collector;
    }

    [Fact]
    public void Range_PercentileOnDataWithOutlier_NarrowerThanMinMax()
    {
        float[] values = TestData.Normal(new Random(3), 100_000);
        values[12_345] = 1000f;
        values[54_321] = -500f;
        RangeCollector collector = Collect(values);

        (float minMaxLow, float minMaxHigh) = collector.Range(CalibrationMethod.MinMax, 100, symmetric: false);
        (float low, float high) = collector.Range(CalibrationMethod.Percentile, 99.99, symmetric: false);
        (float symLow, float symHigh) = collector.Range(CalibrationMethod.Percentile, 99.99, symmetric: true);

        Assert.Equal((-500f, 1000f), (minMaxLow, minMaxHigh));
        Assert.InRange(high, 3f, 5f); // the 99.995th percentile of N(0, 1) is 3.9
        Assert.InRange(low, -5f, -3f);
        Assert.InRange(symHigh, 3f, 5f);
        Assert.Equal(-symHigh, symLow);
        Assert.True(high - low < (minMaxHigh - minMaxLow) / 100);
    }

    [Fact]
    public void Range_PercentileOfUniformValues_MatchesExactPercentileClosely()
    {
        float[] values = [.. Enumerable.Range(0, 10_000).Select(i => (float)i)];
        RangeCollector collector = Collect(values);

        (float low, float high) = collector.Range(CalibrationMethod.Percentile, 99, symmetric: false);

        // 0.5 % (50 values) is clipped at each end; bins are 1/256 of the value wide.
        Assert.InRange(low, 49 * (1 - (1 / 128f)), 50f);
        Assert.InRange(high, 9949f, 9949 * (1 + (1 / 128f)));
    }

    [Fact]
    public void Range_PercentileOnSymmetricData_ClipsByMagnitude()
    {
        float[] values = [.. Enumerable.Range(-1000, 2001).Select(i => i / 100f)];
        RangeCollector collector = Collect(values);

        (float low, float high) = collector.Range(CalibrationMethod.Percentile, 90, symmetric: true);

        Assert.InRange(high, 9f, 9.1f);
        Assert.Equal(-high, low);
    }

    [Fact]
    public void Range_MinMaxOrFullPercentile_ExactExtremes()
    {
        RangeCollector collector = Collect([0.5f, -2.25f, 7.125f, 3f]);

        Assert.Equal((-2.25f, 7.125f), collector.Range(CalibrationMethod.MinMax, 99.99, symmetric: false));
        Assert.Equal((-2.25f, 7.125f), collector.Range(CalibrationMethod.Percentile, 100, symmetric: false));
        Assert.Equal((-2.25f, 7.125f), collector.Range(CalibrationMethod.Percentile, 99.99, symmetric: false)); // nothing to clip from 4 values
        Assert.Equal(4, collector.Count);
    }

    [Fact]
    public void Range_NoValues_ThrowsNamingTensor()
    {
        var collector = new RangeCollector("relu_3", withHistogram: false);
        collector.Add([]);

        var ex = Assert.Throws<QuantizationException>(() => collector.Range(CalibrationMethod.MinMax, 100, symmetric: false));

        Assert.Contains("'relu_3'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    public void Add_NonFiniteValue_ThrowsNamingTensor(float value)
    {
        var collector = new RangeCollector("linear_2", withHistogram: true);

        var ex = Assert.Throws<QuantizationException>(() => collector.Add([1f, value]));

        Assert.Contains("'linear_2'", ex.Message, StringComparison.Ordinal);
    }
}
