using EdgeAgent.Mqtt.Client;

namespace EdgeAgent.Broker.Tests;

/// <summary>
/// The TLS listener: with the right user name and password, a client still needs a certificate from the fleet CA; without
/// one the handshake fails before any MQTT.
/// </summary>
public sealed class CertificateTests(FleetBroker fleet) : IClassFixture<FleetBroker>
{
    [Fact]
    public async Task Connect_NoClientCertificate_FailsInTheTlsHandshake()
    {
        MqttClientOptions options = fleet.OptionsFor(fleet.Device);
        options.CertFile = null;
        options.KeyFile = null;
        await using var client = new MqttClient(options);

        var e = await Assert.ThrowsAsync<MqttConnectException>(() => client.ConnectAsync());

        Assert.Null(e.ReasonCode); // no CONNACK: the broker never read the CONNECT
        Assert.Contains($"Cannot connect to the MQTT broker 127.0.0.1:{fleet.Broker.Port} as press-07", e.Message, StringComparison.Ordinal);
        Assert.Contains("certificate required", e.Message, StringComparison.Ordinal); // OpenSSL's alert from the broker
        Assert.False(client.IsConnected);
    }

    [Fact]
    public async Task Connect_CertificateFromAnotherCaWithTheDevicesName_FailsInTheTlsHandshake()
    {
        MqttClientOptions options = fleet.OptionsFor(fleet.Device);
        options.CertFile = fleet.Pki.RogueCertFile; // CN=press-07, but signed by a CA the broker does not trust
        options.KeyFile = fleet.Pki.RogueKeyFile;
        await using var client = new MqttClient(options);

        var e = await Assert.ThrowsAsync<MqttConnectException>(() => client.ConnectAsync());

        Assert.Null(e.ReasonCode);
        Assert.Contains("unknown ca", e.Message, StringComparison.Ordinal);
        Assert.False(client.IsConnected);
    }

    [Fact]
    public async Task Connect_WithoutTls_IsNotAccepted()
    {
        MqttClientOptions options = fleet.OptionsFor(fleet.Device);
        options.UseTls = false;
        options.CaFile = null;
        options.CertFile = null;
        options.KeyFile = null;
        await using var client = new MqttClient(options);

        var e = await Assert.ThrowsAsync<MqttConnectException>(() => client.ConnectAsync());

        Assert.Null(e.ReasonCode);
        Assert.False(client.IsConnected);
    }
}
