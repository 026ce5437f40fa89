using EdgeAgent.Fleet.Outbox;
using EdgeAgent.Fleet.Tests.Support;
using EdgeAgent.Mqtt.Client;
using EdgeAgent.Storage;
using Microsoft.Extensions.Options;

namespace EdgeAgent.Fleet.Tests.Outbox;

public sealed class UplinkOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_WithAFleet_Succeed()
    {
        Assert.True(new UplinkOptionsValidator().Validate(null, new UplinkOptions { Fleet = "plant-7" }).Succeeded);
    }

    [Theory]
    [InlineData("Fleet", "Uplink:Fleet is empty")]
    [InlineData("Fleet/", "Uplink:Fleet 'a/b' contains")]
    [InlineData("Device", "Uplink:Device 'dev+1' contains")]
    [InlineData("TopicPrefix", "Uplink:TopicPrefix 'edge/#/{device}' cannot start a topic")]
    [InlineData("TopicPrefixSlash", "Uplink:TopicPrefix 'edge/{fleet}/' must not end with '/'")]
    [InlineData("MaxInFlight", "Uplink:MaxInFlight is 0; it must be between 1 and 1000.")]
    [InlineData("PredictionBatchSize", "Uplink:PredictionBatchSize is 10001; it must be between 1 and 10000.")]
    [InlineData("PredictionBatchDelay", "Uplink:PredictionBatchDelay is -1 s; it must be between 0 s and 60 min.")]
    [InlineData("CompressAbove", "Uplink:CompressAbove is -1; it must be between 0 and 16777216.")]
    [InlineData("DailyByteBudget", "Uplink:DailyByteBudget is 100; it must be between 1024 and 1099511627776.")]
    [InlineData("RetryDelay", "Uplink:RetryDelay is 0 s; it must be between 0.1 s and 60 min.")]
    [InlineData("AlertPollInterval", "Uplink:AlertPollInterval is 5 min; it must be between 0.01 s and 60 s.")]
    [InlineData("StopGrace", "Uplink:StopGrace is 2 min; it must be between 0 s and 60 s.")]
    public void Validate_BadSetting_FailsNamingIt(string setting, string expected)
    {
        var options = new UplinkOptions { Fleet = "plant-7" };
        switch (setting)
        {
            case "Fleet": options.Fleet = " "; break;
            case "Fleet/": options.Fleet = "a/b"; break;
            case "Device": options.Device = "dev+1"; break;
            case "TopicPrefix": options.TopicPrefix = "edge/#/{device}"; break;
            case "TopicPrefixSlash": options.TopicPrefix = "edge/{fleet}/"; break;
            case "MaxInFlight": options.MaxInFlight = 0; break;
            case "PredictionBatchSize": options.PredictionBatchSize = 10_001; break;
            case "PredictionBatchDelay": options.PredictionBatchDelay = TimeSpan.FromSeconds(-1); break;
            case "CompressAbove": options.CompressAbove = -1; break;
            case "DailyByteBudget": options.DailyByteBudget = 100; break;
            case "RetryDelay": options.RetryDelay = TimeSpan.Zero; break;
            case "AlertPollInterval": options.AlertPollInterval = TimeSpan.FromMinutes(5); break;
            case "StopGrace": options.StopGrace = TimeSpan.FromMinutes(2); break;
        }

        ValidateOptionsResult result = new UplinkOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        string failure = Assert.Single(result.Failures!);
        Assert.StartsWith(expected, failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Constructor_BadOptions_ThrowsNamingEverySetting()
    {
        string folder = Directory.CreateTempSubdirectory("edgeagent-uplink-").FullName;
        try
        {
            using EdgeStore store = EdgeStore.Open(new StoreOptions { Path = Path.Combine(folder, "store.db") });
            await using var client = new MqttClient(Harness.ClientOptions(1883, "dev1"));
            var options = Options.Create(new UplinkOptions { Fleet = "plant-7", MaxInFlight = -3, PredictionBatchSize = 0 });
            var outbox = new FleetOutbox(store, options);

            var e = Assert.Throws<OptionsValidationException>(() => new OutboxPublisher(store, client, outbox, options));

            Assert.Contains("Uplink:MaxInFlight is -3", e.Message, StringComparison.Ordinal);
            Assert.Contains("Uplink:PredictionBatchSize is 0", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task TopicPrefix_DeviceUnset_IsTheMqttClientId()
    {
        string folder = Directory.CreateTempSubdirectory("edgeagent-uplink-").FullName;
        try
        {
            using EdgeStore store = EdgeStore.Open(new StoreOptions { Path = Path.Combine(folder, "store.db") });
            await using var client = new MqttClient(Harness.ClientOptions(1883, "jetson-0042"));
            var options = Options.Create(new UplinkOptions { Fleet = "plant-7" });
            using var publisher = new OutboxPublisher(store, client, new FleetOutbox(store, options), options);

            Assert.Equal("edge/plant-7/jetson-0042", publisher.TopicPrefix);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
