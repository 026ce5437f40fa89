using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using EdgeAgent.Mqtt.Interop;

namespace EdgeAgent.Mqtt.Client;

/// <summary>
/// libmosquitto's callbacks. They run on the network thread (the log callback also on publishing threads), copy what
/// they are given and write it to the client's channels; nothing here blocks, and no exception may cross back into C.
/// </summary>
internal static unsafe class NativeCallbacks
{
    public static void Register(nint mosq)
    {
        Mosquitto.ConnectV5CallbackSet(mosq, &OnConnect);
        Mosquitto.DisconnectV5CallbackSet(mosq, &OnDisconnect);
        Mosquitto.PublishV5CallbackSet(mosq, &OnPublish);
        Mosquitto.MessageV5CallbackSet(mosq, &OnMessage);
        Mosquitto.SubscribeV5CallbackSet(mosq, &OnSubscribe);
        Mosquitto.LogCallbackSet(mosq, &OnLog);
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnConnect(nint mosq, nint userData, int reasonCode, int flags, nint properties)
    {
        try
        {
            if (Sink(userData) is { } sink)
            {
                sink.ConnAckCode = reasonCode;
                sink.Post(new ConnAckEvent(reasonCode));
            }
        }
        catch (Exception e) when (!IsFatal(e))
        {
            // Never let an exception unwind into libmosquitto.
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnDisconnect(nint mosq, nint userData, int code, nint properties)
    {
        try
        {
            if (Sink(userData) is { } sink)
            {
                sink.DisconnectCode = code;
            }
        }
        catch (Exception e) when (!IsFatal(e))
        {
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnPublish(nint mosq, nint userData, int messageId, int reasonCode, nint properties)
    {
        try
        {
            Sink(userData)?.Post(new PublishAckEvent(messageId, reasonCode));
        }
        catch (Exception e) when (!IsFatal(e))
        {
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnSubscribe(nint mosq, nint userData, int messageId, int count, int* granted, nint properties)
    {
        try
        {
            int[] copy = granted is null || count <= 0 ? [] : new ReadOnlySpan<int>(granted, count).ToArray();
            Sink(userData)?.Post(new SubscribeAckEvent(messageId, copy));
        }
        catch (Exception e) when (!IsFatal(e))
        {
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnMessage(nint mosq, nint userData, MosquittoMessage* message, nint properties)
    {
        try
        {
            if (Sink(userData) is not { } sink || message is null)
            {
                return;
            }

            string topic = Marshal.PtrToStringUTF8((nint)message->Topic) ?? "";
            byte[] payload = message->Payload is null || message->PayloadLength <= 0
                ? []
                : new ReadOnlySpan<byte>(message->Payload, message->PayloadLength).ToArray();
            var qos = message->Qos >= 1 ? MqttQos.AtLeastOnce : MqttQos.AtMostOnce;
            var copy = new MqttMessage(topic, payload, qos, message->Retain != 0, NativeProperties.ReadUserProperties(properties));
            sink.Post(new ReceivedMessage(copy, NativeProperties.ReadSubscriptionIdentifiers(properties)));
        }
        catch (Exception e) when (!IsFatal(e))
        {
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnLog(nint mosq, nint userData, int level, byte* text)
    {
        try
        {
            if (level is not (MosquittoError.LogError or MosquittoError.LogWarning) || Sink(userData) is not { } sink)
            {
                return;
            }

            string line = Marshal.PtrToStringUTF8((nint)text) ?? "";
            if (level == MosquittoError.LogError)
            {
                sink.LastNativeError = line;
            }

            sink.Post(new NativeLogEvent(level, line));
        }
        catch (Exception e) when (!IsFatal(e))
        {
        }
    }

    private static CallbackSink? Sink(nint userData) =>
        userData == 0 ? null : GCHandle.FromIntPtr(userData).Target as CallbackSink;

    private static bool IsFatal(Exception e) => e is OutOfMemoryException;
}
