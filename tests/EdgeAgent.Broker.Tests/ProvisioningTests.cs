using System.Text;
using EdgeAgent.Mqtt.Client;
using EdgeAgent.TestKit;

namespace EdgeAgent.Broker.Tests;

/// <summary>The committed provision-device.sh: idempotent, strict about names, and what it writes takes effect on reload.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ProvisioningTests(FleetBroker fleet) : IClassFixture<FleetBroker>, IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("edgeagent-provision-").FullName;

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    /// <summary>A broker folder of its own (the committed acl, the fleet CA), not the running broker's.</summary>
    private (ProvisionScript Script, BrokerFiles Files) FreshBrokerFolder()
    {
        string etc = Directory.CreateDirectory(Path.Combine(_scratch, "etc")).FullName;
        BrokerFiles files = BrokerFiles.In(etc);
        File.Copy(fleet.Pki.CaFile, files.CaFile);
        File.Copy(DeployFiles.Acl, files.AclFile);
        return (new ProvisionScript(etc, fleet.Pki.CaKeyFile, Path.Combine(_scratch, "clients")), files);
    }

    [Fact]
    public async Task Script_RunAgainForTheSameDevice_ChangesNothing()
    {
        (ProvisionScript script, BrokerFiles files) = FreshBrokerFolder();
        ProvisionedClient first = await script.ProvisionDeviceAsync("plant-3", "press-07");
        await script.ProvisionDeviceAsync("plant-3", "press-08");
        string[] watched = [files.PasswordFile, files.AclFile, first.CertFile, first.KeyFile, Path.Combine(first.Directory, "password")];
        string[] before = [.. watched.Select(File.ReadAllText)];

        ProcessResult again = await script.RunAsync(["plant-3", "press-07"]);

        Assert.True(again.ExitCode == 0, again.Describe());
        Assert.Equal(before, watched.Select(File.ReadAllText));
        Assert.Contains("press-07: password kept", again.Output, StringComparison.Ordinal);
        Assert.Contains("press-07: ACL block unchanged", again.Output, StringComparison.Ordinal);
        Assert.Contains("press-07: certificate kept", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Script_NewDevice_WritesItsAclBlockAndCertificate()
    {
        (ProvisionScript script, BrokerFiles files) = FreshBrokerFolder();

        ProvisionedClient device = await script.ProvisionDeviceAsync("plant-3", "press-07");

        string[] acl = await File.ReadAllLinesAsync(files.AclFile);
        Assert.Equal(
            ["user press-07", "topic write edge/plant-3/press-07/#", "topic read edge/plant-3/press-07/cmd/#", "topic read fleet/plant-3/rollouts/#"],
            BlockOf(acl, "press-07").Where(line => !line.StartsWith('#')));
        Assert.StartsWith("press-07:$7$", File.ReadAllText(files.PasswordFile), StringComparison.Ordinal); // PBKDF2-SHA512, not the password
        Assert.DoesNotContain(device.Password, File.ReadAllText(files.PasswordFile), StringComparison.Ordinal);
        Assert.True(device.Password.Length >= 24);
        ProcessResult subject = await ProcessRunner.RunAsync("openssl", ["x509", "-in", device.CertFile, "-noout", "-subject", "-ext", "extendedKeyUsage"], TimeSpan.FromSeconds(30));
        Assert.Contains("subject=O = EdgeAgent, OU = plant-3, CN = press-07", subject.Output, StringComparison.Ordinal);
        Assert.Contains("TLS Web Client Authentication", subject.Output, StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(device.KeyFile));
    }

    [Fact]
    public async Task Script_DeviceMovedToAnotherFleet_ReplacesItsAclBlockInPlaceAndReissuesItsCertificate()
    {
        (ProvisionScript script, BrokerFiles files) = FreshBrokerFolder();
        ProvisionedClient before = await script.ProvisionDeviceAsync("plant-3", "press-07");
        string certificateBefore = File.ReadAllText(before.CertFile);
        await script.ProvisionDeviceAsync("plant-3", "press-08");

        ProvisionedClient after = await script.ProvisionDeviceAsync("plant-4", "press-07");

        string[] acl = await File.ReadAllLinesAsync(files.AclFile);
        Assert.Single(acl, line => line == "user press-07");
        Assert.Contains("topic write edge/plant-4/press-07/#", BlockOf(acl, "press-07"));
        Assert.DoesNotContain(acl, line => line.Contains("plant-3/press-07", StringComparison.Ordinal));
        Assert.True(Array.IndexOf(acl, "user press-07") < Array.IndexOf(acl, "user press-08"), "the block stays where it was");
        Assert.NotEqual(certificateBefore, File.ReadAllText(after.CertFile));
        Assert.Equal(before.Password, after.Password);
    }

    [Theory]
    [InlineData("plant-3", "fleet-manager")] // would overwrite the fleet manager's password
    [InlineData("plant-3", "a/b")]
    [InlineData("plant-3", "+")]
    [InlineData("plant-3", "#")]
    [InlineData("plant-3", "press 07")]
    [InlineData("plant-3", "")]
    [InlineData("plant/3", "press-07")]
    [InlineData("+", "press-07")]
    [InlineData("plant-3", "-x")]
    public async Task Script_InvalidOrReservedName_RefusedWithoutTouchingTheBrokerFiles(string fleetId, string deviceId)
    {
        (ProvisionScript script, BrokerFiles files) = FreshBrokerFolder();
        string aclBefore = File.ReadAllText(files.AclFile);

        ProcessResult result = await script.RunAsync([fleetId, deviceId]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("provision-device.sh: ", result.Output, StringComparison.Ordinal);
        Assert.Equal(aclBefore, File.ReadAllText(files.AclFile));
        Assert.False(File.Exists(files.PasswordFile));
    }

    [Fact]
    public async Task DeviceProvisionedWhileTheBrokerRuns_ConnectsOnceTheBrokerReloads()
    {
        ProvisionedClient device = await fleet.Script.ProvisionDeviceAsync(FleetBroker.Fleet, "press-09");
        await using (var early = new MqttClient(fleet.OptionsFor(device)))
        {
            var refused = await Assert.ThrowsAsync<MqttConnectException>(() => early.ConnectAsync());
            Assert.Equal(0x87, refused.ReasonCode); // the broker has not read the new password yet
        }

        await fleet.Broker.ReloadAsync();

        await using MqttClient client = await fleet.ConnectAsync(device);
        await client.PublishAsync($"edge/{FleetBroker.Fleet}/press-09/status", Encoding.UTF8.GetBytes("online"), MqttQos.AtLeastOnce).Within();
        var e = await Assert.ThrowsAsync<MqttException>(() =>
            client.PublishAsync($"edge/{FleetBroker.Fleet}/press-07/status", Encoding.UTF8.GetBytes("spoof"), MqttQos.AtLeastOnce).Within());
        Assert.Equal(0x87, e.ReasonCode);
    }

    [Fact]
    public async Task DeviceMovedToAnotherFleet_OnReload_ItsOpenConnectionMayWriteOnlyUnderTheNewFleet()
    {
        ProvisionedClient device = await fleet.Script.ProvisionDeviceAsync(FleetBroker.Fleet, "press-10");
        await fleet.Broker.ReloadAsync();
        await using MqttClient connected = await fleet.ConnectAsync(device);
        var disconnects = 0;
        connected.Disconnected += (_, _) => Interlocked.Increment(ref disconnects);
        await connected.PublishAsync($"edge/{FleetBroker.Fleet}/press-10/status", Encoding.UTF8.GetBytes("online"), MqttQos.AtLeastOnce).Within();

        await fleet.Script.ProvisionDeviceAsync(FleetBroker.OtherFleet, "press-10");
        await fleet.Broker.ReloadAsync();

        var e = await Assert.ThrowsAsync<MqttException>(() =>
            connected.PublishAsync($"edge/{FleetBroker.Fleet}/press-10/status", Encoding.UTF8.GetBytes("old fleet"), MqttQos.AtLeastOnce).Within());
        Assert.Equal(0x87, e.ReasonCode);
        await connected.PublishAsync($"edge/{FleetBroker.OtherFleet}/press-10/status", Encoding.UTF8.GetBytes("new fleet"), MqttQos.AtLeastOnce).Within();
        Assert.Equal(0, Volatile.Read(ref disconnects)); // same password: the reload kept the connection
    }

    [Fact]
    public async Task DeviceRemoved_OnReload_IsDisconnectedAndRefusedFromThenOn()
    {
        ProvisionedClient device = await fleet.Script.ProvisionDeviceAsync(FleetBroker.OtherFleet, "lathe-02");
        await fleet.Broker.ReloadAsync();
        await using MqttClient connected = await fleet.ConnectAsync(device);
        await connected.PublishAsync($"edge/{FleetBroker.OtherFleet}/lathe-02/status", Encoding.UTF8.GetBytes("online"), MqttQos.AtLeastOnce).Within();
        Task<MqttDisconnectedEventArgs> dropped = Waits.NextDisconnected(connected, e => e.WasConnected);
        Task<MqttDisconnectedEventArgs> refused = Waits.NextDisconnected(connected, e => !e.WasConnected);

        ProcessResult removed = await fleet.Script.RunAsync(["--remove", "lathe-02"]);
        Assert.True(removed.ExitCode == 0, removed.Describe());
        await fleet.Broker.ReloadAsync();

        // mosquitto 2.0 checks connected clients against the reloaded password file and drops those no longer in it;
        // the client's own reconnects are then refused.
        await dropped;
        MqttDisconnectedEventArgs retry = await refused;
        Assert.Equal(0x87, retry.ReasonCode);
        Assert.False(connected.IsConnected);
        await using var again = new MqttClient(fleet.OptionsFor(device));
        var e = await Assert.ThrowsAsync<MqttConnectException>(() => again.ConnectAsync());
        Assert.Equal(0x87, e.ReasonCode);
    }

    private static string[] BlockOf(string[] acl, string deviceId)
    {
        int begin = Array.IndexOf(acl, $"# BEGIN device {deviceId}");
        int end = Array.IndexOf(acl, $"# END device {deviceId}");
        Assert.True(begin >= 0 && end > begin, $"no block for {deviceId} in:\n{string.Join('\n', acl)}");
        return acl[(begin + 1)..end];
    }
}
