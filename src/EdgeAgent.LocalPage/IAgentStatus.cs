namespace EdgeAgent.LocalPage;

/// <summary>What the agent is doing now, for the local page. The agent implements it; calls come from page requests, on any thread.</summary>
public interface IAgentStatus
{
    /// <summary>A consistent picture of the agent at this moment; cheap, since the page asks every few seconds.</summary>
    AgentStatusSnapshot GetStatus();
}
