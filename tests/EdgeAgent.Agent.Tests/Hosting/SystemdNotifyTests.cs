using System.Net.Sockets;
using System.Text;
using EdgeAgent.Agent.Hosting;
using EdgeAgent.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EdgeAgent.Agent.Tests.Hosting;

[Collection(AgentCollection.Name)]
public sealed class SystemdNotifyTests(DemoModelFixture demo) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("edgeagent-notify-").FullName;
    private readonly Socket _systemd = new(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);

    public void Dispose()
    {
        _systemd.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    // Stands in for systemd: a datagram socket the agent writes to.
    private string Listen(bool abstractName = false)
    {
        string name = abstractName ? $"@edgeagent-test-{Guid.NewGuid():N}" : Path.Combine(_dir, "notify");
        _systemd.Bind(new UnixDomainSocketEndPoint(abstractName ? "\0" + name[1..] : name));
        _systemd.ReceiveTimeout = 10_000;
        return name;
    }

    private string Receive()
    {
        var buffer = new byte[256];
        int n = _systemd.Receive(buffer);
        return Encoding.UTF8.GetString(buffer, 0, n);
    }

    private IHost Build(SystemdEnvironment environment, TimeProvider time)
    {
        HostApplicationBuilder builder = AgentHost.CreateBuilder(
        [
            $"--Model:PackagePath={demo.PackagePath}",
            $"--Store:Path={Path.Combine(_dir, "agent.db")}",
            "--LocalPage:Enabled=false",
            "--Logging:LogLevel:Default=Warning",
        ]);
        builder.Services.AddSingleton(environment);
        builder.Services.AddSingleton(time);
        return builder.Build();
    }

    [Fact]
    public async Task Host_UnderSystemdWithWatchdog_SendsReadyThenWatchdogAtHalfIntervalThenStopping()
    {
        string socket = Listen();
        var clock = new ManualTimeProvider();
        using IHost host = Build(new SystemdEnvironment(socket, TimeSpan.FromSeconds(10)), clock);

        await host.StartAsync();
        string ready = Receive();
        clock.Advance(TimeSpan.FromSeconds(5));
        string firstPet = Receive();
        clock.Advance(TimeSpan.FromSeconds(5));
        string secondPet = Receive();
        await host.StopAsync();
        string stopping = Receive();

        Assert.Equal(["READY=1", "WATCHDOG=1", "WATCHDOG=1", "STOPPING=1"], [ready, firstPet, secondPet, stopping]);
    }

    [Fact]
    public async Task Host_AbstractNotifySocket_IsReached()
    {
        string socket = Listen(abstractName: true);
        using IHost host = Build(new SystemdEnvironment(socket, null), new ManualTimeProvider());

        await host.StartAsync();
        string ready = Receive();
        await host.StopAsync();

        Assert.Equal("READY=1", ready);
        Assert.Equal("STOPPING=1", Receive());
    }

    [Fact]
    public async Task Host_WithoutNotifySocket_RunsAndSendsNothing()
    {
        Listen();
        using IHost host = Build(new SystemdEnvironment(null, TimeSpan.FromSeconds(1)), new ManualTimeProvider());

        await host.StartAsync();
        await host.StopAsync();

        Assert.Equal(0, _systemd.Available);
        Assert.False(host.Services.GetRequiredService<SystemdNotifier>().IsEnabled);
    }

    [Fact]
    public void Notify_SocketGone_ReturnsFalseWithoutThrowing()
    {
        using var notifier = new SystemdNotifier(new SystemdEnvironment(Path.Combine(_dir, "missing"), null));

        Assert.True(notifier.IsEnabled);
        Assert.False(notifier.Notify("READY=1"));
    }

    [Theory]
    [InlineData("/run/systemd/notify", "20000000", null, 42, "/run/systemd/notify", 20.0)]
    [InlineData("/run/systemd/notify", "20000000", "42", 42, "/run/systemd/notify", 20.0)]
    [InlineData("/run/systemd/notify", "20000000", "7", 42, "/run/systemd/notify", null)]
    [InlineData("", "abc", null, 42, null, null)]
    [InlineData(null, "0", null, 42, null, null)]
    public void Parse_Environment_ReadsSocketAndWatchdogForThisProcessOnly(string? socket, string? usec, string? pid, int self, string? expectedSocket, double? expectedSeconds)
    {
        SystemdEnvironment env = SystemdEnvironment.Parse(socket, usec, pid, self);

        Assert.Equal(expectedSocket, env.NotifySocket);
        Assert.Equal(expectedSeconds, env.WatchdogInterval?.TotalSeconds);
    }
}
