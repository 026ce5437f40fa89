using EdgeAgent.Mqtt.Client;

namespace EdgeAgent.Broker.Tests;

/// <summary>Per-device credentials: with a valid certificate, a client still needs its user name and password.</summary>
public sealed class AuthenticationTests(FleetBroker fleet) : IClassFixture<FleetBroker>
{
    [Fact]
    public async Task Connect_DeviceWithCertificateAndPassword_ConnectsAsItsId()
    {
        await using MqttClient device = await fleet.ConnectAsync(fleet.Device);

        Assert.True(device.IsConnected);
        await fleet.Broker.WaitForLogAsync("as press-07 .*u'press-07'", Waits.Timeout);
    }

    [Fact]
    public async Task Connect_NoUserNameOrPassword_RefusedNotAuthorized()
    {
        MqttClientOptions options = fleet.OptionsFor(fleet.Device);
        options.Username = null;
        options.Password = null;
        await using var client = new MqttClient(options);

        var e = await Assert.ThrowsAsync<MqttConnectException>(() => client.ConnectAsync());

        Assert.Equal(0x87, e.ReasonCode);
        Assert.Equal(
            $"The MQTT broker 127.0.0.1:{fleet.Broker.Port} refused the connection of press-07: Not authorized (reason code 0x87).", e.Message);
        Assert.Equal("Not authorized", client.LastConnectError);
        Assert.False(client.IsConnected);
    }

    [Fact]
    public async Task Connect_WrongPassword_RefusedNotAuthorized()
    {
        MqttClientOptions options = fleet.OptionsFor(fleet.Device);
        options.Password = "not the password";
        await using var client = new MqttClient(options);

        var e = await Assert.ThrowsAsync<MqttConnectException>(() => client.ConnectAsync());

        Assert.Equal(0x87, e.ReasonCode);
        Assert.Contains("refused the connection of press-07: Not authorized", e.Message, StringComparison.Ordinal);
        Assert.False(client.IsConnected);
    }

    [Fact]
    public async Task Connect_AnotherDevicesPasswordForThisUserName_RefusedNotAuthorized()
    {
        MqttClientOptions options = fleet.OptionsFor(fleet.Device);
        options.Password = fleet.Neighbour.Password;
        await using var client = new MqttClient(options);

        var e = await Assert.ThrowsAsync<MqttConnectException>(() => client.ConnectAsync());

        Assert.Equal(0x87, e.ReasonCode);
    }

    [Fact]
    public async Task Connect_UserNameNotProvisioned_RefusedNotAuthorized()
    {
        MqttClientOptions options = fleet.OptionsFor(fleet.Device);
        options.ClientId = "press-99";
        options.Username = "press-99";
        await using var client = new MqttClient(options);

        var e = await Assert.ThrowsAsync<MqttConnectException>(() => client.ConnectAsync());

        Assert.Equal(0x87, e.ReasonCode);
    }
}
