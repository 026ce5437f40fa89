using EdgeAgent.ModelKit.Data;
using EdgeAgent.ModelKit.Training.Features;
using EdgeAgent.ModelKit.Training.Rul;

namespace EdgeAgent.ModelKit.Tests.Training.Rul;

public sealed class RulWindowsTests
{
    private static readonly WindowFeatureSpec LastAndMean = new()
    {
        WindowLength = 3,
        Features = [new("s", WindowStatistic.Last), new("s", WindowStatistic.Mean)],
    };

    [Fact]
    public void ForRunToFailure_CapsTheTarget_AndEndsAtZero()
    {
        Assert.Equal([2, 2, 2, 1, 0], RulTarget.ForRunToFailure(5, cap: 2));
        Assert.Equal([4, 3, 2, 1, 0], RulTarget.ForRunToFailure(5, cap: 125));
        Assert.Equal(125, RulTarget.Capped(200, 125));
    }

    [Fact]
    public void ForTraining_FiveCycleEngine_GivesEveryFullWindowWithCappedTarget()
    {
        CmapssEngine engine = Engine(1, [10, 20, 30, 40, 50]);

        var set = RulWindows.ForTraining([engine], LastAndMean, cap: 2);

        // Full windows end at cycles 3, 4, 5 (indexes 2, 3, 4); RUL there is 2, 1, 0 (cap 2).
        Assert.Equal(3, set.Count);
        Assert.Equal([2f, 1f, 0f], set.Targets);
        Assert.Equal([30f, 20f, 40f, 30f, 50f, 40f], set.Inputs);
    }

    [Fact]
    public void ForTraining_Hop_StepsBackFromTheFailureCycle()
    {
        CmapssEngine engine = Engine(1, [10, 20, 30, 40, 50, 60]);

        var set = RulWindows.ForTraining([engine], LastAndMean with { Hop = 2 }, cap: 125);

        // Windows end at indexes 5 and 3 (index 1 would not be full); in time order.
        Assert.Equal([2f, 0f], set.Targets);
        Assert.Equal([40f, 30f, 60f, 50f], set.Inputs);
    }

    [Fact]
    public void LastWindow_EngineShorterThanWindow_IsPaddedWithFirstCycle()
    {
        CmapssEngine engine = Engine(7, [10, 20]);

        float[] vector = RulWindows.LastWindow(engine, LastAndMean);

        // Padded window 10, 10, 20.
        Assert.Equal([20f, 40f / 3f], vector);
        var set = RulWindows.ForTraining([engine], LastAndMean, cap: 125);
        Assert.Equal([0f], set.Targets);
    }

    [Fact]
    public void Split_TinyFile_GroupsEnginesInOrder()
    {
        string path = WriteCmapss([(1, 1), (1, 2), (1, 3), (2, 1), (2, 2)]);

        IReadOnlyList<CmapssEngine> engines = CmapssEngine.Split(DelimitedReader.ReadCmapss(path));

        Assert.Equal([1, 2], engines.Select(e => e.Unit));
        Assert.Equal([3, 2], engines.Select(e => e.Cycles));
        Assert.Equal([1.0, 2.0, 3.0], engines[0].Channels["cycle"]);
        Assert.Equal(4, engines[1].FirstLine);
    }

    [Fact]
    public void Split_CycleGap_ReportsFileAndLine()
    {
        string path = WriteCmapss([(1, 1), (1, 2), (1, 4)]);

        var error = Assert.Throws<DataFormatException>(() => CmapssEngine.Split(DelimitedReader.ReadCmapss(path)));

        Assert.Equal(3, error.Line);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    private static CmapssEngine Engine(int unit, double[] sensor) => new(
        unit,
        new Dictionary<string, double[]>
        {
            ["cycle"] = [.. Enumerable.Range(1, sensor.Length).Select(c => (double)c)],
            ["s"] = sensor,
        },
        FirstLine: 1);

    private static string WriteCmapss(IEnumerable<(int Unit, int Cycle)> rows)
    {
        string path = Path.Combine(Path.GetTempPath(), $"cmapss-{Guid.NewGuid():N}.txt");
        File.WriteAllLines(path, rows.Select(r => $"{r.Unit} {r.Cycle} " + string.Join(" ", Enumerable.Range(0, 24).Select(i => (i + r.Cycle).ToString(System.Globalization.CultureInfo.InvariantCulture))) + " "));
        return path;
    }
}
