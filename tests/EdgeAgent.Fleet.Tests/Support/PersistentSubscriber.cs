using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;

namespace EdgeAgent.Fleet.Tests.Support;

/// <summary>
/// A fleet-side subscriber whose session outlives a broker restart: MQTT 5 over a bare socket with clean start off and a
/// session expiry (the agent's client always starts clean, so it cannot play this part). With a broker that persists
/// sessions, QoS 1 messages published while it is away wait for it. Keepalive is off; it reconnects when told to.
/// </summary>
internal sealed class PersistentSubscriber : IAsyncDisposable
{
    private readonly string _clientId;
    private readonly int _port;
    private readonly string _filter;
    private readonly SemaphoreSlim _write = new(1, 1);
    private TcpClient? _tcp;
    private NetworkStream? _stream;
    private Task _reader = Task.CompletedTask;

    private PersistentSubscriber(int port, string clientId, string filter)
    {
        _port = port;
        _clientId = clientId;
        _filter = filter;
    }

    public MessageLog Log { get; } = new();

    /// <summary>Completes when the current link ends (the broker stopped).</summary>
    public Task LinkEnded => _reader;

    public static async Task<PersistentSubscriber> StartAsync(int port, string filter)
    {
        var subscriber = new PersistentSubscriber(port, Harness.UniqueId("fleet"), filter);
        bool sessionPresent = await subscriber.ConnectAsync();
        Assert.False(sessionPresent);
        await subscriber.SubscribeAsync();
        subscriber.StartReading();
        return subscriber;
    }

    /// <summary>Connects again after a broker restart; the broker must still have the session and its subscription.</summary>
    public async Task ReconnectAsync()
    {
        await _reader;
        _tcp?.Dispose();
        bool sessionPresent = await ConnectAsync();
        Assert.True(sessionPresent, "the broker lost the subscriber's session over its restart");
        StartReading();
    }

    public async ValueTask DisposeAsync()
    {
        _tcp?.Dispose();
        try
        {
            await _reader;
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or SocketException)
        {
        }

        _write.Dispose();
    }

    private async Task<bool> ConnectAsync()
    {
        _tcp = new TcpClient(AddressFamily.InterNetwork) { NoDelay = true };
        await _tcp.ConnectAsync("127.0.0.1", _port).WaitAsync(TimeSpan.FromSeconds(10));
        _stream = _tcp.GetStream();
        var body = new List<byte>();
        body.AddRange([0, 4, (byte)'M', (byte)'Q', (byte)'T', (byte)'T', 5, 0x00, 0, 0]); // MQTT 5, clean start off, keepalive off
        body.AddRange([5, 0x11, 0, 0, 0x0E, 0x10]); // properties: session expiry 3600 s
        AddString(body, _clientId);
        await SendAsync(0x10, body);
        (byte type, byte[] connack) = await ReadPacketAsync(_stream) ?? throw new IOException("The broker closed the link before CONNACK.");
        Assert.Equal(0x20, type);
        Assert.True(connack[1] == 0, $"CONNACK reason 0x{connack[1]:X2}");
        return (connack[0] & 1) == 1;
    }

    private async Task SubscribeAsync()
    {
        var body = new List<byte> { 0, 1, 0 }; // packet id 1, no properties
        AddString(body, _filter);
        body.Add(0x01); // QoS 1
        await SendAsync(0x82, body);
        (byte type, byte[] suback) = await ReadPacketAsync(_stream!) ?? throw new IOException("The broker closed the link before SUBACK.");
        Assert.Equal(0x90, type);
        Assert.Equal(0x01, suback[^1]);
    }

    private void StartReading()
    {
        NetworkStream stream = _stream!;
        _reader = Task.Run(() => ReadAsync(stream));
    }

    private async Task ReadAsync(NetworkStream stream)
    {
        try
        {
            while (await ReadPacketAsync(stream) is (byte type, byte[] body))
            {
                if ((type & 0xF0) == 0x30)
                {
                    await OnPublishAsync(type, body);
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or SocketException)
        {
            // the link ended
        }
    }

    private async Task OnPublishAsync(byte type, byte[] body)
    {
        int qos = (type >> 1) & 3;
        int at = 0;
        string topic = ReadString(body, ref at);
        ushort packetId = 0;
        if (qos > 0)
        {
            packetId = BinaryPrimitives.ReadUInt16BigEndian(body.AsSpan(at));
            at += 2;
        }

        int propertiesEnd = ReadVariableInt(body, ref at);
        propertiesEnd += at;
        var properties = new List<KeyValuePair<string, string>>();
        while (at < propertiesEnd)
        {
            byte id = body[at++];
            switch (id)
            {
                case 0x01: at += 1; break; // payload format
                case 0x02: at += 4; break; // message expiry
                case 0x23: at += 2; break; // topic alias
                case 0x0B: ReadVariableInt(body, ref at); break; // subscription identifier
                case 0x03 or 0x08: ReadString(body, ref at); break; // content type, response topic
                case 0x09: at += 2 + BinaryPrimitives.ReadUInt16BigEndian(body.AsSpan(at)); break; // correlation data
                case 0x26: properties.Add(new(ReadString(body, ref at), ReadString(body, ref at))); break;
                default: throw new InvalidDataException($"unexpected PUBLISH property 0x{id:X2}");
            }
        }

        Log.Add(new ReceivedUplink(topic, body[at..], properties, Duplicate: (type & 0x08) != 0));
        if (qos == 1)
        {
            await SendAsync(0x40, [(byte)(packetId >> 8), (byte)packetId]);
        }
    }

    private async Task SendAsync(byte type, List<byte> body)
    {
        var packet = new List<byte> { type };
        int length = body.Count;
        do
        {
            byte digit = (byte)(length % 128);
            length /= 128;
            packet.Add(length > 0 ? (byte)(digit | 0x80) : digit);
        }
        while (length > 0);
        packet.AddRange(body);
        await _write.WaitAsync();
        try
        {
            await _stream!.WriteAsync(packet.ToArray());
        }
        finally
        {
            _write.Release();
        }
    }

    /// <summary>The next packet's type byte and body, or null at the end of the stream.</summary>
    internal static async Task<(byte Type, byte[] Body)?> ReadPacketAsync(Stream stream)
    {
        byte[] one = new byte[1];
        if (await stream.ReadAsync(one) == 0)
        {
            return null;
        }

        byte type = one[0];
        int length = 0;
        for (int shift = 0; ; shift += 7)
        {
            await stream.ReadExactlyAsync(one);
            length |= (one[0] & 0x7F) << shift;
            if ((one[0] & 0x80) == 0)
            {
                break;
            }
        }

        byte[] body = new byte[length];
        await stream.ReadExactlyAsync(body);
        return (type, body);
    }

    private static void AddString(List<byte> into, string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        into.Add((byte)(bytes.Length >> 8));
        into.Add((byte)bytes.Length);
        into.AddRange(bytes);
    }

    private static string ReadString(byte[] body, ref int at)
    {
        int length = BinaryPrimitives.ReadUInt16BigEndian(body.AsSpan(at));
        string text = Encoding.UTF8.GetString(body, at + 2, length);
        at += 2 + length;
        return text;
    }

    private static int ReadVariableInt(byte[] body, ref int at)
    {
        int value = 0;
        for (int shift = 0; ; shift += 7)
        {
            byte b = body[at++];
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }
    }
}
