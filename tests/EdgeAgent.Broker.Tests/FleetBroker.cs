using EdgeAgent.Mqtt.Client;
using EdgeAgent.TestKit;

namespace EdgeAgent.Broker.Tests;

/// <summary>
/// A mosquitto running the committed deploy/mosquitto/ configuration, as the README sets it up: the fleet CA and broker
/// certificate made with openssl, the committed acl installed, the fleet manager and three devices provisioned with the
/// committed script. One per test class (xunit runs a class's tests one at a time, so they may reuse the devices).
/// </summary>
public sealed class FleetBroker : IAsyncLifetime
{
    public const string Fleet = "plant-3";
    public const string OtherFleet = "plant-4";

    private string _directory = null!;

    public MosquittoBroker Broker { get; private set; } = null!;

    public FleetPki Pki { get; private set; } = null!;

    public BrokerFiles Files { get; private set; } = null!;

    public ProvisionScript Script { get; private set; } = null!;

    public ProvisionedClient FleetManager { get; private set; } = null!;

    /// <summary>press-07 in <see cref="Fleet"/>: the device under test.</summary>
    public ProvisionedClient Device { get; private set; } = null!;

    /// <summary>press-08 in <see cref="Fleet"/>: the device whose topics <see cref="Device"/> must not touch.</summary>
    public ProvisionedClient Neighbour { get; private set; } = null!;

    /// <summary>lathe-01 in <see cref="OtherFleet"/>.</summary>
    public ProvisionedClient OtherFleetDevice { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _directory = Directory.CreateTempSubdirectory("edgeagent-broker-").FullName;
        Pki = await FleetPki.CreateAsync(Path.Combine(_directory, "pki"), rogueCommonName: "press-07");

        string etc = Directory.CreateDirectory(Path.Combine(_directory, "etc")).FullName;
        Files = BrokerFiles.In(etc);
        File.Copy(Pki.CaFile, Files.CaFile);
        File.Copy(Pki.BrokerCertFile, Files.CertFile);
        File.Copy(Pki.BrokerKeyFile, Files.KeyFile);
        File.Copy(DeployFiles.Acl, Files.AclFile);

        Script = new ProvisionScript(etc, Pki.CaKeyFile, Path.Combine(_directory, "clients"));
        FleetManager = await Script.ProvisionFleetManagerAsync();
        Device = await Script.ProvisionDeviceAsync(Fleet, "press-07");
        Neighbour = await Script.ProvisionDeviceAsync(Fleet, "press-08");
        OtherFleetDevice = await Script.ProvisionDeviceAsync(OtherFleet, "lathe-01");

        string[] committed = await File.ReadAllLinesAsync(DeployFiles.Config);
        Broker = await MosquittoBroker.StartWithConfigAsync((port, directory) => DeployedConfig.Render(committed, Files, port, directory));
    }

    public async Task DisposeAsync()
    {
        if (Broker is not null)
        {
            await Broker.DisposeAsync();
        }

        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>
    /// Options as the client would have them on the device: TLS with the fleet CA, its certificate and key, its id as
    /// client id and user name, its password; quick reconnects and a short connect timeout for tests.
    /// </summary>
    public MqttClientOptions OptionsFor(ProvisionedClient client) => new()
    {
        Host = Broker.Host,
        Port = Broker.Port,
        ClientId = client.Id,
        Username = client.Id,
        Password = client.Password,
        UseTls = true,
        CaFile = client.CaFile,
        CertFile = client.CertFile,
        KeyFile = client.KeyFile,
        MinReconnectDelay = TimeSpan.FromMilliseconds(50),
        MaxReconnectDelay = TimeSpan.FromMilliseconds(400),
        ConnectTimeout = TimeSpan.FromSeconds(5),
    };

    /// <summary>Connects a client with <see cref="OptionsFor"/>; the caller disposes it.</summary>
    public async Task<MqttClient> ConnectAsync(ProvisionedClient client)
    {
        var mqtt = new MqttClient(OptionsFor(client));
        try
        {
            await mqtt.ConnectAsync();
            return mqtt;
        }
        catch
        {
            await mqtt.DisposeAsync();
            throw;
        }
    }
}
