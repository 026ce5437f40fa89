using EdgeAgent.Features.Windows;

namespace EdgeAgent.Agent.Pipeline;

/// <summary>What the pipeline does with each window the <see cref="WindowProcessor"/> closes.</summary>
public interface IWindowObserver
{
    /// <summary>
    /// A window was scored: <paramref name="features"/> holds the model's input, <paramref name="outputs"/> one value per
    /// <see cref="Models.ActiveModel.ScalarOutputs"/> entry. Called on the pipeline thread; the decision is made here.
    /// </summary>
    void OnWindowScored(in WindowQuality quality, DateTimeOffset time, ReadOnlySpan<float> features, ReadOnlySpan<float> outputs);

    /// <summary>A window fell due but its samples were not fit to score; <see cref="WindowQuality.SkipReason"/> says why.</summary>
    void OnWindowSkipped(in WindowQuality quality, DateTimeOffset time);
}
