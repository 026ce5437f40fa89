using EdgeAgent.ModelKit.Training;

namespace EdgeAgent.ModelKit.Tests.Training;

/// <summary>Small seeded data sets for trainer tests.</summary>
internal static class SyntheticData
{
    /// <summary>y = 3·x0 − 2·x1 + x2·x3 + 50, with raw features on very different scales (the normalization must cope).</summary>
    public static TrainingSet Regression(int rows, int seed)
    {
        var random = new Random(seed);
        var inputs = new float[rows * 4];
        var targets = new float[rows];
        for (int r = 0; r < rows; r++)
        {
            double x0 = random.NextDouble();
            double x1 = (random.NextDouble() * 100) + 500;
            double x2 = random.NextDouble() - 0.5;
            double x3 = random.NextDouble() * 4;
            inputs[(r * 4) + 0] = (float)x0;
            inputs[(r * 4) + 1] = (float)x1;
            inputs[(r * 4) + 2] = (float)x2;
            inputs[(r * 4) + 3] = (float)x3;
            targets[r] = (float)((3 * x0) - (2 * (x1 - 550) / 100) + (x2 * x3));
        }

        return new TrainingSet(inputs, 4, targets, 1);
    }

    /// <summary>Random raw rows (row-major) with feature means far from zero.</summary>
    public static float[] Rows(int rows, int width, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, rows * width).Select(i => (float)((random.NextDouble() * 10) + (100 * (i % width))))];
    }
}
