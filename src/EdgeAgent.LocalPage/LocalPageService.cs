using EdgeAgent.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeAgent.LocalPage;

/// <summary>
/// Serves the local page from its own small Kestrel server inside the agent's host. A page that cannot listen
/// (the port is taken) is logged and left off; it never stops the agent from starting.
/// </summary>
public sealed class LocalPageService : IHostedService, IAsyncDisposable, IDisposable
{
    private readonly LocalPageOptions _options;
    private readonly string? _storePath;
    private readonly EdgeStore _store;
    private readonly IAlertActions _actions;
    private readonly IAgentStatus? _status;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private WebApplication? _app;

    /// <summary>Creates the service; nothing listens until <see cref="StartAsync"/>.</summary>
    /// <param name="options">The page's settings.</param>
    /// <param name="storeOptions">The store's settings: the default token file lies beside the store file.</param>
    /// <param name="store">Where alerts and predictions are read from.</param>
    /// <param name="actions">What acknowledges alerts.</param>
    /// <param name="time">The clock the trend window is measured by.</param>
    /// <param name="loggerFactory">Logging for the page and its web server.</param>
    /// <param name="status">What the agent reports about itself; null when it reports nothing (the page then says so).</param>
    public LocalPageService(
        IOptions<LocalPageOptions> options,
        IOptions<StoreOptions> storeOptions,
        EdgeStore store,
        IAlertActions actions,
        TimeProvider time,
        ILoggerFactory loggerFactory,
        IAgentStatus? status = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(storeOptions);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _options = options.Value;
        _storePath = storeOptions.Value.Path;
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _actions = actions ?? throw new ArgumentNullException(nameof(actions));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<LocalPageService>();
        _status = status;
    }

    /// <summary>Where the page answers once started, with the port chosen when the setting asked for port 0; null while it is not serving.</summary>
    public Uri? Address { get; private set; }

    /// <summary>Why the page is not serving after <see cref="StartAsync"/> (it could not listen); null when it serves or is disabled.</summary>
    public string? StartError { get; private set; }

    /// <summary>Starts listening on <see cref="LocalPageOptions.Url"/>. Logs, and does not throw, when the address cannot be bound.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!_options.Enabled)
        {
            LocalPageLog.Disabled(_logger);
            return;
        }

        if (_app is not null)
        {
            throw new InvalidOperationException("The local page is already started.");
        }

        if (!LocalPageUrl.TryParse(_options.Url, out LocalPageUrl? url, out string? urlError))
        {
            // The options validator stops the agent first; this is for a service built by hand.
            throw new OptionsValidationException(LocalPageOptions.SectionName, typeof(LocalPageOptions), [$"{LocalPageOptions.SectionName}:{nameof(LocalPageOptions.Url)} {urlError}."]);
        }

        AckToken? token = AckTokenLoader.Load(_options, _storePath, _logger);
        WebApplication app = Build(url);
        new PageEndpoints(_store, _actions, _status, _time, _options, token, url.IsLoopback, _logger).Map(app);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LocalPageLog.BindFailed(_logger, _options.Url, ex);
            StartError = ex.Message;
            await app.DisposeAsync().ConfigureAwait(false);
            return;
        }

        _app = app;
        string? bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        Address = bound is null ? new Uri(_options.Url) : new Uri(bound);
        StartError = null;
        LocalPageLog.Listening(_logger, Address.ToString());
    }

    /// <summary>Stops listening, letting requests in flight finish until <paramref name="cancellationToken"/> fires.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        WebApplication? app = _app;
        if (app is null)
        {
            return;
        }

        _app = null;
        string address = Address?.ToString() ?? _options.Url;
        Address = null;
        try
        {
            await app.StopAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await app.DisposeAsync().ConfigureAwait(false);
        }

        LocalPageLog.Stopped(_logger, address);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        WebApplication? app = _app;
        _app = null;
        Address = null;
        if (app is not null)
        {
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        WebApplication? app = _app;
        _app = null;
        Address = null;
        ((IDisposable?)app)?.Dispose();
    }

    private WebApplication Build(LocalPageUrl url)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            EnvironmentName = Environments.Production,
            ApplicationName = typeof(LocalPageService).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });

        // The agent's configuration, logging and lifetime rule here: no appsettings.json or ASPNETCORE_URLS of the
        // web host's own; only its warnings and errors go to the agent's log (a line per request would drown the
        // log and cost the device CPU); and it does not watch for Ctrl+C or SIGTERM itself.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddProvider(new ForwardingLoggerProvider(_loggerFactory));
        builder.Services.Replace(ServiceDescriptor.Singleton<IHostLifetime, PassiveHostLifetime>());
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxConcurrentConnections = 64;
            kestrel.Limits.MaxRequestBodySize = 16 * 1024;
            if (url.Address is null)
            {
                kestrel.ListenLocalhost(url.Port);
            }
            else
            {
                kestrel.Listen(url.Address, url.Port);
            }
        });
        return builder.Build();
    }
}
