using System.Net.Sockets;
using System.Text;

namespace EdgeAgent.Agent.Hosting;

/// <summary>Sends sd_notify messages (READY=1, WATCHDOG=1, STOPPING=1...) as datagrams to systemd's notify socket.</summary>
public sealed class SystemdNotifier : IDisposable
{
    private readonly Socket? _socket;
    private readonly UnixDomainSocketEndPoint? _endpoint;

    public SystemdNotifier(SystemdEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (environment.NotifySocket is { } path)
        {
            // A leading '@' names a socket in the abstract namespace, written with a NUL first.
            _endpoint = new UnixDomainSocketEndPoint(path[0] == '@' ? "\0" + path[1..] : path);
            _socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        }
    }

    /// <summary>True when systemd asked for notifications.</summary>
    public bool IsEnabled => _socket is not null;

    /// <summary>Sends one notification; returns false (and loses nothing else) when it cannot be delivered.</summary>
    public bool Notify(string state)
    {
        if (_socket is null)
        {
            return false;
        }

        try
        {
            _socket.SendTo(Encoding.UTF8.GetBytes(state), _endpoint!);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public void Dispose() => _socket?.Dispose();
}
