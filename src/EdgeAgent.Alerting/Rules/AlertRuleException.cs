namespace EdgeAgent.Alerting.Rules;

/// <summary>The alert rules cannot be used with this model: an output is missing, two rules share a name, a value is out of range. The message names each problem.</summary>
public sealed class AlertRuleException : Exception
{
    public AlertRuleException()
    {
    }

    public AlertRuleException(string message)
        : base(message)
    {
    }

    public AlertRuleException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
