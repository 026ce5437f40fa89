namespace EdgeAgent.Broker.Tests;

/// <summary>What the committed mosquitto.conf says, read as an operator would; the other tests show that the broker acts on it.</summary>
public sealed class DeployedConfigTests
{
    private static readonly BrokerFiles Files = BrokerFiles.In("/tmp/x");

    [Theory]
    [InlineData("per_listener_settings false")]
    [InlineData("allow_anonymous false")]
    [InlineData("require_certificate true")]
    [InlineData("use_identity_as_username false")]
    [InlineData("use_username_as_clientid true")]
    [InlineData("persistence true")]
    [InlineData("password_file /etc/mosquitto/edgeagent/passwd")]
    [InlineData("acl_file /etc/mosquitto/edgeagent/acl")]
    [InlineData("cafile /etc/mosquitto/edgeagent/ca.crt")]
    [InlineData(DeployedConfig.CommittedListener)]
    public void CommittedConfig_HasTheSetting(string line) =>
        Assert.Contains(line, File.ReadAllLines(DeployFiles.Config).Select(l => l.Trim()));

    [Fact]
    public void Render_CommittedConfig_ReplacesOnlyPathsListenerUserPidAndLogDestination()
    {
        string[] committed = File.ReadAllLines(DeployFiles.Config);

        string[] rendered = DeployedConfig.Render(committed, Files, 18883, "/tmp/broker");

        string[] changed = [.. committed.Zip(rendered).Where(pair => pair.First != pair.Second).Select(pair => pair.Second)];
        Assert.Equal(committed.Length, rendered.Length);
        Assert.Equal(
            [
                "password_file /tmp/x/passwd", "acl_file /tmp/x/acl", $"user {Environment.UserName}", "pid_file /tmp/broker/mosquitto.pid",
                "persistence_location /tmp/broker/", "log_dest stderr", "listener 18883 127.0.0.1", "cafile /tmp/x/ca.crt",
                "certfile /tmp/x/broker.crt", "keyfile /tmp/x/broker.key",
            ],
            changed);
    }

    [Fact]
    public void Render_ConfigWithoutAnAclFile_Throws()
    {
        string[] withoutAcl = [.. File.ReadAllLines(DeployFiles.Config).Where(l => !l.StartsWith("acl_file", StringComparison.Ordinal))];

        var e = Assert.Throws<InvalidOperationException>(() => DeployedConfig.Render(withoutAcl, Files, 18883, "/tmp/broker"));

        Assert.Contains("lacks acl_file", e.Message, StringComparison.Ordinal);
    }
}
