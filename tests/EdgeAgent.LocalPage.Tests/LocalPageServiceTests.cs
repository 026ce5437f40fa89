using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using EdgeAgent.Storage;
using EdgeAgent.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeAgent.LocalPage.Tests;

/// <summary>The page's life inside a Generic Host: start, bind failure, stop, registration.</summary>
public sealed class LocalPageServiceTests
{
    [Fact]
    public async Task StartAsync_PortAlreadyTaken_LogsErrorNamingUrlAndHostKeepsRunning()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        int port = ((IPEndPoint)squatter.LocalEndpoint).Port;
        string url = $"http://127.0.0.1:{port}";
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        await using PageHost host = await PageHost.StartAsync(settings => settings["LocalPage:Url"] = url);
        using CancellationTokenRegistration registration = host.Host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.Register(started.SetResult);

        Assert.True(started.Task.IsCompleted, "the host did not finish starting");
        Assert.Null(host.Service.Address);
        Assert.NotNull(host.Service.StartError);
        LogEntry error = Assert.Single(host.Logger.Entries, e => e.EventId.Id == 6001);
        Assert.Equal(LogLevel.Error, error.Level);
        Assert.Contains(url, error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<IOException>(error.Exception);
        Assert.DoesNotContain(host.Logger.Entries, e => e.EventId.Id == 6000);
    }

    [Fact]
    public async Task StartAsync_PortZero_ListensOnAFreePortAndLogsTheAddress()
    {
        await using PageHost host = await PageHost.StartAsync();

        Uri address = host.Address;
        Assert.Equal("127.0.0.1", address.Host);
        Assert.NotEqual(0, address.Port);
        LogEntry listening = Assert.Single(host.Logger.Entries, e => e.EventId.Id == 6000);
        Assert.Equal($"Local page at {address}", listening.Message);
        using HttpClient client = host.Client();
        Assert.Equal("ok", await client.GetStringAsync("/healthz"));
    }

    [Fact]
    public async Task Requests_Served_WebServerAddsNoInformationLinesToTheAgentLog()
    {
        await using PageHost host = await PageHost.StartAsync();
        using HttpClient client = host.Client();
        int before = host.Logger.Entries.Count;

        foreach (string path in new[] { "/", "/app.js", "/api/status", "/api/alerts", "/api/trend", "/nowhere" })
        {
            using HttpResponseMessage response = await client.GetAsync(path);
        }

        Assert.Empty(host.Logger.Entries.Skip(before));
    }

    [Fact]
    public async Task StopAsync_Serving_ClosesThePortAndLogs()
    {
        PageHost host = await PageHost.StartAsync();
        Uri address = host.Address;
        Assert.False(await PageHost.RefusesConnectionsAsync(address));

        await host.Host.StopAsync();

        Assert.True(await PageHost.RefusesConnectionsAsync(address));
        Assert.Null(host.Service.Address);
        Assert.Contains(host.Logger.Entries, e => e.EventId.Id == 6002 && e.Message.Contains(address.ToString(), StringComparison.Ordinal));
        await host.DisposeAsync();
    }

    [Fact]
    public async Task StartAsync_Disabled_ListensNowhereAndSaysSo()
    {
        await using PageHost host = await PageHost.StartAsync(settings =>
        {
            settings["LocalPage:Enabled"] = "false";
            settings["LocalPage:Url"] = "not a url";
        });

        Assert.Null(host.Service.Address);
        Assert.Null(host.Service.StartError);
        Assert.Contains(host.Logger.Entries, e => e.EventId.Id == 6003);
    }

    [Fact]
    public async Task AddLocalPage_BadSetting_HostStartFailsNamingIt()
    {
        OptionsValidationException error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            PageHost.StartAsync(settings => settings["LocalPage:Url"] = "https://127.0.0.1:8443"));

        Assert.Contains("LocalPage:Url 'https://127.0.0.1:8443' uses https", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddLocalPage_AgentRegistersItsAlertActions_PageUsesThemInsteadOfTheStore()
    {
        var board = new RecordingAlertActions(AckOutcome.AlreadyCleared);
        await using PageHost host = await PageHost.StartAsync(services: s => s.AddSingleton<IAlertActions>(board));
        long id = host.Store.RaiseAlert("rule", AlertSeverity.Info, "text");
        using HttpClient client = host.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/alerts/{id}/ack");
        request.Headers.Add("X-Ack-Token", PageHost.Token);

        using HttpResponseMessage response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        (long alertId, string actor) = Assert.Single(board.Calls);
        Assert.Equal(id, alertId);
        Assert.Equal("local page (127.0.0.1)", actor);
        Assert.Equal(AlertState.Raised, host.Store.GetAlert(id)!.State);
    }

    [Fact]
    public async Task Ack_TokenFileUnusable_503AndTheLogSaysWhy()
    {
        string folder = Directory.CreateTempSubdirectory("edgeagent-token-").FullName;
        try
        {
            string file = Path.Combine(folder, "ack-token");
            await File.WriteAllTextAsync(file, "short\n");
            await using PageHost host = await PageHost.StartAsync(settings =>
            {
                settings["LocalPage:AckToken"] = "";
                settings["LocalPage:AckTokenFile"] = file;
            });
            long id = host.Store.RaiseAlert("rule", AlertSeverity.Info, "text");
            using HttpClient client = host.Client();
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/alerts/{id}/ack");
            request.Headers.Add("X-Ack-Token", "short");

            using HttpResponseMessage response = await client.SendAsync(request);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.StartsWith("Acknowledging from this page is off", body.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
            Assert.Contains(host.Logger.Entries, e => e.EventId.Id == 6006 && e.Message.Contains(file, StringComparison.Ordinal));
            Assert.Equal(AlertState.Raised, host.Store.GetAlert(id)!.State);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Ack_DefaultTokenFile_CreatedBesideTheStoreAndItsTokenAcknowledges()
    {
        await using PageHost host = await PageHost.StartAsync(settings => settings["LocalPage:AckToken"] = "");
        string file = Path.Combine(host.Folder, "ack-token");
        string token = (await File.ReadAllTextAsync(file)).Trim();
        long id = host.Store.RaiseAlert("rule", AlertSeverity.Warning, "text");
        using HttpClient client = host.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/alerts/{id.ToString(CultureInfo.InvariantCulture)}/ack");
        request.Headers.Add("X-Ack-Token", token);

        using HttpResponseMessage response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(AlertState.Acknowledged, host.Store.GetAlert(id)!.State);
        Assert.Contains(host.Logger.Entries, e => e.EventId.Id == 6004 && e.Message.Contains(file, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Status_AgentReportsNone_503WithAMessage()
    {
        await using PageHost host = await PageHost.StartAsync(services: s => s.RemoveAll<IAgentStatus>());
        using HttpClient client = host.Client();

        using HttpResponseMessage response = await client.GetAsync("/api/status");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("IAgentStatus", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_AgentThrows_500JsonAndLogged()
    {
        await using PageHost host = await PageHost.StartAsync(services: s =>
        {
            s.RemoveAll<IAgentStatus>();
            s.AddSingleton<IAgentStatus>(new ThrowingAgentStatus());
        });
        using HttpClient client = host.Client();

        using HttpResponseMessage response = await client.GetAsync("/api/status");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("default-src 'self'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("The agent could not answer this request; its log says why.", body.RootElement.GetProperty("error").GetString());
        LogEntry logged = Assert.Single(host.Logger.Entries, e => e.EventId.Id == 6009);
        Assert.IsType<InvalidOperationException>(logged.Exception);
    }

    private sealed class RecordingAlertActions(AckOutcome outcome) : IAlertActions
    {
        public List<(long Id, string Actor)> Calls { get; } = [];

        public AckOutcome Acknowledge(long alertId, string actor)
        {
            Calls.Add((alertId, actor));
            return outcome;
        }
    }

    private sealed class ThrowingAgentStatus : IAgentStatus
    {
        public AgentStatusSnapshot GetStatus() => throw new InvalidOperationException("the pipeline lock is poisoned");
    }
}
