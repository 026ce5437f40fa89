using EdgeAgent.Fleet.Outbox;
using EdgeAgent.Mqtt;
using EdgeAgent.Mqtt.Client;
using EdgeAgent.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace EdgeAgent.Fleet.Tests;

public sealed class UplinkServiceCollectionExtensionsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("edgeagent-uplink-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task AddUplink_WithStoreAndClient_RegistersOutboxAndPublisherAsHostedService()
    {
        await using ServiceProvider provider = Build(new Dictionary<string, string?> { ["Uplink:Fleet"] = "plant-7", ["Uplink:MaxInFlight"] = "8" });

        var publisher = provider.GetRequiredService<OutboxPublisher>();
        Assert.Same(publisher, Assert.Single(provider.GetServices<IHostedService>()));
        Assert.Same(provider.GetRequiredService<FleetOutbox>(), provider.GetRequiredService<FleetOutbox>());
        Assert.Equal("edge/plant-7/dev1", publisher.TopicPrefix);
        Assert.Equal(8, provider.GetRequiredService<IOptions<UplinkOptions>>().Value.MaxInFlight);
    }

    [Fact]
    public async Task AddUplink_BadSetting_StartFailsNamingIt()
    {
        await using ServiceProvider provider = Build(new Dictionary<string, string?> { ["Uplink:Fleet"] = "plant-7", ["Uplink:PredictionBatchSize"] = "0" });

        var validation = provider.GetRequiredService<IStartupValidator>();
        var e = Assert.Throws<OptionsValidationException>(validation.Validate);
        Assert.Contains("Uplink:PredictionBatchSize is 0", e.Message, StringComparison.Ordinal);
    }

    private ServiceProvider Build(Dictionary<string, string?> settings)
    {
        settings["Store:Path"] = Path.Combine(_folder, "store.db");
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddStore(configuration);
        services.AddOptions<MqttClientOptions>().Configure(o => (o.Host, o.ClientId) = ("127.0.0.1", "dev1"));
        services.AddMqttClient();
        services.AddUplink(configuration);
        return services.BuildServiceProvider();
    }
}
