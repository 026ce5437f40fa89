using EdgeAgent.Mqtt.Client;
using Microsoft.Extensions.Options;

namespace EdgeAgent.Mqtt.Tests.Client;

public sealed class MqttClientOptionsValidatorTests
{
    private static MqttClientOptions Valid() => new() { Host = "broker.local", ClientId = "jetson-0042" };

    private static string Single(MqttClientOptions options)
    {
        ValidateOptionsResult result = new MqttClientOptionsValidator().Validate(null, options);
        Assert.True(result.Failed, "the options were accepted");
        return Assert.Single(result.Failures!);
    }

    [Fact]
    public void Validate_Defaults_WithClientId_Succeed()
    {
        ValidateOptionsResult result = new MqttClientOptionsValidator().Validate(null, Valid());
        Assert.True(result.Succeeded, result.FailureMessage);
        Assert.Equal(1883, Valid().EffectivePort);
        Assert.Equal(8883, new MqttClientOptions { UseTls = true }.EffectivePort);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(65536)]
    public void Validate_PortOutOfRange_NamesPort(int port)
    {
        MqttClientOptions o = Valid();
        o.Port = port;
        Assert.Equal($"Mqtt:Port is {port}; it must be between 1 and 65535.", Single(o));
    }

    [Fact]
    public void Validate_EmptyClientId_NamesClientId()
    {
        MqttClientOptions o = Valid();
        o.ClientId = " ";
        Assert.StartsWith("Mqtt:ClientId is empty", Single(o), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ClientIdWithWildcard_NamesClientId()
    {
        MqttClientOptions o = Valid();
        o.ClientId = "dev/1";
        Assert.StartsWith("Mqtt:ClientId 'dev/1' contains", Single(o), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_HostWithScheme_NamesHost()
    {
        MqttClientOptions o = Valid();
        o.Host = "mqtt://broker:1883";
        Assert.StartsWith("Mqtt:Host 'mqtt://broker:1883' must be a bare host name", Single(o), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PasswordWithoutUsername_NamesPassword()
    {
        MqttClientOptions o = Valid();
        o.Password = "secret";
        Assert.StartsWith("Mqtt:Password is set but Mqtt:Username is empty", Single(o), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CaFileWithoutTls_NamesBoth()
    {
        MqttClientOptions o = Valid();
        o.CaFile = "/etc/ssl/certs/ca-certificates.crt";
        Assert.StartsWith("Mqtt:CaFile is set but Mqtt:UseTls is false", Single(o), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingTlsFile_NamesSettingAndPath()
    {
        MqttClientOptions o = Valid();
        o.UseTls = true;
        o.CaFile = "/nonexistent/ca.crt";
        Assert.Equal("Mqtt:CaFile '/nonexistent/ca.crt' does not exist or is not a file.", Single(o));
    }

    [Fact]
    public void Validate_CertFileWithoutKeyFile_NamesKeyFile()
    {
        string cert = Path.GetTempFileName();
        try
        {
            MqttClientOptions o = Valid();
            o.UseTls = true;
            o.CertFile = cert;
            Assert.StartsWith("Mqtt:CertFile is set but Mqtt:KeyFile is not", Single(o), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(cert);
        }
    }

    [Theory]
    [InlineData(4.0)]
    [InlineData(2.5 * 60 * 60 * 24)]
    [InlineData(30.5)]
    public void Validate_KeepAliveOutOfRangeOrFractional_NamesKeepAlive(double seconds)
    {
        MqttClientOptions o = Valid();
        o.KeepAlive = TimeSpan.FromSeconds(seconds);
        Assert.StartsWith("Mqtt:KeepAlive is ", Single(o), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MaxReconnectDelayBelowMin_NamesBoth()
    {
        MqttClientOptions o = Valid();
        o.MinReconnectDelay = TimeSpan.FromSeconds(10);
        o.MaxReconnectDelay = TimeSpan.FromSeconds(5);
        Assert.Equal("Mqtt:MaxReconnectDelay is 5 s, below Mqtt:MinReconnectDelay (10 s); it must be at least that.", Single(o));
    }

    [Fact]
    public void Validate_ZeroConnectTimeout_NamesConnectTimeout()
    {
        MqttClientOptions o = Valid();
        o.ConnectTimeout = TimeSpan.Zero;
        Assert.Equal("Mqtt:ConnectTimeout is 0 s; it must be from 1 s to 5 min.", Single(o));
    }

    [Fact]
    public void Validate_WillTopicWithWildcard_NamesWillTopic()
    {
        MqttClientOptions o = Valid();
        o.WillTopic = "edge/fleet1/#";
        Assert.Equal("Mqtt:WillTopic 'edge/fleet1/#' cannot be published to: it contains the wildcard '#', which only subscription filters may use.", Single(o));
    }

    [Fact]
    public void Validate_SeveralBadSettings_ReportsEach()
    {
        var o = new MqttClientOptions { Host = "", Port = 0, ClientId = "", MaxQueuedMessages = 0 };
        ValidateOptionsResult result = new MqttClientOptionsValidator().Validate(null, o);
        Assert.Equal(4, result.Failures!.Count());
        Assert.All(["Mqtt:Host", "Mqtt:Port", "Mqtt:ClientId", "Mqtt:MaxQueuedMessages"], s => Assert.Contains(result.Failures!, f => f.StartsWith(s, StringComparison.Ordinal)));
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowsWithTheMessages()
    {
        MqttClientOptions o = Valid();
        o.Port = 0;
        var e = Assert.Throws<OptionsValidationException>(() => new MqttClient(o));
        Assert.Contains("Mqtt:Port is 0; it must be between 1 and 65535.", e.Message, StringComparison.Ordinal);
    }
}
