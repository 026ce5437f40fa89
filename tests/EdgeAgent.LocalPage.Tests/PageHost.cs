using System.Net;
using EdgeAgent.Storage;
using EdgeAgent.TestKit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EdgeAgent.LocalPage.Tests;

/// <summary>
/// A Generic Host like the agent's: a real SQLite store in a temp folder on a manual clock, a fake agent status,
/// and the local page from <see cref="LocalPageServiceCollectionExtensions.AddLocalPage"/> on 127.0.0.1, port 0.
/// </summary>
internal sealed class PageHost : IAsyncDisposable
{
    public const string Token = "crew-token-4711";

    private PageHost(string folder, ManualTimeProvider clock, EdgeStore store, IHost host, ListLogger logger, FakeAgentStatus status)
    {
        Folder = folder;
        Clock = clock;
        Store = store;
        Host = host;
        Logger = logger;
        Status = status;
        Service = host.Services.GetRequiredService<LocalPageService>();
    }

    public string Folder { get; }

    public ManualTimeProvider Clock { get; }

    public EdgeStore Store { get; }

    public IHost Host { get; }

    public ListLogger Logger { get; }

    public FakeAgentStatus Status { get; }

    public LocalPageService Service { get; }

    /// <summary>Where the page answers; throws when it is not serving.</summary>
    public Uri Address => Service.Address ?? throw new InvalidOperationException($"The page is not serving: {Service.StartError}");

    /// <summary>
    /// Builds and starts the host. <paramref name="settings"/> change the configuration (default: port 0, token
    /// <see cref="Token"/>, refresh every second); <paramref name="services"/> add registrations after the page's.
    /// </summary>
    public static async Task<PageHost> StartAsync(
        Action<IDictionary<string, string?>>? settings = null,
        Action<IServiceCollection>? services = null,
        Func<EdgeStore, ManualTimeProvider, object?>? seed = null)
    {
        string folder = Directory.CreateTempSubdirectory("edgeagent-page-").FullName;
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 3, 10, 6, 0, 0, TimeSpan.Zero));
        var storeOptions = new StoreOptions { Path = Path.Combine(folder, "store.db"), Durability = StoreDurability.Normal };
        EdgeStore store = EdgeStore.Open(storeOptions, clock);
        seed?.Invoke(store, clock);

        var config = new Dictionary<string, string?>
        {
            ["LocalPage:Url"] = "http://127.0.0.1:0",
            ["LocalPage:AckToken"] = Token,
            ["LocalPage:RefreshSeconds"] = "1",
            ["Store:Path"] = storeOptions.Path,
        };
        settings?.Invoke(config);

        var logger = new ListLogger();
        var status = new FakeAgentStatus();
        HostApplicationBuilder builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(config);
        builder.Logging.AddProvider(new ListLoggerProvider(logger));
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton(store);
        builder.Services.Configure<StoreOptions>(builder.Configuration.GetSection(StoreOptions.SectionName));
        builder.Services.AddSingleton<IAgentStatus>(status);
        builder.Services.AddLocalPage(builder.Configuration);
        services?.Invoke(builder.Services);
        IHost host = builder.Build();
        try
        {
            await host.StartAsync();
        }
        catch
        {
            host.Dispose();
            store.Dispose();
            Directory.Delete(folder, recursive: true);
            throw;
        }

        return new PageHost(folder, clock, store, host, logger, status);
    }

    /// <summary>A client for the page's address that sends no proxy traffic anywhere.</summary>
    public HttpClient Client() => new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false })
    {
        BaseAddress = Address,
        Timeout = TimeSpan.FromSeconds(10),
    };

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
        Store.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // cleaned by the OS later
        }
    }

    /// <summary>True when nothing accepts connections at <paramref name="address"/> any more.</summary>
    public static async Task<bool> RefusesConnectionsAsync(Uri address)
    {
        using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(IPAddress.Parse(address.Host), address.Port);
            return false;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return true;
        }
    }
}
