using EdgeAgent.TestKit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeAgent.Inference.Tests;

public sealed class ExecutionProviderTests
{
    [Fact]
    public void Load_PreferenceListWithProvidersTheLibraryLacks_FallsBackWithLoggedReason()
    {
        var logger = new ListLogger();
        var options = new InferenceEngineOptions { ExecutionProviders = ["TensorRT", "CUDA", "XNNPACK", "CPU"] };

        using var engine = InferenceEngine.Load(SharedAssets.AutoencoderModel, options, logger);

        foreach (ExecutionProviderChoice choice in engine.ProviderChoices)
        {
            if (!InferenceEngine.AvailableProviders.Contains(choice.Provider))
            {
                Assert.False(choice.Enabled);
                Assert.Contains("not in this ONNX Runtime library", choice.Reason, StringComparison.Ordinal);
            }

            if (!choice.Enabled)
            {
                // In the library but unable to start (no GPU, no provider library) is a fallback too.
                Assert.False(string.IsNullOrEmpty(choice.Reason));
                Assert.Contains(logger.Entries, e => e.Level == LogLevel.Warning && e.EventId.Id == 1001
                    && e.Message.Contains(choice.Provider, StringComparison.Ordinal) && e.Message.Contains(choice.Reason!, StringComparison.Ordinal));
            }
        }

        Assert.DoesNotContain(engine.ProviderChoices, c => c.Provider == "XnnpackExecutionProvider" && c.Enabled != InferenceEngine.AvailableProviders.Contains("XnnpackExecutionProvider"));
        Assert.Equal(4, engine.ProviderChoices.Count);
        Assert.Equal(ExecutionProviderNames.Cpu, engine.ExecutionProviders[^1]);
        Assert.Equal(10, engine.Run(InferenceInput.Create("sensor_input", new float[10], 1, 10))["reconstruction"].Data.Length);
    }

    [Fact]
    public void Load_PreferenceWithoutCpu_StillEndsWithCpu()
    {
        var options = new InferenceEngineOptions { ExecutionProviders = ["CUDA"] };

        using var engine = InferenceEngine.Load(SharedAssets.AutoencoderModel, options);

        Assert.Equal(ExecutionProviderNames.Cpu, engine.ExecutionProviders[^1]);
    }

    [Fact]
    public void Load_UnknownProviderOrBadThreadCount_NamesTheSetting()
    {
        var options = new InferenceEngineOptions { ExecutionProviders = ["CUDA", "Warp9"], IntraOpThreads = -1 };

        var ex = Assert.Throws<OptionsValidationException>(() => InferenceEngine.Load(SharedAssets.AutoencoderModel, options));

        Assert.Contains(ex.Failures, f => f.Contains("Inference:ExecutionProviders", StringComparison.Ordinal) && f.Contains("'Warp9'", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("Inference:IntraOpThreads is -1", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_ThreadCounts_AreAccepted()
    {
        var options = new InferenceEngineOptions { IntraOpThreads = 2, InterOpThreads = 1 };

        using var engine = InferenceEngine.Load(SharedAssets.AutoencoderModel, options);

        Assert.Single(engine.Model.Inputs);
    }
}
