namespace EdgeAgent.LocalPage.Tests;

/// <summary>One seeded page for a test class.</summary>
public sealed class PageFixture : IAsyncLifetime
{
    private PageHost? _host;
    private SeededData? _data;

    internal PageHost Host => _host ?? throw new InvalidOperationException("The fixture is not started.");

    internal SeededData Data => _data ?? throw new InvalidOperationException("The fixture is not started.");

    public async Task InitializeAsync() => _host = await PageHost.StartAsync(seed: (store, clock) => _data = SeededData.Seed(store, clock));

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
