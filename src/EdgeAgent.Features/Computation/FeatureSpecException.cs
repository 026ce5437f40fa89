namespace EdgeAgent.Features.Computation;

/// <summary>A model package declares features this agent cannot compute; the model is refused at start.</summary>
public sealed class FeatureSpecException : Exception
{
    public FeatureSpecException()
        : this("The model's feature spec cannot be computed.")
    {
    }

    public FeatureSpecException(string message)
        : base(message)
    {
    }

    public FeatureSpecException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for one feature of one channel; the message names both.</summary>
    public FeatureSpecException(string? channel, string? feature, string problem)
        : base(Describe(channel, feature, problem))
    {
        Channel = channel;
        Feature = feature;
    }

    /// <summary>The channel at fault, when one is.</summary>
    public string? Channel { get; }

    /// <summary>The declared feature at fault, when one is.</summary>
    public string? Feature { get; }

    private static string Describe(string? channel, string? feature, string problem) => (channel, feature) switch
    {
        (not null, not null) => $"The model's feature spec cannot be computed: channel '{channel}', feature '{feature}': {problem}",
        (not null, null) => $"The model's feature spec cannot be computed: channel '{channel}': {problem}",
        (null, not null) => $"The model's feature spec cannot be computed: '{feature}': {problem}",
        _ => $"The model's feature spec cannot be computed: {problem}",
    };
}
