using EdgeAgent.Mqtt.Client;

namespace EdgeAgent.FleetWatch.Watching;

/// <summary>What <c>edgeagent-fleet watch</c> was asked to do, checked by the command line.</summary>
/// <param name="Fleet">The fleet whose devices are watched (<c>edge/{fleet}/+/+</c>).</param>
/// <param name="Broker">The connection to the broker; the client id is made up per run.</param>
/// <param name="Once">Print one table once the retained statuses have arrived, then exit; otherwise watch until stopped.</param>
/// <param name="Timeout">The longest wait for the connection and, with <paramref name="Once"/>, for the fleet to settle. Default 10 s.</param>
/// <param name="OfflineAfter">How long a device whose status says online may be silent before it shows as silent. Default 5 min.</param>
internal sealed record WatchSettings(string Fleet, MqttClientOptions Broker, bool Once, TimeSpan Timeout, TimeSpan OfflineAfter)
{
    /// <summary>With <see cref="Once"/>: the table is printed once nothing new arrived for this long (the retained statuses come at once).</summary>
    public static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(1);

    /// <summary>How often the watch looks for changes to show, and how often a live screen refreshes its ages.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);
}
