using System.Runtime.InteropServices;

namespace EdgeAgent.Mqtt.Interop;

/// <summary>
/// The libmosquitto 2.0 calls the client makes (Debian <c>libmosquitto1</c>). A <c>struct mosquitto *</c> is an
/// <see cref="nint"/>; C <c>bool</c> is one byte; strings are UTF-8.
/// </summary>
internal static unsafe partial class Mosquitto
{
    private const string Library = "libmosquitto.so.1";

    [LibraryImport(Library, EntryPoint = "mosquitto_lib_init")]
    public static partial int LibInit();

    [LibraryImport(Library, EntryPoint = "mosquitto_new", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial nint New(string id, [MarshalAs(UnmanagedType.U1)] bool cleanSession, nint userData);

    [LibraryImport(Library, EntryPoint = "mosquitto_destroy")]
    public static partial void Destroy(nint mosq);

    [LibraryImport(Library, EntryPoint = "mosquitto_int_option")]
    public static partial int IntOption(nint mosq, int option, int value);

    [LibraryImport(Library, EntryPoint = "mosquitto_threaded_set")]
    public static partial int ThreadedSet(nint mosq, [MarshalAs(UnmanagedType.U1)] bool threaded);

    [LibraryImport(Library, EntryPoint = "mosquitto_username_pw_set", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int UsernamePasswordSet(nint mosq, string? username, string? password);

    [LibraryImport(Library, EntryPoint = "mosquitto_tls_set", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int TlsSet(nint mosq, string? caFile, string? caPath, string? certFile, string? keyFile, nint passwordCallback);

    [LibraryImport(Library, EntryPoint = "mosquitto_will_set_v5", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int WillSetV5(nint mosq, string topic, int payloadLength, byte* payload, int qos, [MarshalAs(UnmanagedType.U1)] bool retain, nint properties);

    /// <summary>Starts a non-blocking connect (TCP, then TLS and CONNECT inside <see cref="Loop"/>); errno is kept.</summary>
    [LibraryImport(Library, EntryPoint = "mosquitto_connect_async", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int ConnectAsync(nint mosq, string host, int port, int keepAlive);

    [LibraryImport(Library, EntryPoint = "mosquitto_disconnect_v5")]
    public static partial int DisconnectV5(nint mosq, int reasonCode, nint properties);

    /// <summary>One pass of the network loop: waits up to <paramref name="timeoutMs"/> for the socket, reads, writes, keeps alive; errno is kept.</summary>
    [LibraryImport(Library, EntryPoint = "mosquitto_loop", SetLastError = true)]
    public static partial int Loop(nint mosq, int timeoutMs, int maxPackets);

    [LibraryImport(Library, EntryPoint = "mosquitto_socket")]
    public static partial int Socket(nint mosq);

    [LibraryImport(Library, EntryPoint = "mosquitto_publish_v5", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int PublishV5(nint mosq, int* mid, string topic, int payloadLength, byte* payload, int qos, [MarshalAs(UnmanagedType.U1)] bool retain, nint properties);

    [LibraryImport(Library, EntryPoint = "mosquitto_subscribe_v5", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int SubscribeV5(nint mosq, int* mid, string filter, int qos, int options, nint properties);

    [LibraryImport(Library, EntryPoint = "mosquitto_unsubscribe_v5", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int UnsubscribeV5(nint mosq, int* mid, string filter, nint properties);

    [LibraryImport(Library, EntryPoint = "mosquitto_connect_v5_callback_set")]
    public static partial void ConnectV5CallbackSet(nint mosq, delegate* unmanaged[Cdecl]<nint, nint, int, int, nint, void> callback);

    [LibraryImport(Library, EntryPoint = "mosquitto_disconnect_v5_callback_set")]
    public static partial void DisconnectV5CallbackSet(nint mosq, delegate* unmanaged[Cdecl]<nint, nint, int, nint, void> callback);

    [LibraryImport(Library, EntryPoint = "mosquitto_publish_v5_callback_set")]
    public static partial void PublishV5CallbackSet(nint mosq, delegate* unmanaged[Cdecl]<nint, nint, int, int, nint, void> callback);

    [LibraryImport(Library, EntryPoint = "mosquitto_message_v5_callback_set")]
    public static partial void MessageV5CallbackSet(nint mosq, delegate* unmanaged[Cdecl]<nint, nint, MosquittoMessage*, nint, void> callback);

    [LibraryImport(Library, EntryPoint = "mosquitto_subscribe_v5_callback_set")]
    public static partial void SubscribeV5CallbackSet(nint mosq, delegate* unmanaged[Cdecl]<nint, nint, int, int, int*, nint, void> callback);

    [LibraryImport(Library, EntryPoint = "mosquitto_log_callback_set")]
    public static partial void LogCallbackSet(nint mosq, delegate* unmanaged[Cdecl]<nint, nint, int, byte*, void> callback);

    [LibraryImport(Library, EntryPoint = "mosquitto_strerror")]
    public static partial byte* StrError(int error);

    [LibraryImport(Library, EntryPoint = "mosquitto_reason_string")]
    public static partial byte* ReasonString(int reasonCode);

    [LibraryImport(Library, EntryPoint = "mosquitto_property_add_string_pair", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int PropertyAddStringPair(nint* properties, int identifier, string name, string value);

    [LibraryImport(Library, EntryPoint = "mosquitto_property_add_varint")]
    public static partial int PropertyAddVarint(nint* properties, int identifier, uint value);

    /// <summary>Finds the next string-pair property; <paramref name="name"/> and <paramref name="value"/> are malloc'd (free them).</summary>
    [LibraryImport(Library, EntryPoint = "mosquitto_property_read_string_pair")]
    public static partial nint PropertyReadStringPair(nint properties, int identifier, byte** name, byte** value, [MarshalAs(UnmanagedType.U1)] bool skipFirst);

    [LibraryImport(Library, EntryPoint = "mosquitto_property_read_varint")]
    public static partial nint PropertyReadVarint(nint properties, int identifier, uint* value, [MarshalAs(UnmanagedType.U1)] bool skipFirst);

    [LibraryImport(Library, EntryPoint = "mosquitto_property_free_all")]
    public static partial void PropertyFreeAll(nint* properties);

    /// <summary>The text of a <c>MOSQ_ERR_*</c> code (for <see cref="MosquittoError.Errno"/>, of the errno kept by the last call).</summary>
    public static string DescribeError(int error, int lastErrno)
    {
        if (error == MosquittoError.Errno)
        {
            return lastErrno == 0 ? "a socket error" : Marshal.GetPInvokeErrorMessage(lastErrno);
        }

        return Marshal.PtrToStringUTF8((nint)StrError(error)) ?? $"error {error}";
    }

    /// <summary>The text of an MQTT 5 reason code, such as "Not authorized" for 0x87.</summary>
    public static string DescribeReason(int reasonCode) =>
        Marshal.PtrToStringUTF8((nint)ReasonString(reasonCode)) ?? $"reason code 0x{reasonCode:X2}";
}
