using EdgeAgent.TestKit;

namespace EdgeAgent.Inference.Tests;

public sealed class AllocationTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(64)]
    public void RunnerRun_SteadyState_AllocatesNothingOnManagedHeap(int batch)
    {
        using var engine = InferenceEngine.Load(SharedAssets.AutoencoderModel);
        using var runner = engine.CreateRunner(new Dictionary<string, long> { ["batch_size"] = batch });
        float[] rows = [.. Enumerable.Range(0, batch * 10).Select(i => (i % 17) / 17f)];
        for (int i = 0; i < 10; i++)
        {
            rows.CopyTo(runner.Input<float>("sensor_input"));
            runner.Run();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 200; i++)
        {
            rows.CopyTo(runner.Input<float>("sensor_input"));
            runner.Run();
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.True(float.IsFinite(runner.Output<float>("reconstruction")[0]));
    }

    [Fact]
    public void RunnerRun_StatefulModelSteadyState_AllocatesNothingOnManagedHeap()
    {
        using var engine = InferenceEngine.Load(SharedAssets.SileroVadModel);
        using var runner = engine.CreateRunner(new Dictionary<string, long> { ["input:0"] = 1, ["input:1"] = 512, ["state:1"] = 1 });
        runner.Input<long>("sr")[0] = 16000;
        runner.Input<float>("input").Fill(0.1f);
        for (int i = 0; i < 5; i++)
        {
            runner.Run();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 50; i++)
        {
            runner.Run();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void EngineRun_AllocatingPath_DoesAllocate()
    {
        // Shows the measurement sees allocations when there are some.
        using var engine = InferenceEngine.Load(SharedAssets.AutoencoderModel);
        var input = InferenceInput.Create("sensor_input", new float[10], 1, 10);
        engine.Run(input);

        long before = GC.GetAllocatedBytesForCurrentThread();
        engine.Run(input);

        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before > 0);
    }
}
