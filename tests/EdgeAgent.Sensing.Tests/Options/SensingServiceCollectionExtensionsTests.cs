using EdgeAgent.Sensing.Replay;
using EdgeAgent.Sensing.Simulation;
using EdgeAgent.TestKit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace EdgeAgent.Sensing.Tests.Options;

public sealed class SensingServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddSensing_InvalidSettings_StopTheHostAtStart()
    {
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection([new("Sensors:Source", "Replay"), new("Sensors:Replay:Path", "/nonexistent.csv"), new("Sensors:Replay:Rate", "0")]);
        builder.Services.AddSensing(builder.Configuration);
        using IHost host = builder.Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Sensors:Replay:Path '/nonexistent.csv' does not exist.", ex.Failures);
    }

    [Fact]
    public async Task AddSensing_SimulatorSettings_ResolveASimulatorOnTheRegisteredClock()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2031, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddSensing(Configuration(("Sensors:Simulator:SampleRate", "2000"), ("Sensors:Simulator:Speed", "0")));
        await using ServiceProvider provider = services.BuildServiceProvider();

        ISensorSource source = provider.GetRequiredService<ISensorSource>();

        var simulator = Assert.IsType<SimulatorSource>(source);
        Assert.Equal(2_000, simulator.Channels[0].SampleRate);
        Assert.Equal(clock.GetUtcNow(), simulator.StartTime);
        Assert.Same(source, provider.GetRequiredService<ISensorSource>());
    }

    [Fact]
    public async Task AddSensing_CmapssReplaySettings_ResolveAReplayOfThatUnit()
    {
        var services = new ServiceCollection();
        services.AddSensing(Configuration(
            ("Sensors:Source", "Replay"),
            ("Sensors:Replay:Path", SharedAssets.Data("cmapss_fd001", "test_FD001.txt")),
            ("Sensors:Replay:Format", "Cmapss"),
            ("Sensors:Replay:Unit", "3"),
            ("Sensors:Replay:Rate", "0"),
            ("Sensors:Replay:Channels:0", "unit"),
            ("Sensors:Replay:Channels:1", "s4")));
        await using ServiceProvider provider = services.BuildServiceProvider();

        var replay = Assert.IsType<ReplaySource>(provider.GetRequiredService<ISensorSource>());
        var block = new SampleBlock(2, 8);
        await replay.ReadAsync(block, CancellationToken.None);

        Assert.Equal(["unit", "s4"], replay.Channels.Select(c => c.Name));
        Assert.All(Enumerable.Range(0, block.Count), r => Assert.Equal(3, block.Row(r)[0]));
    }

    [Fact]
    public async Task AddSensing_SourceAlreadyRegistered_KeepsIt()
    {
        var services = new ServiceCollection();
        await using var mine = new SimulatorSource(new SimulatorOptions { Speed = 0 }, new ManualTimeProvider());
        services.AddSingleton<ISensorSource>(mine);
        services.AddSensing(Configuration());
        await using ServiceProvider provider = services.BuildServiceProvider();

        Assert.Same(mine, provider.GetRequiredService<ISensorSource>());
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
}
