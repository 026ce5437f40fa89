using System.Reflection;
using EdgeAgent.Agent.Configuration;
using EdgeAgent.Agent.Pipeline;
using EdgeAgent.Features.Quality;
using EdgeAgent.Features.Windows;
using EdgeAgent.LocalPage;
using Microsoft.Extensions.Options;

namespace EdgeAgent.Agent.Status;

/// <summary>Builds the local page's view of the agent from its parts.</summary>
internal sealed class AgentStatusProvider(
    IOptions<AgentOptions> agent,
    AgentState state,
    PipelineWorker pipeline,
    PredictionWriter writer,
    IEnumerable<IAlertOutputStatus> outputs) : IAgentStatus
{
    /// <summary>The agent's version, as the page and the fleet show it.</summary>
    public static string AgentVersion { get; } =
        typeof(AgentStatusProvider).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public AgentStatusSnapshot GetStatus()
    {
        ModelStatus? model = state.ModelVersion is null ? null
            : new ModelStatus(state.ModelName ?? "", state.ModelVersion, state.ModelTask ?? "", state.ScoreOutput ?? "", state.WarningThreshold);
        var source = new SourceStatus(state.SourceName, state.SourceState, state.SourceRows, state.SourceError);
        WindowProcessor? processor = pipeline.Processor;
        var quality = new List<ChannelQuality>();
        var windows = new WindowCounts(0, 0, 0, 0, null);
        if (processor is not null)
        {
            WindowAssembler assembler = processor.Stage.Assembler;
            for (int c = 0; c < assembler.Plan.Channels.Count; c++)
            {
                SampleQualityMonitor monitor = assembler.Monitor(c);
                quality.Add(new ChannelQuality(
                    monitor.Channel,
                    monitor.Samples,
                    monitor.FaultySamples,
                    SampleQualityMonitor.Kinds.ToDictionary(QualityNames.Of, monitor.Count, StringComparer.Ordinal)));
            }

            IReadOnlyList<SkippedWindow> skips = assembler.RecentSkips;
            windows = new WindowCounts(assembler.CleanWindows, assembler.FlaggedWindows, assembler.RepairedWindows, assembler.SkippedWindows, skips.Count > 0 ? skips[^1].Reason : null);
        }

        var parts = state.Parts.ToList();
        parts.Add(new PartHealth("store", writer.LastError is null, writer.LastError ?? $"{writer.Committed} predictions committed, {writer.Pending} pending"));
        return new AgentStatusSnapshot(
            agent.Value.DeviceId,
            AgentVersion,
            state.StartedAt,
            model,
            source,
            quality,
            windows,
            [.. outputs.SelectMany(o => o.GetOutputs())],
            parts);
    }
}
