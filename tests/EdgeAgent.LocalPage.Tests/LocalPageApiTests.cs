using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using EdgeAgent.Storage;

namespace EdgeAgent.LocalPage.Tests;

/// <summary>The page's HTTP API over a real socket, against a seeded SQLite store.</summary>
public sealed partial class LocalPageApiTests : IClassFixture<PageFixture>, IDisposable
{
    private readonly PageFixture _fixture;
    private readonly HttpClient _client;

    public LocalPageApiTests(PageFixture fixture)
    {
        _fixture = fixture;
        _client = fixture.Host.Client();
    }

    private PageHost Host => _fixture.Host;

    private SeededData Data => _fixture.Data;

    public void Dispose() => _client.Dispose();

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using JsonDocument document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    private async Task<HttpResponseMessage> AckAsync(string id, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/alerts/{id}/ack");
        if (token is not null)
        {
            request.Headers.Add("X-Ack-Token", token);
        }

        return await _client.SendAsync(request);
    }

    [Fact]
    public async Task Healthz_Get_AnswersOk()
    {
        using HttpResponseMessage response = await _client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/app.js")]
    [InlineData("/api/status")]
    [InlineData("/api/trend?hours=0")]
    [InlineData("/nowhere")]
    public async Task AnyAnswer_SecurityHeaders_StrictCspAndNosniff(string path)
    {
        using HttpResponseMessage response = await _client.GetAsync(path);

        string csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task Index_Get_HtmlWithOnlySameOriginScriptAndStyleAndSettingsFilledIn()
    {
        using HttpResponseMessage response = await _client.GetAsync("/");
        string html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["/app.js"], ScriptTag().Matches(html).Select(m => m.Groups["src"].Value));
        Assert.DoesNotMatch(InlineScript(), html);
        Assert.DoesNotContain("style=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("://", html, StringComparison.Ordinal);
        Assert.Contains("data-refresh-seconds=\"1\"", html, StringComparison.Ordinal);
        Assert.Contains("data-trend-hours=\"6\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/app.js", "text/javascript")]
    [InlineData("/app.css", "text/css")]
    public async Task Assets_GetThenConditionalGet_ServedWithTypeThen304(string path, string mediaType)
    {
        using HttpResponseMessage first = await _client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(mediaType, first.Content.Headers.ContentType?.MediaType);
        Assert.NotEmpty(await first.Content.ReadAsByteArrayAsync());
        EntityTagHeaderValue etag = first.Headers.ETag!;

        using var again = new HttpRequestMessage(HttpMethod.Get, path);
        again.Headers.IfNoneMatch.Add(etag);
        using HttpResponseMessage second = await _client.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task AppJs_Source_NeverWritesHtmlAndFetchesOnlyRelativePaths()
    {
        string script = await _client.GetStringAsync("/app.js");

        Assert.DoesNotContain("innerHTML", script, StringComparison.Ordinal);
        Assert.DoesNotContain("outerHTML", script, StringComparison.Ordinal);
        Assert.DoesNotContain("insertAdjacentHTML", script, StringComparison.Ordinal);
        Assert.DoesNotContain("document.write", script, StringComparison.Ordinal);
        Assert.DoesNotContain("eval(", script, StringComparison.Ordinal);
        Assert.All(FetchCall().Matches(script), m => Assert.StartsWith("/", m.Groups["target"].Value, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Status_Get_SnapshotAsCamelCaseJson()
    {
        using HttpResponseMessage response = await _client.GetAsync("/api/status");
        JsonElement status = await Json(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.Equal("press-07", status.GetProperty("deviceId").GetString());
        Assert.Equal("1.4.2", status.GetProperty("model").GetProperty("version").GetString());
        Assert.Equal(0.6, status.GetProperty("model").GetProperty("warningThreshold").GetDouble());
        JsonElement vibration = status.GetProperty("quality")[0];
        Assert.Equal("vibration-x", vibration.GetProperty("channel").GetString());
        Assert.Equal(3, vibration.GetProperty("faults").GetProperty("gap").GetInt64());
        Assert.Equal(7, status.GetProperty("windows").GetProperty("repaired").GetInt64());
        Assert.True(status.GetProperty("outputs")[0].GetProperty("on").GetBoolean());
        Assert.Equal("broker unreachable", status.GetProperty("parts")[1].GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Alerts_Get_OpenAlertsAndRecentlyClearedWithStatesAsNames()
    {
        JsonElement alerts = await Json(await _client.GetAsync("/api/alerts"));

        long[] open = [.. alerts.GetProperty("open").EnumerateArray().Select(a => a.GetProperty("id").GetInt64())];
        Assert.Contains(Data.AckAlert, open);
        Assert.Contains(Data.AcknowledgedAlert, open);
        Assert.DoesNotContain(Data.ClearedAlert, open);
        JsonElement cleared = Assert.Single(alerts.GetProperty("recentlyCleared").EnumerateArray(), a => a.GetProperty("id").GetInt64() == Data.ClearedAlert);
        Assert.Equal("Cleared", cleared.GetProperty("state").GetString());
        Assert.Equal("Warning", cleared.GetProperty("severity").GetString());
        JsonElement injection = Assert.Single(alerts.GetProperty("open").EnumerateArray(), a => a.GetProperty("id").GetInt64() == Data.InjectionAlert);
        Assert.Equal(SeededData.InjectionText, injection.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Trend_DefaultHours_BucketsHoldExactlyTheStoredScoresInTheWindow()
    {
        JsonElement trend = await Json(await _client.GetAsync("/api/trend"));

        JsonElement[] buckets = [.. trend.GetProperty("buckets").EnumerateArray()];
        Assert.Equal(6, trend.GetProperty("hours").GetDouble());
        Assert.Equal(73, trend.GetProperty("bucketSeconds").GetDouble());
        Assert.InRange(buckets.Length, 1, 300);
        Assert.Equal(Data.InWindow.Count, buckets.Sum(b => b.GetProperty("count").GetInt64()));
        Assert.Equal(Data.MaxInWindow, buckets.Max(b => b.GetProperty("max").GetDouble()));
        Assert.Equal(Data.InWindow.Average(p => p.Score), buckets.Sum(b => b.GetProperty("mean").GetDouble() * b.GetProperty("count").GetInt64()) / Data.InWindow.Count, 9);
        DateTimeOffset from = trend.GetProperty("from").GetDateTimeOffset();
        DateTimeOffset to = trend.GetProperty("to").GetDateTimeOffset();
        Assert.InRange(to, Data.Now, Data.Now.AddSeconds(73));
        Assert.True(to - from >= TimeSpan.FromHours(6));
    }

    [Fact]
    public async Task Trend_OneHour_OnlyTheScoresInTheWindowItReports()
    {
        JsonElement trend = await Json(await _client.GetAsync("/api/trend?hours=1"));

        DateTimeOffset from = trend.GetProperty("from").GetDateTimeOffset();
        DateTimeOffset to = trend.GetProperty("to").GetDateTimeOffset();
        Assert.True(from <= Data.Now.AddHours(-1) && from > Data.Now.AddHours(-1.1), $"from {from:O}");
        long expected = Data.InWindow.Count(p => p.Time >= from && p.Time < to);
        Assert.InRange(expected, 12, 13);
        Assert.Equal(expected, trend.GetProperty("buckets").EnumerateArray().Sum(b => b.GetProperty("count").GetInt64()));
        Assert.Equal(1, trend.GetProperty("hours").GetDouble());
        Assert.Equal(13, trend.GetProperty("bucketSeconds").GetDouble());
    }

    [Theory]
    [InlineData("hours=0")]
    [InlineData("hours=-1")]
    [InlineData("hours=abc")]
    [InlineData("hours=")]
    [InlineData("hours=NaN")]
    [InlineData("hours=Infinity")]
    [InlineData("hours=721")]
    [InlineData("hours=1e9")]
    [InlineData("hours=1&hours=2")]
    public async Task Trend_BadHours_400NamingTheParameter(string query)
    {
        using HttpResponseMessage response = await _client.GetAsync("/api/trend?" + query);
        JsonElement body = await Json(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("hours must be one number of hours above 0 and at most 720", body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ack_NoToken_401AndStoreUnchanged()
    {
        using HttpResponseMessage response = await AckAsync(Data.RefusedAlert.ToString(System.Globalization.CultureInfo.InvariantCulture), token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("missing", (await Json(response)).GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(AlertState.Raised, Host.Store.GetAlert(Data.RefusedAlert)!.State);
    }

    [Theory]
    [InlineData("crew-token-4712")]
    [InlineData("crew-token-471")]
    [InlineData("crew-token-47111")]
    [InlineData("CREW-TOKEN-4711")]
    public async Task Ack_WrongToken_401AndStoreUnchanged(string token)
    {
        using HttpResponseMessage response = await AckAsync(Data.RefusedAlert.ToString(System.Globalization.CultureInfo.InvariantCulture), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("The acknowledge token is wrong.", (await Json(response)).GetProperty("error").GetString());
        Assert.Equal(AlertState.Raised, Host.Store.GetAlert(Data.RefusedAlert)!.State);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1.5")]
    [InlineData("-3")]
    [InlineData("0")]
    [InlineData("99999999999999999999")]
    public async Task Ack_IdNotANumber_400(string id)
    {
        using HttpResponseMessage response = await AckAsync(id, PageHost.Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal($"The alert id '{id}' is not a number.", (await Json(response)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Ack_UnknownId_404()
    {
        using HttpResponseMessage response = await AckAsync("424242", PageHost.Token);
        JsonElement body = await Json(response);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("NotFound", body.GetProperty("outcome").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("alert").ValueKind);
    }

    [Fact]
    public async Task Ack_RaisedAlert_200WithTheAcknowledgedAlertThen409()
    {
        long id = Host.Store.RaiseAlert("bearing-temp", AlertSeverity.Warning, "Bearing 2 at 71 °C");
        string path = id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        using HttpResponseMessage first = await AckAsync(path, PageHost.Token);
        JsonElement body = await Json(first);
        using HttpResponseMessage second = await AckAsync(path, PageHost.Token);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("Acknowledged", body.GetProperty("outcome").GetString());
        Assert.Equal(id, body.GetProperty("alert").GetProperty("id").GetInt64());
        Assert.Equal("Acknowledged", body.GetProperty("alert").GetProperty("state").GetString());
        Assert.Equal(Host.Clock.GetUtcNow(), body.GetProperty("alert").GetProperty("acknowledgedAt").GetDateTimeOffset());
        Assert.Equal(AlertState.Acknowledged, Host.Store.GetAlert(id)!.State);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("AlreadyAcknowledged", (await Json(second)).GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Ack_ClearedAlert_409AndStaysCleared()
    {
        using HttpResponseMessage response = await AckAsync(Data.ClearedAlert.ToString(System.Globalization.CultureInfo.InvariantCulture), PageHost.Token);
        JsonElement body = await Json(response);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("AlreadyCleared", body.GetProperty("outcome").GetString());
        Assert.Equal("Cleared", body.GetProperty("alert").GetProperty("state").GetString());
        Assert.Null(Host.Store.GetAlert(Data.ClearedAlert)!.AcknowledgedAt);
    }

    [Fact]
    public async Task Ack_Get_NotAllowed()
    {
        using HttpResponseMessage response = await _client.GetAsync($"/api/alerts/{Data.RefusedAlert}/ack");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(AlertState.Raised, Host.Store.GetAlert(Data.RefusedAlert)!.State);
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("evil.example:8080")]
    [InlineData("10.0.0.5")]
    public async Task AnyRequest_ForeignHostName_400(string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/status");
        request.Headers.Host = host;

        using HttpResponseMessage response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("answers only to 127.0.0.1", (await Json(response)).GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    [InlineData("[::1]")]
    public async Task AnyRequest_LoopbackHostName_Answered(string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        request.Headers.Host = $"{host}:{Host.Address.Port}";

        using HttpResponseMessage response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task UnknownPath_404()
    {
        using HttpResponseMessage response = await _client.GetAsync("/wp-admin");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [GeneratedRegex("""<script\b(?<attrs>[^>]*)\bsrc="(?<src>[^"]*)"[^>]*>""", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();

    [GeneratedRegex("""<script\b(?![^>]*\bsrc=)[^>]*>|\son[a-z]+\s*=""", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex("""fetch\(\s*[`'"](?<target>[^`'"]*)""")]
    private static partial Regex FetchCall();
}
