using System.Globalization;
using System.Net;
using System.Text.Json.Serialization.Metadata;
using EdgeAgent.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace EdgeAgent.LocalPage;

/// <summary>The page's routes: the embedded page, its JSON API and the guards every response goes through.</summary>
internal sealed class PageEndpoints
{
    /// <summary>The most buckets a trend answer holds.</summary>
    public const int TrendBuckets = 300;

    /// <summary>How many cleared alerts the page lists.</summary>
    public const int RecentlyClearedShown = 20;

    /// <summary>The header that carries the acknowledge token.</summary>
    public const string AckTokenHeader = "X-Ack-Token";

    /// <summary>Everything from this origin, nothing inline, nothing from anywhere else; no framing.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

    private const int RecentAlertsScanned = 200;

    private readonly EdgeStore _store;
    private readonly IAlertActions _actions;
    private readonly IAgentStatus? _status;
    private readonly TimeProvider _time;
    private readonly LocalPageOptions _options;
    private readonly AckToken? _token;
    private readonly bool _loopbackOnly;
    private readonly ILogger _logger;
    private readonly PageAsset _index;
    private readonly PageAsset _script;
    private readonly PageAsset _style;

    public PageEndpoints(
        EdgeStore store, IAlertActions actions, IAgentStatus? status, TimeProvider time, LocalPageOptions options, AckToken? token, bool loopbackOnly, ILogger logger)
    {
        _store = store;
        _actions = actions;
        _status = status;
        _time = time;
        _options = options;
        _token = token;
        _loopbackOnly = loopbackOnly;
        _logger = logger;
        _index = PageAsset.Load("index.html", "text/html; charset=utf-8", html => html
            .Replace("{{RefreshSeconds}}", options.RefreshSeconds.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{{TrendHours}}", options.TrendHours.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        _script = PageAsset.Load("app.js", "text/javascript; charset=utf-8");
        _style = PageAsset.Load("app.css", "text/css; charset=utf-8");
    }

    public void Map(WebApplication app)
    {
        app.Use(GuardAsync);
        app.MapGet("/", context => ServeAsset(context, _index));
        app.MapGet("/app.js", context => ServeAsset(context, _script));
        app.MapGet("/app.css", context => ServeAsset(context, _style));
        app.MapGet("/favicon.ico", context =>
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        });
        app.MapGet("/healthz", context =>
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            context.Response.Headers.CacheControl = "no-store";
            return context.Response.WriteAsync("ok");
        });
        app.MapGet("/api/status", StatusAsync);
        app.MapGet("/api/alerts", AlertsAsync);
        app.MapGet("/api/trend", TrendAsync);
        app.MapPost("/api/alerts/{id}/ack", AcknowledgeAsync);
    }

    /// <summary>Security headers on every answer, the DNS rebinding guard, and a JSON 500 for a failure.</summary>
    private async Task GuardAsync(HttpContext context, RequestDelegate next)
    {
        SetSecurityHeaders(context.Response.Headers);

        // A page on a loopback address answers only to loopback names: a web site that points its own name at
        // 127.0.0.1 must not be able to read the API from the crew's browser.
        if (_loopbackOnly && !IsLoopbackHost(context.Request.Host))
        {
            LocalPageLog.HostRefused(_logger, context.Request.Host.Value ?? "");
            await WriteJson(context, StatusCodes.Status400BadRequest, new ApiError("This page answers only to 127.0.0.1, [::1] or localhost."), Json.ApiError);
            return;
        }

        try
        {
            await next(context);
        }
        catch (Exception ex) when (!context.RequestAborted.IsCancellationRequested)
        {
            LocalPageLog.RequestFailed(_logger, context.Request.Method, context.Request.Path.Value ?? "", ex);
            if (!context.Response.HasStarted)
            {
                context.Response.Clear();
                SetSecurityHeaders(context.Response.Headers);
                await WriteJson(context, StatusCodes.Status500InternalServerError, new ApiError("The agent could not answer this request; its log says why."), Json.ApiError);
            }
        }
    }

    private static void SetSecurityHeaders(IHeaderDictionary headers)
    {
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
    }

    private static bool IsLoopbackHost(HostString host)
    {
        if (!host.HasValue)
        {
            return true; // HTTP/1.0 without a Host header; browsers always send one
        }

        string name = host.Host.Trim('[', ']');
        return name.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(name, out IPAddress? address) && IPAddress.IsLoopback(address));
    }

    private static Task ServeAsset(HttpContext context, PageAsset asset)
    {
        HttpResponse response = context.Response;
        response.Headers.CacheControl = "no-cache";
        response.Headers.ETag = asset.ETag;
        if (context.Request.Headers.IfNoneMatch == asset.ETag)
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        response.ContentType = asset.ContentType;
        response.ContentLength = asset.Content.Length;
        return response.Body.WriteAsync(asset.Content).AsTask();
    }

    private Task StatusAsync(HttpContext context) => _status is null
        ? WriteJson(context, StatusCodes.Status503ServiceUnavailable, new ApiError("The agent does not report its status (no IAgentStatus is registered)."), Json.ApiError)
        : WriteJson(context, StatusCodes.Status200OK, _status.GetStatus(), Json.AgentStatusSnapshot);

    private Task AlertsAsync(HttpContext context)
    {
        IReadOnlyList<Alert> open = _store.GetOpenAlerts();
        List<Alert> cleared = [.. _store.GetRecentAlerts(RecentAlertsScanned).Where(a => a.State == AlertState.Cleared).Take(RecentlyClearedShown)];
        return WriteJson(context, StatusCodes.Status200OK, new AlertsResponse(open, cleared), Json.AlertsResponse);
    }

    private Task TrendAsync(HttpContext context)
    {
        double hours = _options.TrendHours;
        if (context.Request.Query.TryGetValue("hours", out StringValues given)
            && (given.Count != 1
                || !double.TryParse(given[0], NumberStyles.Float, CultureInfo.InvariantCulture, out hours)
                || !double.IsFinite(hours) || hours <= 0 || hours > LocalPageOptionsValidator.MaxTrendHours))
        {
            string shown = given.ToString();
            shown = shown.Length > 40 ? shown[..40] + "…" : shown;
            return WriteJson(
                context,
                StatusCodes.Status400BadRequest,
                new ApiError(Invariant($"hours must be one number of hours above 0 and at most {LocalPageOptionsValidator.MaxTrendHours} (30 days); got '{shown}'.")),
                Json.ApiError);
        }

        (DateTimeOffset from, DateTimeOffset to, long widthMs) = TrendWindow(hours, _time.GetUtcNow());
        IReadOnlyList<TrendBucket> buckets = _store.GetTrend(from, to, TrendBuckets);
        return WriteJson(context, StatusCodes.Status200OK, new TrendResponse(hours, from, to, widthMs / 1000.0, buckets), Json.TrendResponse);
    }

    /// <summary>
    /// <see cref="TrendBuckets"/> buckets that cover at least the last <paramref name="hours"/> and end just after
    /// <paramref name="now"/>. Bucket edges are multiples of the width since the epoch (whole seconds from a width of
    /// one second up), so a refresh a few seconds later keeps the same buckets and the chart does not jitter.
    /// </summary>
    internal static (DateTimeOffset From, DateTimeOffset To, long WidthMs) TrendWindow(double hours, DateTimeOffset now)
    {
        long spanMs = (long)Math.Ceiling(hours * 3_600_000);
        long width = Math.Max(1, (spanMs + TrendBuckets - 2) / (TrendBuckets - 1));
        if (width > 1000)
        {
            width = (width + 999) / 1000 * 1000;
        }

        long nowMs = now.ToUnixTimeMilliseconds();
        long to = (Math.DivRem(nowMs, width, out _) + 1) * width;
        long from = to - (TrendBuckets * width);
        return (DateTimeOffset.FromUnixTimeMilliseconds(from), DateTimeOffset.FromUnixTimeMilliseconds(to), width);
    }

    private Task AcknowledgeAsync(HttpContext context)
    {
        string idText = context.Request.RouteValues["id"] as string ?? "";
        string remote = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (_token is null)
        {
            return WriteJson(
                context,
                StatusCodes.Status503ServiceUnavailable,
                new ApiError("Acknowledging from this page is off: the agent has no acknowledge token (its log says why)."),
                Json.ApiError);
        }

        StringValues given = context.Request.Headers[AckTokenHeader];
        if (StringValues.IsNullOrEmpty(given) || given.Count != 1 || string.IsNullOrEmpty(given[0]))
        {
            LocalPageLog.AckRefused(_logger, idText, remote, "no token");
            return WriteJson(context, StatusCodes.Status401Unauthorized, new ApiError("The acknowledge token is missing: type the crew token first."), Json.ApiError);
        }

        if (!_token.Matches(given[0]!))
        {
            LocalPageLog.AckRefused(_logger, idText, remote, "wrong token");
            return WriteJson(context, StatusCodes.Status401Unauthorized, new ApiError("The acknowledge token is wrong."), Json.ApiError);
        }

        if (!long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out long id) || id <= 0)
        {
            string shown = idText.Length > 40 ? idText[..40] + "…" : idText;
            return WriteJson(context, StatusCodes.Status400BadRequest, new ApiError($"The alert id '{shown}' is not a number."), Json.ApiError);
        }

        string actor = $"local page ({remote})";
        AckOutcome outcome = _actions.Acknowledge(id, actor);
        LocalPageLog.Acknowledge(_logger, id, outcome, actor);
        Alert? alert = _store.GetAlert(id);
        (int status, string message) = outcome switch
        {
            AckOutcome.Acknowledged => (StatusCodes.Status200OK, Invariant($"Alert {id} acknowledged.")),
            AckOutcome.NotFound => (StatusCodes.Status404NotFound, Invariant($"There is no alert {id}.")),
            AckOutcome.AlreadyAcknowledged => (StatusCodes.Status409Conflict, Invariant($"Alert {id} was already acknowledged.")),
            AckOutcome.AlreadyCleared => (StatusCodes.Status409Conflict, Invariant($"Alert {id} is already cleared.")),
            _ => throw new InvalidOperationException(Invariant($"{_actions.GetType().Name} answered an unknown outcome {(int)outcome}.")),
        };
        return WriteJson(context, status, new AckResponse(outcome, message, alert), Json.AckResponse);
    }

    private static Task WriteJson<T>(HttpContext context, int status, T value, JsonTypeInfo<T> type)
    {
        context.Response.StatusCode = status;
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsJsonAsync(value, type, contentType: null, context.RequestAborted);
    }

    private static LocalPageJsonContext Json => LocalPageJsonContext.Default;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
