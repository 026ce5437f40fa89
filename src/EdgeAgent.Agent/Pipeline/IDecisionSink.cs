using EdgeAgent.Agent.Models;

namespace EdgeAgent.Agent.Pipeline;

/// <summary>Where a scored window's outputs go to be decided on (alert rules).</summary>
public interface IDecisionSink
{
    /// <summary>Prepares the rules for a model's outputs; called once the model is loaded, before any window.</summary>
    /// <exception cref="ModelStartException">A rule cannot apply to this model; the message names it.</exception>
    void Attach(ActiveModel model);

    /// <summary>Decides on one window's scalar outputs, in <see cref="ActiveModel.ScalarOutputs"/> order.</summary>
    void Decide(ReadOnlySpan<float> outputs, DateTimeOffset at);
}
