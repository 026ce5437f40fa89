namespace EdgeAgent.Agent.Models;

/// <summary>Which model package the agent serves. Bound from the <c>Model</c> section.</summary>
public sealed class ModelOptions
{
    public const string SectionName = "Model";

    /// <summary>Path of the model package (<c>.eapkg</c>) to serve. Required.</summary>
    public string PackagePath { get; set; } = "";
}
