using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EdgeAgent.Storage.Tests;

public sealed class StoreServiceCollectionExtensionsTests : IDisposable
{
    private readonly TempStore _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void AddStore_Configuration_BindsNestedSettingsAndOpensWithRegisteredClock()
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Store:Path"] = _temp.DbPath,
            ["Store:SizeCapBytes"] = "1048576",
            ["Store:Durability"] = "Normal",
            ["Store:Retention:ThinPredictionsOlderThan"] = "06:00:00",
            ["Store:Retention:ThinKeepEvery"] = "5",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_temp.Clock);

        services.AddStore(configuration);
        using ServiceProvider provider = services.BuildServiceProvider();

        StoreOptions options = provider.GetRequiredService<IOptions<StoreOptions>>().Value;
        Assert.Equal((1048576L, StoreDurability.Normal, TimeSpan.FromHours(6), 5), (options.SizeCapBytes, options.Durability, options.Retention.ThinPredictionsOlderThan, options.Retention.ThinKeepEvery));
        EdgeStore store = provider.GetRequiredService<EdgeStore>();
        long id = store.RaiseAlert("r", AlertSeverity.Info, "t");
        Assert.Equal(_temp.Clock.GetUtcNow(), store.GetAlert(id)!.RaisedAt);
    }

    [Fact]
    public void AddStore_BadSetting_FailsValidationNamingIt()
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Store:Path"] = _temp.DbPath,
            ["Store:Retention:TargetFraction"] = "3",
        }).Build();
        using ServiceProvider provider = new ServiceCollection().AddStore(configuration).BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<StoreOptions>>().Value);

        Assert.Contains("Store:Retention:TargetFraction", ex.Message, StringComparison.Ordinal);
    }
}
