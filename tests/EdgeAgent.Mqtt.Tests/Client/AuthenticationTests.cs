using System.Text;
using EdgeAgent.Mqtt.Client;
using EdgeAgent.TestKit;

namespace EdgeAgent.Mqtt.Tests.Client;

/// <summary>A broker with a password file (made with mosquitto_passwd) and an ACL that keeps each device under its own topics.</summary>
public sealed class AuthenticationTests : IAsyncLifetime
{
    private const string Device = "dev-auth-1";
    private const string Password = "correct horse battery staple";
    private MosquittoBroker _broker = null!;
    private string _directory = null!;

    public async Task InitializeAsync()
    {
        _directory = Directory.CreateTempSubdirectory("edgeagent-mqtt-auth-").FullName;
        string passwords = Path.Combine(_directory, "passwd");
        await WritePasswordFileAsync(passwords, Device, Password);
        string acl = Path.Combine(_directory, "acl");
        await File.WriteAllLinesAsync(acl, ["pattern readwrite edge/fleet1/%u/#"]);
        _broker = await MosquittoBroker.StartAsync([$"password_file {passwords}", $"acl_file {acl}"], allowAnonymous: false);
    }

    public async Task DisposeAsync()
    {
        await _broker.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private MqttClientOptions Options(string? username, string? password)
    {
        MqttClientOptions options = TestOptions.For(_broker, Device);
        options.Username = username;
        options.Password = password;
        return options;
    }

    [Fact]
    public async Task ConnectAsync_RightCredentials_Connects()
    {
        await using var client = new MqttClient(Options(Device, Password));
        await client.ConnectAsync();
        Assert.True(client.IsConnected);
        Assert.Null(client.LastConnectError);
    }

    [Fact]
    public async Task ConnectAsync_WrongPassword_FailsWithNotAuthorizedAndLogsTheRetry()
    {
        var logger = new ListLogger();
        await using var client = new MqttClient(Options(Device, "wrong"), logger);

        var e = await Assert.ThrowsAsync<MqttConnectException>(() => client.ConnectAsync());

        Assert.Equal(0x87, e.ReasonCode);
        Assert.Equal($"The MQTT broker 127.0.0.1:{_broker.Port} refused the connection of {Device}: Not authorized (reason code 0x87).", e.Message);
        Assert.Equal("Not authorized", client.LastConnectError);
        Assert.False(client.IsConnected);
        Assert.Contains(logger.Entries, l => l.EventId.Id == 7001
            && l.Message.StartsWith($"MQTT connection refused by 127.0.0.1:{_broker.Port}: Not authorized; retrying in ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ConnectAsync_NoCredentials_FailsWithNotAuthorized()
    {
        await using var client = new MqttClient(Options(null, null));
        var e = await Assert.ThrowsAsync<MqttConnectException>(() => client.ConnectAsync());
        Assert.Equal(0x87, e.ReasonCode);
    }

    [Fact]
    public async Task PublishAsync_QosOneOutsideOwnTopics_FaultsWithTheBrokersPubackReason()
    {
        await using var client = new MqttClient(Options(Device, Password));
        await client.ConnectAsync();

        var e = await Assert.ThrowsAsync<MqttException>(() =>
            client.PublishAsync("edge/fleet1/other-device/status", Encoding.UTF8.GetBytes("spoof"), MqttQos.AtLeastOnce));

        Assert.Equal(0x87, e.ReasonCode);
        Assert.Contains("refused the publish to 'edge/fleet1/other-device/status': Not authorized", e.Message, StringComparison.Ordinal);

        // Its own topics still work.
        await client.PublishAsync($"edge/fleet1/{Device}/status", Encoding.UTF8.GetBytes("online"), MqttQos.AtLeastOnce);
    }

    /// <summary>With mosquitto_passwd when installed (it hashes with PBKDF2); otherwise the file format written by hand.</summary>
    private static async Task WritePasswordFileAsync(string path, string user, string password)
    {
        const string tool = "/usr/bin/mosquitto_passwd";
        if (File.Exists(tool))
        {
            ProcessResult result = await ProcessRunner.RunAsync(tool, ["-c", "-b", path, user, password], TimeSpan.FromSeconds(30));
            Assert.True(result.ExitCode == 0, result.Describe());
            return;
        }

        // mosquitto's "$6$" format: SHA-512 over password then salt, both base64.
        byte[] salt = System.Security.Cryptography.RandomNumberGenerator.GetBytes(12);
        byte[] hash = System.Security.Cryptography.SHA512.HashData([.. Encoding.UTF8.GetBytes(password), .. salt]);
        await File.WriteAllTextAsync(path, $"{user}:$6${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}\n");
    }
}
