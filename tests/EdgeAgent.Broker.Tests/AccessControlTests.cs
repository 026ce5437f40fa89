using System.Text;
using EdgeAgent.Mqtt.Client;

namespace EdgeAgent.Broker.Tests;

/// <summary>
/// The committed ACL with the blocks provision-device.sh wrote: a device writes only under edge/{its fleet}/{its id}/ and
/// reads only its own commands and its fleet's rollouts; the fleet manager sees what devices send.
/// </summary>
public sealed class AccessControlTests(FleetBroker fleet) : IClassFixture<FleetBroker>
{
    private const string OwnStatus = $"edge/{FleetBroker.Fleet}/press-07/status";

    [Theory]
    [InlineData($"edge/{FleetBroker.Fleet}/press-08/predictions")] // another device of its fleet
    [InlineData($"edge/{FleetBroker.Fleet}/press-08/status")]
    [InlineData($"edge/{FleetBroker.OtherFleet}/press-07/status")] // its own id under another fleet
    [InlineData($"edge/{FleetBroker.OtherFleet}/lathe-01/alerts")]
    [InlineData($"fleet/{FleetBroker.Fleet}/rollouts/x")] // the fleet manager's rollouts
    [InlineData($"fleet/{FleetBroker.Fleet}/other")]
    [InlineData("edge/plant-3")]
    public async Task PublishAsync_QosOneOutsideItsOwnTopics_RefusedWithPubackNotAuthorizedAndNotDelivered(string topic)
    {
        await using MqttClient manager = await fleet.ConnectAsync(fleet.FleetManager);
        var seen = new MessageInbox();
        await manager.SubscribeAsync("edge/#", MqttQos.AtLeastOnce, seen.Handle).Within();
        await manager.SubscribeAsync("fleet/#", MqttQos.AtLeastOnce, seen.Handle).Within();
        await using MqttClient device = await fleet.ConnectAsync(fleet.Device);
        string forged = MessageInbox.Unique("forged");

        var e = await Assert.ThrowsAsync<MqttException>(() => device.PublishAsync(topic, Encoding.UTF8.GetBytes(forged), MqttQos.AtLeastOnce).Within());

        Assert.Equal(0x87, e.ReasonCode);
        Assert.Equal($"The MQTT broker 127.0.0.1:{fleet.Broker.Port} refused the publish to '{topic}': Not authorized (reason code 0x87).", e.Message);
        Assert.True(device.IsConnected); // a refused publish does not cost the connection

        string marker = MessageInbox.Unique("marker");
        await device.PublishAsync(OwnStatus, Encoding.UTF8.GetBytes(marker), MqttQos.AtLeastOnce).Within();
        IReadOnlyList<MqttMessage> before = await seen.ReceiveUntilAsync(marker);
        Assert.DoesNotContain(before, m => MessageInbox.Text(m) == forged || m.Topic == topic);
    }

    [Theory]
    [InlineData("status", true)]
    [InlineData("predictions", false)]
    [InlineData("alerts", false)]
    [InlineData("drift", false)]
    [InlineData("updates", false)]
    public async Task PublishAsync_ToItsOwnTopic_ReachesTheFleetManager(string kind, bool retain)
    {
        await using MqttClient manager = await fleet.ConnectAsync(fleet.FleetManager);
        var seen = new MessageInbox();
        await manager.SubscribeAsync($"edge/{FleetBroker.Fleet}/+/{kind}", MqttQos.AtLeastOnce, seen.Handle).Within();
        await using MqttClient device = await fleet.ConnectAsync(fleet.Device);
        string payload = MessageInbox.Unique(kind);
        string topic = $"edge/{FleetBroker.Fleet}/press-07/{kind}";

        await device.PublishAsync(topic, Encoding.UTF8.GetBytes(payload), MqttQos.AtLeastOnce, retain).Within();

        await seen.ReceiveUntilAsync(payload);
    }

    [Fact]
    public async Task LastWill_OnItsOwnStatus_ReachesTheFleetManagerWhenTheDeviceStops()
    {
        await using MqttClient manager = await fleet.ConnectAsync(fleet.FleetManager);
        var seen = new MessageInbox();
        await manager.SubscribeAsync(OwnStatus, MqttQos.AtLeastOnce, seen.Handle).Within();
        MqttClientOptions options = fleet.OptionsFor(fleet.Device);
        options.WillTopic = OwnStatus;
        options.WillPayload = MessageInbox.Unique("offline");
        await using var device = new MqttClient(options);
        await device.ConnectAsync();

        await device.DisposeAsync(); // DISCONNECT with reason 0x04: the broker publishes the Will

        await seen.ReceiveUntilAsync(options.WillPayload);
    }

    [Fact]
    public async Task SubscribeAsync_ItsCommandsAndItsFleetsRollouts_Receives()
    {
        await using MqttClient device = await fleet.ConnectAsync(fleet.Device);
        var commands = new MessageInbox();
        var rollouts = new MessageInbox();
        await device.SubscribeAsync($"edge/{FleetBroker.Fleet}/press-07/cmd/#", MqttQos.AtLeastOnce, commands.Handle).Within();
        await device.SubscribeAsync($"fleet/{FleetBroker.Fleet}/rollouts/#", MqttQos.AtLeastOnce, rollouts.Handle).Within();
        await using MqttClient manager = await fleet.ConnectAsync(fleet.FleetManager);
        string command = MessageInbox.Unique("rollback");
        string manifest = MessageInbox.Unique("manifest");

        await manager.PublishAsync($"edge/{FleetBroker.Fleet}/press-07/cmd/rollback", Encoding.UTF8.GetBytes(command), MqttQos.AtLeastOnce).Within();
        await manager.PublishAsync($"fleet/{FleetBroker.Fleet}/rollouts/bearing", Encoding.UTF8.GetBytes(manifest), MqttQos.AtLeastOnce, retain: true).Within();

        await commands.ReceiveUntilAsync(command);
        await rollouts.ReceiveUntilAsync(manifest);
    }

    [Theory]
    [InlineData($"edge/{FleetBroker.Fleet}/press-08/cmd/#", $"edge/{FleetBroker.Fleet}/press-08/cmd/ping")] // another device's commands
    [InlineData($"edge/{FleetBroker.Fleet}/press-08/#", $"edge/{FleetBroker.Fleet}/press-08/cmd/rollback")]
    [InlineData($"edge/{FleetBroker.Fleet}/+/cmd/#", $"edge/{FleetBroker.Fleet}/press-08/cmd/resend")]
    [InlineData($"fleet/{FleetBroker.OtherFleet}/rollouts/#", $"fleet/{FleetBroker.OtherFleet}/rollouts/bearing")] // another fleet's rollouts
    public async Task SubscribeAsync_OutsideWhatItMayRead_ReceivesNothing(string filter, string topic)
    {
        await using MqttClient device = await fleet.ConnectAsync(fleet.Device);
        var inbox = new MessageInbox();
        await device.SubscribeAsync($"edge/{FleetBroker.Fleet}/press-07/cmd/#", MqttQos.AtLeastOnce, inbox.Handle).Within();
        await device.SubscribeAsync(filter, MqttQos.AtLeastOnce, inbox.Handle).Within(); // granted: the ACL filters delivery, not the SUBACK
        await using MqttClient manager = await fleet.ConnectAsync(fleet.FleetManager);
        string secret = MessageInbox.Unique("for someone else");
        string marker = MessageInbox.Unique("marker");

        await manager.PublishAsync(topic, Encoding.UTF8.GetBytes(secret), MqttQos.AtLeastOnce).Within();
        await manager.PublishAsync($"edge/{FleetBroker.Fleet}/press-07/cmd/ping", Encoding.UTF8.GetBytes(marker), MqttQos.AtLeastOnce).Within();

        IReadOnlyList<MqttMessage> before = await inbox.ReceiveUntilAsync(marker);
        Assert.DoesNotContain(before, m => MessageInbox.Text(m) == secret || m.Topic == topic);
    }

    [Fact]
    public async Task Connect_WithAnotherDevicesClientId_DoesNotTakeOverThatDevicesSession()
    {
        await using MqttClient neighbour = await fleet.ConnectAsync(fleet.Neighbour);
        var neighbourDisconnected = 0;
        neighbour.Disconnected += (_, _) => Interlocked.Increment(ref neighbourDisconnected);
        MqttClientOptions options = fleet.OptionsFor(fleet.Device);
        options.ClientId = "press-08"; // its own credentials, the neighbour's client id

        await using var impostor = new MqttClient(options);
        await impostor.ConnectAsync();

        // The broker took the client id from the user name. Had it taken over press-08's session, it would have closed
        // press-08's link before accepting the impostor, and press-08 would report that before its next PUBACK, which would
        // come only after a reconnect.
        await neighbour.PublishAsync($"edge/{FleetBroker.Fleet}/press-08/status", Encoding.UTF8.GetBytes("still here"), MqttQos.AtLeastOnce).Within();
        Assert.Equal(0, Volatile.Read(ref neighbourDisconnected));
        Assert.True(neighbour.IsConnected);
    }
}
