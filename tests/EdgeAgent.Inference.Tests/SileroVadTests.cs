using EdgeAgent.TestKit;

namespace EdgeAgent.Inference.Tests;

public sealed class SileroVadTests
{
    private const int ChunkSamples = 512;

    // 16 kHz: silence with noise, then a voiced-like burst (harmonics of a gliding pitch), repeating.
    private static float[] Signal(int chunks)
    {
        var random = new Random(42);
        var samples = new float[chunks * ChunkSamples];
        for (int n = 0; n < samples.Length; n++)
        {
            double t = n / 16000.0;
            bool voiced = (n / (ChunkSamples * 10)) % 2 == 1;
            double noise = (random.NextDouble() - 0.5) * 0.01;
            double pitch = 140 + (30 * Math.Sin(2 * Math.PI * 3 * t));
            double voice = voiced ? 0.3 * (Math.Sin(2 * Math.PI * pitch * t) + (0.5 * Math.Sin(4 * Math.PI * pitch * t)) + (0.25 * Math.Sin(6 * Math.PI * pitch * t))) : 0;
            samples[n] = (float)(noise + voice);
        }

        return samples;
    }

    [Fact]
    public void Load_SileroVad_PairsStateOutputWithStateInput()
    {
        using var engine = InferenceEngine.Load(SharedAssets.SileroVadModel);

        RecurrentStatePair pair = Assert.Single(engine.RecurrentState);
        Assert.Equal(new RecurrentStatePair("stateN", "state"), pair);
    }

    [Fact]
    public void RunnerRun_HundredChunks_CarriesStateAndMatchesManualFeedback()
    {
        using var engine = InferenceEngine.Load(SharedAssets.SileroVadModel);
        using InferenceRunner runner = engine.CreateRunner(new Dictionary<string, long> { ["input:0"] = 1, ["input:1"] = ChunkSamples, ["state:1"] = 1 });
        runner.Input<long>("sr")[0] = 16000;
        float[] signal = Signal(100);
        float[] manualState = new float[2 * 128];
        int stateChanges = 0;

        for (int chunk = 0; chunk < 100; chunk++)
        {
            float[] stateBefore = runner.Input<float>("state").ToArray();
            signal.AsSpan(chunk * ChunkSamples, ChunkSamples).CopyTo(runner.Input<float>("input"));
            runner.Run();
            float[] stateAfter = runner.Input<float>("state").ToArray();
            float probability = runner.Output<float>("output")[0];

            // The same step through the allocating path, feeding stateN back by hand.
            InferenceResult manual = engine.Run(
                InferenceInput.Create("input", signal[(chunk * ChunkSamples)..((chunk + 1) * ChunkSamples)], 1, ChunkSamples),
                InferenceInput.Create("state", manualState, 2, 1, 128),
                InferenceInput.Create("sr", new long[] { 16000 }));
            manualState = manual["stateN"].As<float>();

            Assert.InRange(probability, 0f, 1f);
            Assert.Equal(manual["output"].As<float>()[0], probability, 1e-6f);
            Assert.Equal(manualState, stateAfter);
            if (!stateBefore.SequenceEqual(stateAfter))
            {
                stateChanges++;
            }
        }

        Assert.Equal(100, stateChanges);
    }

    [Fact]
    public void ResetState_AfterStream_ReproducesFirstChunkOutput()
    {
        using var engine = InferenceEngine.Load(SharedAssets.SileroVadModel);
        using InferenceRunner runner = engine.CreateRunner(new Dictionary<string, long> { ["input:0"] = 1, ["input:1"] = ChunkSamples, ["state:1"] = 1 });
        runner.Input<long>("sr")[0] = 16000;
        float[] signal = Signal(30);
        float RunChunk(int chunk)
        {
            signal.AsSpan(chunk * ChunkSamples, ChunkSamples).CopyTo(runner.Input<float>("input"));
            runner.Run();
            return runner.Output<float>("output")[0];
        }

        float first = RunChunk(15);
        float carried = RunChunk(15);
        runner.ResetState();
        float afterReset = RunChunk(15);

        Assert.NotEqual(first, carried);
        Assert.Equal(first, afterReset);
        Assert.All(runner.Input<float>("state").ToArray(), v => Assert.True(float.IsFinite(v)));
    }
}
