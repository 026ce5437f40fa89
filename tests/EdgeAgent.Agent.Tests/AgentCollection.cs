namespace EdgeAgent.Agent.Tests;

/// <summary>Tests that run the agent share the demo model and run one at a time (each starts processes and servers).</summary>
[CollectionDefinition(Name)]
public sealed class AgentCollection : ICollectionFixture<DemoModelFixture>
{
    public const string Name = "agent";
}
