using EdgeAgent.Mqtt.Client;

namespace EdgeAgent.Mqtt.Interop;

/// <summary>Calls <c>mosquitto_lib_init</c> once per process (it is never cleaned up: other clients may still run).</summary>
internal static class LibraryInitializer
{
    private static readonly Lazy<int> Result = new(Mosquitto.LibInit, LazyThreadSafetyMode.ExecutionAndPublication);

    public static void EnsureInitialized()
    {
        int rc;
        try
        {
            rc = Result.Value;
        }
        catch (DllNotFoundException e)
        {
            throw new MqttException("libmosquitto.so.1 is not installed (Debian package libmosquitto1).", e);
        }

        if (rc != MosquittoError.Success)
        {
            throw new MqttException($"mosquitto_lib_init failed: {Mosquitto.DescribeError(rc, 0)}");
        }
    }
}
