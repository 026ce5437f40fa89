using System.Net;
using System.Net.Sockets;

namespace EdgeAgent.Fleet.Tests.Support;

/// <summary>
/// A TCP relay between a client and the broker that reads the client's MQTT packets as they pass and counts the bytes of
/// every PUBLISH packet, header to payload: what the device really put on the wire, for checking the uplink's own count.
/// </summary>
internal sealed class CountingProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _brokerPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _pumps = [];
    private readonly Task _accepting;
    private long _publishBytes;
    private long _publishPackets;

    public CountingProxy(int brokerPort)
    {
        _brokerPort = brokerPort;
        _listener.Start();
        _accepting = Task.Run(AcceptAsync);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public long PublishBytes => Interlocked.Read(ref _publishBytes);

    public long PublishPackets => Interlocked.Read(ref _publishPackets);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        await Task.WhenAll(_pumps).ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client = await _listener.AcceptTcpClientAsync(_stop.Token);
            var broker = new TcpClient(AddressFamily.InterNetwork);
            await broker.ConnectAsync(IPAddress.Loopback, _brokerPort, _stop.Token);
            NetworkStream fromClient = client.GetStream();
            NetworkStream toBroker = broker.GetStream();
            lock (_pumps)
            {
                _pumps.Add(Task.Run(() => CountAsync(fromClient, toBroker, client, broker)));
                _pumps.Add(Task.Run(() => CopyAsync(toBroker, fromClient, client, broker)));
            }
        }
    }

    private async Task CountAsync(NetworkStream from, NetworkStream to, TcpClient a, TcpClient b)
    {
        try
        {
            byte[] header = new byte[5];
            while (true)
            {
                if (await from.ReadAsync(header.AsMemory(0, 1), _stop.Token) == 0)
                {
                    break;
                }

                int used = 1;
                int length = 0;
                for (int shift = 0; ; shift += 7)
                {
                    await from.ReadExactlyAsync(header.AsMemory(used, 1), _stop.Token);
                    length |= (header[used] & 0x7F) << shift;
                    if ((header[used++] & 0x80) == 0)
                    {
                        break;
                    }
                }

                byte[] body = new byte[length];
                await from.ReadExactlyAsync(body, _stop.Token);
                if ((header[0] & 0xF0) == 0x30)
                {
                    Interlocked.Add(ref _publishBytes, used + length);
                    Interlocked.Increment(ref _publishPackets);
                }

                await to.WriteAsync(header.AsMemory(0, used), _stop.Token);
                await to.WriteAsync(body, _stop.Token);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }
        finally
        {
            a.Dispose();
            b.Dispose();
        }
    }

    private async Task CopyAsync(NetworkStream from, NetworkStream to, TcpClient a, TcpClient b)
    {
        try
        {
            await from.CopyToAsync(to, _stop.Token);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }
        finally
        {
            a.Dispose();
            b.Dispose();
        }
    }
}
