using System.Text;
using EdgeAgent.Mqtt.Client;
using EdgeAgent.TestKit;

namespace EdgeAgent.Mqtt.Tests.Client;

/// <summary>A TLS listener that requires a client certificate from the test CA; certificates made with openssl at test time.</summary>
public sealed class TlsTests : IAsyncLifetime
{
    private const string Device = "dev-tls-1";
    private MosquittoBroker _broker = null!;
    private TestCertificates _certificates = null!;
    private string _directory = null!;

    public async Task InitializeAsync()
    {
        _directory = Directory.CreateTempSubdirectory("edgeagent-mqtt-tls-").FullName;
        _certificates = await TestCertificates.CreateAsync(_directory, Device);
        _broker = await MosquittoBroker.StartAsync(
        [
            $"cafile {_certificates.CaFile}",
            $"certfile {_certificates.ServerCertFile}",
            $"keyfile {_certificates.ServerKeyFile}",
            "require_certificate true",
            "use_identity_as_username true",
        ]);
    }

    public async Task DisposeAsync()
    {
        await _broker.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private MqttClientOptions Options(string? certFile, string? keyFile)
    {
        MqttClientOptions options = TestOptions.For(_broker, Device);
        options.UseTls = true;
        options.CaFile = _certificates.CaFile;
        options.CertFile = certFile;
        options.KeyFile = keyFile;
        return options;
    }

    [Fact]
    public async Task ConnectAsync_ClientCertificateFromTrustedCa_ConnectsAndRoundTrips()
    {
        await using var client = new MqttClient(Options(_certificates.ClientCertFile, _certificates.ClientKeyFile));
        var inbox = new MessageInbox();
        await client.ConnectAsync();
        await client.SubscribeAsync($"edge/fleet1/{Device}/#", MqttQos.AtLeastOnce, inbox.Handle);
        await client.PublishAsync($"edge/fleet1/{Device}/status", Encoding.UTF8.GetBytes("online over TLS"), MqttQos.AtLeastOnce);

        Assert.Equal("online over TLS", MessageInbox.Text(await inbox.NextAsync()));
        await _broker.WaitForLogAsync($"as {Device} .*u'{Device}'", MessageInbox.Timeout); // the certificate's CN became the user name
    }

    [Fact]
    public async Task ConnectAsync_NoClientCertificate_FailsWithTlsError()
    {
        await using var client = new MqttClient(Options(null, null));
        var e = await Assert.ThrowsAsync<MqttConnectException>(() => client.ConnectAsync());
        Assert.Contains($"Cannot connect to the MQTT broker 127.0.0.1:{_broker.Port}", e.Message, StringComparison.Ordinal);
        Assert.False(client.IsConnected);
        Assert.Contains("certificate required", e.Message, StringComparison.Ordinal); // OpenSSL's reason, from libmosquitto's log
        Assert.Contains("certificate required", client.LastConnectError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectAsync_ClientCertificateFromUnknownCa_FailsWithTlsError()
    {
        await using var client = new MqttClient(Options(_certificates.RogueCertFile, _certificates.RogueKeyFile));
        var e = await Assert.ThrowsAsync<MqttConnectException>(() => client.ConnectAsync());
        Assert.Contains("unknown ca", e.Message, StringComparison.Ordinal);
        Assert.False(client.IsConnected);
    }

    [Fact]
    public async Task ConnectAsync_BrokerCertificateNotFromConfiguredCa_FailsVerification()
    {
        MqttClientOptions options = Options(_certificates.ClientCertFile, _certificates.ClientKeyFile);
        options.CaFile = Path.Combine(_directory, "rogue-ca.crt");
        await using var client = new MqttClient(options);

        var e = await Assert.ThrowsAsync<MqttConnectException>(() => client.ConnectAsync());
        Assert.Contains("certificate verify failed", e.Message, StringComparison.Ordinal);
    }
}
