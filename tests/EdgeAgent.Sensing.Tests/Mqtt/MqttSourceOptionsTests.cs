using EdgeAgent.Sensing.Mqtt;
using EdgeAgent.Sensing.Tests.Options;
using EdgeAgent.TestKit;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EdgeAgent.Sensing.Tests.Mqtt;

/// <summary>Sensors:Source=Mqtt settings as an operator writes them, and the factory that creates the source.</summary>
public sealed class MqttSourceOptionsTests
{
    private static readonly (string, string)[] Minimal =
    [
        ("Sensors:Source", "Mqtt"),
        ("Sensors:Mqtt:SampleRate", "50"),
        ("Sensors:Mqtt:Channels:0:Name", "vib_x"),
        ("Sensors:Mqtt:Channels:0:Topic", "plant/line1/press7/vib_x"),
    ];

    [Fact]
    public void Bind_FullSettings_ReachTheOptions()
    {
        SensorOptions options = SensorOptionsValidationTests.Bind(
            [.. Minimal,
            ("Sensors:Mqtt:Host", "10.0.0.5"),
            ("Sensors:Mqtt:Port", "1884"),
            ("Sensors:Mqtt:ClientId", "press7-sensors"),
            ("Sensors:Mqtt:Topic", "plant/line1/press7/#"),
            ("Sensors:Mqtt:Qos", "AtLeastOnce"),
            ("Sensors:Mqtt:StaleAfter", "00:00:02"),
            ("Sensors:Mqtt:QueueCapacity", "500"),
            ("Sensors:Mqtt:Channels:1:Name", "temperature"),
            ("Sensors:Mqtt:Channels:1:Topic", "plant/line1/press7/env"),
            ("Sensors:Mqtt:Channels:1:Field", "values.temp"),
            ("Sensors:Mqtt:Channels:1:Units", "degC")]);

        MqttSourceOptions mqtt = options.Mqtt;
        Assert.Equal(("10.0.0.5", 1884, "press7-sensors", "plant/line1/press7/#"), (mqtt.Host, mqtt.Port, mqtt.ClientId, mqtt.Topic));
        Assert.Equal((50.0, TimeSpan.FromSeconds(2), 500), (mqtt.SampleRate, mqtt.StaleAfter, mqtt.QueueCapacity));
        Assert.Equal(EdgeAgent.Mqtt.Client.MqttQos.AtLeastOnce, mqtt.Qos);
        Assert.Equal(["vib_x", "temperature"], mqtt.Channels.Select(c => c.Name));
        Assert.Equal(("values.temp", "degC"), (mqtt.Channels[1].Field, mqtt.Channels[1].Units));
    }

    [Fact]
    public void Defaults_AreTheDocumentedOnes()
    {
        var options = new MqttSourceOptions();

        Assert.Equal(("localhost", (int?)null, 1883), (options.Host, options.Port, options.ToClientOptions().EffectivePort));
        Assert.Equal($"{Environment.MachineName}-sensors", options.EffectiveClientId());
        Assert.Equal((TimeSpan.FromSeconds(5), 10_000), (options.StaleAfter, options.QueueCapacity));
        Assert.Equal(0, options.SampleRate); // required: no default
    }

    [Theory]
    [InlineData("Sensors:Mqtt:SampleRate", "0", "Sensors:Mqtt:SampleRate is 0; it must be above 0.")]
    [InlineData("Sensors:Mqtt:SampleRate", "20000", "Sensors:Mqtt:SampleRate is 20000; it must be at most 10000 rows per second.")]
    [InlineData("Sensors:Mqtt:StaleAfter", "00:00:00", "Sensors:Mqtt:StaleAfter is 00:00:00; it must be above 0 and at most 1.00:00:00.")]
    [InlineData("Sensors:Mqtt:QueueCapacity", "0", "Sensors:Mqtt:QueueCapacity is 0; it must be from 1 to 1000000.")]
    [InlineData("Sensors:Mqtt:Port", "70000", "Sensors:Mqtt:Port is 70000; it must be between 1 and 65535.")]
    [InlineData("Sensors:Mqtt:Host", "mqtt://broker", "Sensors:Mqtt:Host 'mqtt://broker' must be a bare host name or IP address, without a scheme, path or port (the port is Sensors:Mqtt:Port).")]
    [InlineData("Sensors:Mqtt:ClientId", "a/b", "Sensors:Mqtt:ClientId 'a/b' contains a control character or one of '/', '+', '#'; the device id also names its topics.")]
    [InlineData("Sensors:Mqtt:Password", "secret", "Sensors:Mqtt:Password is set but Sensors:Mqtt:Username is empty; the broker checks the password of a user name.")]
    [InlineData("Sensors:Mqtt:CaFile", "/etc/ca.crt", "Sensors:Mqtt:CaFile is set but Sensors:Mqtt:UseTls is false; set Sensors:Mqtt:UseTls to true to connect over TLS, or remove Sensors:Mqtt:CaFile.")]
    [InlineData("Sensors:Mqtt:Topic", "plant/#/x", "Sensors:Mqtt:Topic 'plant/#/x' cannot be subscribed to: '#' must be the last level of the filter, alone, as in 'edge/fleet1/#'.")]
    [InlineData("Sensors:Mqtt:Topic", "plant/line2/#", "Sensors:Mqtt:Channels:0:Topic 'plant/line1/press7/vib_x' does not match Sensors:Mqtt:Topic 'plant/line2/#', so its readings would never arrive.")]
    [InlineData("Sensors:Mqtt:Channels:0:Topic", "plant/+/vib_x", "Sensors:Mqtt:Channels:0:Topic 'plant/+/vib_x' is not a topic name: it contains the wildcard '+', which only subscription filters may use.")]
    [InlineData("Sensors:Mqtt:Channels:0:Field", "values..x", "Sensors:Mqtt:Channels:0:Field 'values..x' is not a field path; it must be names joined by dots, e.g. values.vib_x (or unset for a bare number or 'v').")]
    [InlineData("Sensors:Mqtt:Channels:1:Name", "vib_x", "Sensors:Mqtt:Channels:1:Name 'vib_x' is also the name of Sensors:Mqtt:Channels:0.")]
    [InlineData("Sensors:Mqtt:Channels:1:Units", "g", "Sensors:Mqtt:Channels:1:Topic is empty; it must be the topic the channel's readings are published to.")]
    public void Validate_BadSetting_FailsWithAMessageNamingIt(string key, string value, string expected)
    {
        var ex = Assert.Throws<OptionsValidationException>(() => SensorOptionsValidationTests.Bind([.. Minimal.Where(s => s.Item1 != key), (key, value)]));

        Assert.Contains(expected, ex.Failures);
    }

    [Fact]
    public void Validate_NoChannels_AsksForOne()
    {
        var ex = Assert.Throws<OptionsValidationException>(() => SensorOptionsValidationTests.Bind(("Sensors:Source", "Mqtt"), ("Sensors:Mqtt:SampleRate", "10")));

        Assert.Equal(["Sensors:Mqtt:Channels is empty; list at least one channel with its Name and Topic."], ex.Failures);
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowsArgumentExceptionNamingTheSetting()
    {
        var options = new MqttSourceOptions { Channels = [new() { Name = "x", Topic = "plant/x" }] };

        var ex = Assert.Throws<ArgumentException>(() => new MqttSource(options, new ManualTimeProvider()));

        Assert.StartsWith("Sensors:Mqtt:SampleRate is 0; it must be above 0.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_MqttWithNoBrokerListening_ReturnsASourceThatGivesNaNRows()
    {
        var options = new SensorOptions
        {
            Source = "mqtt",
            Mqtt = new MqttSourceOptions
            {
                Host = "127.0.0.1",
                Port = 1, // nothing listens: the client keeps retrying in the background, on the fake clock
                ClientId = MqttTestSupport.UniqueId("factory"),
                SampleRate = 10,
                Channels = [new() { Name = "x", Topic = "plant/x" }],
            },
        };

        await using ISensorSource source = SensorSourceFactory.Create(options, new ManualTimeProvider(), NullLoggerFactory.Instance);
        var block = new SampleBlock(1, 4);
        bool more = await source.ReadAsync(block, CancellationToken.None);

        var mqtt = Assert.IsType<MqttSource>(source);
        Assert.Equal("mqtt:127.0.0.1:1", mqtt.Name);
        Assert.False(mqtt.IsConnected);
        Assert.True(more);
        Assert.True(double.IsNaN(block.Row(0)[0]));
    }
}
