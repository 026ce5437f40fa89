namespace EdgeAgent.LocalPage.Tests;

/// <summary>An agent status the test sets.</summary>
internal sealed class FakeAgentStatus : IAgentStatus
{
    public const double Threshold = 0.6;

    public AgentStatusSnapshot Snapshot { get; set; } = new(
        "press-07",
        "1.3.0-test",
        new DateTimeOffset(2026, 3, 10, 5, 30, 0, TimeSpan.Zero),
        new ModelStatus("ai4i-anomaly", "1.4.2", "anomaly", "anomaly_score", Threshold),
        new SourceStatus("ads1115@i2c-1", "reading", 123_456, "I2C read timed out at 05:41"),
        [
            new ChannelQuality("vibration-x", 10_000, 5, new Dictionary<string, long> { ["gap"] = 3, ["clip"] = 2, ["stuck"] = 0 }),
            new ChannelQuality("temperature", 2_000, 0, new Dictionary<string, long>()),
        ],
        new WindowCounts(900, 12, 7, 3, "gap longer than 50 ms on vibration-x"),
        [new OutputStatus("lamp.warning", On: true, Healthy: true), new OutputStatus("relay.stop", On: false, Healthy: false)],
        [new PartHealth("store", Healthy: true, null), new PartHealth("uplink", Healthy: false, "broker unreachable")]);

    public AgentStatusSnapshot GetStatus() => Snapshot;
}
