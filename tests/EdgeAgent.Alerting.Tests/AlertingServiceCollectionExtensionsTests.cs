using EdgeAgent.Alerting.Board;
using EdgeAgent.Alerting.Decisions;
using EdgeAgent.Alerting.Outputs;
using EdgeAgent.Alerting.Rules;
using EdgeAgent.Packaging;
using EdgeAgent.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static EdgeAgent.Alerting.Tests.AlertingHarness;

namespace EdgeAgent.Alerting.Tests;

public sealed class AlertingServiceCollectionExtensionsTests : IDisposable
{
    private readonly AlertingHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public void AddAlerting_Configuration_BindsRulesAndWiresBoardEngineAndLamps()
    {
        using ServiceProvider provider = Build(new()
        {
            ["Decisions:UsePackageRules"] = "false",
            ["Decisions:DefaultClearAfter"] = "00:01:00",
            ["Decisions:Rules:0:Name"] = "bearing-warning",
            ["Decisions:Rules:0:Output"] = "score",
            ["Decisions:Rules:0:RaiseAt"] = "3.17",
            ["Decisions:Rules:0:ClearAt"] = "2.85",
            ["Decisions:Rules:0:RaiseAfter"] = "00:00:02",
            ["Decisions:Rules:0:Severity"] = "Critical",
            ["AlertOutputs:Gpio:Enabled"] = "true",
            ["AlertOutputs:Gpio:Driver"] = "Simulated",
            ["AlertOutputs:Gpio:Lines:Critical"] = "17",
            ["AlertOutputs:Gpio:SilenceOnAcknowledge:Critical"] = "true",
        });
        provider.GetRequiredService<IStartupValidator>().Validate();

        AlertRuleOptions bound = Assert.Single(provider.GetRequiredService<IOptions<DecisionOptions>>().Value.Rules);
        Assert.Equal((3.17, 2.85, TimeSpan.FromSeconds(2), AlertSeverity.Critical), (bound.RaiseAt, bound.ClearAt, bound.RaiseAfter, bound.Severity));
        GpioAlertOutput lamps = provider.GetRequiredService<GpioAlertOutput>();
        DecisionEngine engine = provider.GetRequiredService<DecisionEngineFactory>()
            .Create(TestManifests.With([TestManifests.Score], new AlertThreshold("score", "above", 3.5, "warning", "")), ["score"]);

        Assert.Equal(TimeSpan.FromMinutes(1), Assert.Single(engine.Rules).ClearAfter);
        engine.Evaluate([4.21f], T0);
        engine.Evaluate([4.21f], T0.AddSeconds(2));

        Alert alert = Assert.Single(provider.GetRequiredService<AlertBoard>().Open);
        Assert.Equal(_h.Clock.GetUtcNow(), alert.RaisedAt);
        Assert.Equal(alert, provider.GetRequiredService<EdgeStore>().GetAlert(alert.Id));
        Assert.Equal([("buzzer.critical", 17, true, true)], lamps.States.Select(s => (s.Name, s.Line, s.On, s.Healthy)));
    }

    [Theory]
    [InlineData("Decisions:Rules:0:ClearAt", "9", "Decisions:Rules:0:ClearAt is 9; for Direction Above it must be at most RaiseAt (3)")]
    [InlineData("AlertOutputs:Gpio:Lines:Warning", "-1", "AlertOutputs:Gpio:Lines:Warning is -1")]
    public void AddAlerting_BadSetting_FailsStartupValidationNamingIt(string key, string value, string expected)
    {
        using ServiceProvider provider = Build(new()
        {
            ["Decisions:Rules:0:Name"] = "r",
            ["Decisions:Rules:0:Output"] = "score",
            ["Decisions:Rules:0:RaiseAt"] = "3",
            ["AlertOutputs:Gpio:Enabled"] = "true",
            ["AlertOutputs:Gpio:Lines:Critical"] = "1",
            [key] = value,
        });

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddAlerting_DriverNotSet_UsesTheCharacterDeviceAndReportsTheMissingChip()
    {
        string chip = Path.Combine(_h.Folder, "gpiochip4");
        using ServiceProvider provider = Build(new()
        {
            ["AlertOutputs:Gpio:Enabled"] = "true",
            ["AlertOutputs:Gpio:Chip"] = chip,
            ["AlertOutputs:Gpio:Lines:Warning"] = "3",
        });

        AlertOutputState state = Assert.Single(provider.GetRequiredService<GpioAlertOutput>().States);

        Assert.False(state.Healthy);
        Assert.Contains(chip, state.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AddAlerting_BoardAlreadyRegistered_KeepsIt()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_h.Clock);
        AlertBoard mine = _h.NewBoard(_h.OpenStore());
        services.AddSingleton(mine);

        services.AddAlerting(new ConfigurationBuilder().Build());
        using ServiceProvider provider = services.BuildServiceProvider();

        Assert.Same(mine, provider.GetRequiredService<AlertBoard>());
        Assert.Same(_h.Clock, provider.GetRequiredService<TimeProvider>());
    }

    private ServiceProvider Build(Dictionary<string, string?> settings)
    {
        settings["Store:Path"] = _h.DbPath;
        settings["Store:Durability"] = "Normal";
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_h.Clock);
        services.AddStore(configuration);
        services.AddAlerting(configuration);
        return services.BuildServiceProvider();
    }
}
