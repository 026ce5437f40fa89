using EdgeAgent.Drift.Monitoring;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace EdgeAgent.Drift.Tests;

public sealed class DriftServiceCollectionExtensionsTests
{
    [Fact]
    public void AddDrift_BindsTheDriftSection()
    {
        IConfiguration configuration = Configuration(("Drift:WindowCount", "100"), ("Drift:EvaluateEvery", "20"), ("Drift:MinimumWindows", "100"), ("Drift:PsiThreshold", "0.3"));
        using ServiceProvider services = new ServiceCollection().AddDrift(configuration).BuildServiceProvider();

        DriftOptions options = services.GetRequiredService<IOptions<DriftOptions>>().Value;

        Assert.Equal((100, 20, 100, 0.3), (options.WindowCount, options.EvaluateEvery, options.MinimumWindows, options.PsiThreshold));
        Assert.NotNull(services.GetRequiredService<DriftMonitorFactory>());
        Assert.Same(TimeProvider.System, services.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public async Task AddDrift_BadSetting_StopsTheHostAtStartNamingIt()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddDrift(Configuration(("Drift:PsiThreshold", "-1")));
        using IHost host = builder.Build();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Drift:PsiThreshold is -1; it must be above 0.", ex.Failures);
    }

    [Fact]
    public void AddDrift_TimeProviderAlreadyRegistered_IsKept()
    {
        var clock = new TestKit.ManualTimeProvider();
        var collection = new ServiceCollection().AddSingleton<TimeProvider>(clock);

        using ServiceProvider services = collection.AddDrift(Configuration()).BuildServiceProvider();

        Assert.Same(clock, services.GetRequiredService<TimeProvider>());
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
}
