using EdgeAgent.Agent.Models;
using EdgeAgent.Agent.Pipeline;
using EdgeAgent.Alerting.Rules;
using EdgeAgent.Alerting.Decisions;

namespace EdgeAgent.Agent.Decisions;

/// <summary>The pipeline's decisions: the package's alert thresholds and the configured rules, run by a <see cref="DecisionEngine"/>.</summary>
internal sealed class AlertDecisions(DecisionEngineFactory factory) : IDecisionSink
{
    private DecisionEngine? _engine;

    public void Attach(ActiveModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        try
        {
            _engine = factory.Create(model.Manifest, model.ScalarOutputs);
        }
        catch (AlertRuleException ex)
        {
            throw new ModelStartException($"Alert rules for model {model.Version}: {ex.Message}", ex);
        }
    }

    public void Decide(ReadOnlySpan<float> outputs, DateTimeOffset at) => _engine?.Evaluate(outputs, at);
}
