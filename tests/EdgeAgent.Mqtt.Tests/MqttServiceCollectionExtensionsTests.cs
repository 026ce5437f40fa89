using EdgeAgent.Mqtt.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EdgeAgent.Mqtt.Tests;

public sealed class MqttServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddMqttClient_ValidOptions_ResolvesOneClientThatTheContainerDisposes()
    {
        var services = new ServiceCollection();
        services.AddMqttClient();
        services.Configure<MqttClientOptions>(o =>
        {
            o.Host = "127.0.0.1";
            o.ClientId = "jetson-0042";
        });
        MqttClient client;
        await using (ServiceProvider provider = services.BuildServiceProvider())
        {
            client = provider.GetRequiredService<MqttClient>();
            Assert.Same(client, provider.GetRequiredService<MqttClient>());
            Assert.Equal("jetson-0042", client.ClientId);
            Assert.Equal(1883, client.Port);
        }

        Assert.Throws<ObjectDisposedException>(client.Start);
    }

    [Fact]
    public void AddMqttClient_InvalidOptions_FailsValidationNamingTheSetting()
    {
        var services = new ServiceCollection();
        services.AddMqttClient();
        services.Configure<MqttClientOptions>(o => o.Port = 70000);
        using ServiceProvider provider = services.BuildServiceProvider();

        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<MqttClientOptions>>().Value);
        Assert.Contains("Mqtt:Port is 70000; it must be between 1 and 65535.", e.Failures);
        Assert.Contains(e.Failures, f => f.StartsWith("Mqtt:ClientId is empty", StringComparison.Ordinal));
    }
}
