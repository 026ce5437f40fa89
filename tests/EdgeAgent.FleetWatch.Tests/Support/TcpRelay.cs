using System.Net;
using System.Net.Sockets;

namespace EdgeAgent.FleetWatch.Tests.Support;

/// <summary>
/// A TCP relay on 127.0.0.1 in front of the broker for one device: <see cref="Cut"/> resets both sides at once, so the
/// broker loses the device without a DISCONNECT (as when its network dies) and publishes its Last Will. After the cut it
/// accepts nothing more, so the device stays away.
/// </summary>
internal sealed class TcpRelay : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _target;
    private readonly List<Socket> _sockets = [];
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public TcpRelay(int targetPort)
    {
        _target = targetPort;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Resets every relayed connection (RST both ways) and stops accepting.</summary>
    public void Cut()
    {
        _stop.Cancel();
        _listener.Stop();
        lock (_gate)
        {
            foreach (Socket socket in _sockets)
            {
                socket.LingerState = new LingerOption(true, 0); // close sends RST: no FIN, no DISCONNECT
                socket.Close();
            }

            _sockets.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Cut();
        try
        {
            await _accepting;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket device = await _listener.AcceptSocketAsync(_stop.Token);
            var broker = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            await broker.ConnectAsync(IPAddress.Loopback, _target, _stop.Token);
            lock (_gate)
            {
                _sockets.Add(device);
                _sockets.Add(broker);
            }

            _ = PumpAsync(device, broker);
            _ = PumpAsync(broker, device);
        }
    }

    private static async Task PumpAsync(Socket from, Socket to)
    {
        byte[] buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await from.ReceiveAsync(buffer, SocketFlags.None)) > 0)
            {
                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None);
            }

            to.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Cut.
        }
    }
}
