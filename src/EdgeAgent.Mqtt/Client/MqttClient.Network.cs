using System.Runtime.InteropServices;
using EdgeAgent.Mqtt.Interop;
using static EdgeAgent.Mqtt.OptionsText;

namespace EdgeAgent.Mqtt.Client;

// The network thread: connects, runs libmosquitto's loop, waits a jittered backoff between attempts. It calls no user
// code and never logs; what it has to say goes to the event channel.
public sealed partial class MqttClient
{
    private static readonly TimeSpan DisconnectGrace = TimeSpan.FromSeconds(2);

    private void RunNetwork()
    {
        CancellationToken stop = _disposing.Token;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                LinkEndedEvent ended;
                try
                {
                    ended = RunOneLink(stop);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    Post(new NetworkFaultEvent(e));
                    ended = new LinkEndedEvent(false, $"the network loop failed: {e.Message}", null, null);
                }

                if (stop.IsCancellationRequested)
                {
                    Post(ended);
                    return;
                }

                if (ended.WasConnected)
                {
                    _backoff.Reset();
                }

                TimeSpan delay = _backoff.Next();
                WaitOrStop(delay, stop, ended with { RetryDelay = delay });
            }
        }
        finally
        {
            _networkStopped.TrySetResult();
        }
    }

    /// <summary>One connection attempt, and the link it makes, until the link ends or the client stops.</summary>
    private LinkEndedEvent RunOneLink(CancellationToken stop)
    {
        _sink.StartAttempt();
        _abortLinkRequested = false;
        long started = _time.GetTimestamp();
        int rc = Mosquitto.ConnectAsync(_mosq, _host, _port, _keepAliveSeconds);
        if (rc != MosquittoError.Success)
        {
            return new LinkEndedEvent(false, Describe(rc, Marshal.GetLastPInvokeError()), null, null);
        }

        string? abortReason = null;
        while (true)
        {
            if (stop.IsCancellationRequested)
            {
                bool wasConnected = _sink.LinkAccepted;
                DisconnectCleanly();
                return new LinkEndedEvent(wasConnected, "the client is stopping", null, null);
            }

            if (_abortLinkRequested)
            {
                _abortLinkRequested = false;
                abortReason = "the link was cut";
                CutLink();
            }
            else if (_sink.ConnAckCode is null && abortReason is null && _time.GetElapsedTime(started) > _connectTimeout)
            {
                abortReason = $"no CONNACK within {Duration(_connectTimeout)}";
                CutLink();
            }

            rc = Mosquitto.Loop(_mosq, LoopTimeoutMs, 1);
            int errno = Marshal.GetLastPInvokeError();
            if (rc == MosquittoError.Success && Mosquitto.Socket(_mosq) != -1)
            {
                continue;
            }

            // The link is gone (libmosquitto closed the socket and called the disconnect callback), or the loop failed.
            if (_sink.ConnAckCode is { } code and not 0)
            {
                return new LinkEndedEvent(false, Mosquitto.DescribeReason(code), code, null);
            }

            string reason = abortReason ?? Describe(rc != MosquittoError.Success ? rc : _sink.DisconnectCode, errno);
            return new LinkEndedEvent(_sink.LinkAccepted, reason, null, null);
        }
    }

    /// <summary>Sends DISCONNECT (0x04 asks the broker to publish the Will anyway) and runs the loop until it is written.</summary>
    private void DisconnectCleanly()
    {
        if (!_sink.LinkAccepted || Mosquitto.Socket(_mosq) == -1)
        {
            return;
        }

        if (Mosquitto.DisconnectV5(_mosq, _disconnectReason, 0) != MosquittoError.Success)
        {
            return;
        }

        long started = _time.GetTimestamp();
        while (Mosquitto.Socket(_mosq) != -1 && _time.GetElapsedTime(started) < DisconnectGrace)
        {
            if (Mosquitto.Loop(_mosq, LoopTimeoutMs, 1) != MosquittoError.Success)
            {
                return;
            }
        }
    }

    /// <summary>shutdown(2) on the socket: the next loop pass sees the link end, and libmosquitto closes it itself.</summary>
    private void CutLink()
    {
        int socket = Mosquitto.Socket(_mosq);
        if (socket != -1)
        {
            Libc.Shutdown(socket, Libc.ShutdownReadWrite);
        }
    }

    /// <summary>Waits out the backoff on <see cref="TimeProvider"/>; <paramref name="ended"/> is posted once the timer is set.</summary>
    private void WaitOrStop(TimeSpan delay, CancellationToken stop, LinkEndedEvent ended)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using ITimer timer = _time.CreateTimer(static s => ((TaskCompletionSource)s!).TrySetResult(), done, delay, Timeout.InfiniteTimeSpan);
        using CancellationTokenRegistration registration = stop.UnsafeRegister(static s => ((TaskCompletionSource)s!).TrySetResult(), done);
        Post(ended);
        done.Task.Wait(CancellationToken.None);
    }

    private string Describe(int rc, int errno)
    {
        string text = Mosquitto.DescribeError(rc, errno);
        return _sink.LastNativeError is { } detail ? $"{text} ({detail})" : text;
    }
}
