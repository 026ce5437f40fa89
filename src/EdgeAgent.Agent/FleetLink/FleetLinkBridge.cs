using EdgeAgent.Agent.Drift;
using EdgeAgent.Agent.Status;
using EdgeAgent.Drift.Monitoring;
using EdgeAgent.Fleet.Outbox;
using EdgeAgent.Mqtt.Client;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EdgeAgent.Agent.FleetLink;

/// <summary>
/// What the agent tells the fleet beyond predictions and alerts (which the outbox publisher takes from the store itself):
/// its status once the model is serving, and each drift verdict whose state or named features differ from the last one
/// sent. Both go through the durable outbox, so a lost link or a restart loses neither. The link's state (connected, or
/// why not, such as a broker refusing the credentials) is a part on the local page.
/// </summary>
public sealed class FleetLinkBridge : IHostedService
{
    private readonly FleetOutbox _outbox;
    private readonly DriftWatch _drift;
    private readonly MqttClient _client;
    private readonly AgentState _state;
    private readonly ILogger<FleetLinkBridge> _logger;
    private string? _lastDrift;

    public FleetLinkBridge(FleetOutbox outbox, DriftWatch drift, MqttClient client, AgentState state, ILogger<FleetLinkBridge> logger)
    {
        _outbox = outbox;
        _drift = drift;
        _client = client;
        _state = state;
        _logger = logger;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _outbox.EnqueueStatus(new DeviceStatus(AgentStatusProvider.AgentVersion, _state.ModelName, _state.ModelVersion, "active", "healthy"));
        _drift.Verdict += OnVerdict;
        _state.SetPart("uplink", false, $"connecting to {_client.Host}:{_client.Port}");
        _client.Connected += OnConnected;
        _client.Disconnected += OnDisconnected;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _drift.Verdict -= OnVerdict;
        _client.Connected -= OnConnected;
        _client.Disconnected -= OnDisconnected;
        return Task.CompletedTask;
    }

    private void OnConnected(object? sender, MqttConnectedEventArgs e) =>
        _state.SetPart("uplink", true, $"connected to {e.Host}:{e.Port} as {e.ClientId}");

    private void OnDisconnected(object? sender, MqttDisconnectedEventArgs e) =>
        _state.SetPart("uplink", false, $"{(e.WasConnected ? "link lost" : "cannot connect")} to {_client.Host}:{_client.Port}: {e.Reason}; retrying in {e.RetryDelay.TotalSeconds:0} s");

    private void OnVerdict(DriftVerdict verdict)
    {
        if (verdict.State == DriftState.InsufficientData)
        {
            return;
        }

        string key = DriftWatch.ChangeKey(verdict);
        if (key == _lastDrift)
        {
            return;
        }

        try
        {
            _outbox.EnqueueDrift(DriftWatch.Json(verdict));
            _lastDrift = key;
        }
        catch (EdgeAgent.Storage.StoreException ex)
        {
            // The store is full or failing: the verdict stays on the page and in the log; the next change is tried again.
            FleetLinkLog.DriftNotQueued(_logger, ex.Message, ex);
        }
    }
}
