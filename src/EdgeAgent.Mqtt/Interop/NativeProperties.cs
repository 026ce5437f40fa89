using System.Runtime.InteropServices;
using EdgeAgent.Mqtt.Client;

namespace EdgeAgent.Mqtt.Interop;

/// <summary>An MQTT 5 property list built for one call (libmosquitto copies what it keeps); disposing frees it.</summary>
internal sealed unsafe class NativeProperties : IDisposable
{
    private nint _head;

    /// <summary>The <c>mosquitto_property *</c> to pass; zero while the list is empty.</summary>
    public nint Pointer => _head;

    public void AddUserProperty(string name, string value)
    {
        fixed (nint* head = &_head)
        {
            Check(Mosquitto.PropertyAddStringPair(head, MosquittoError.PropertyUserProperty, name, value), $"the user property '{name}'");
        }
    }

    public void AddSubscriptionIdentifier(uint identifier)
    {
        fixed (nint* head = &_head)
        {
            Check(Mosquitto.PropertyAddVarint(head, MosquittoError.PropertySubscriptionIdentifier, identifier), "the subscription identifier");
        }
    }

    public void Dispose()
    {
        fixed (nint* head = &_head)
        {
            Mosquitto.PropertyFreeAll(head);
        }
    }

    /// <summary>Copies every user property of a received list, in order.</summary>
    public static KeyValuePair<string, string>[] ReadUserProperties(nint properties)
    {
        if (properties == 0)
        {
            return [];
        }

        var pairs = new List<KeyValuePair<string, string>>();
        bool skipFirst = false;
        nint current = properties;
        while (true)
        {
            byte* name = null;
            byte* value = null;
            current = Mosquitto.PropertyReadStringPair(current, MosquittoError.PropertyUserProperty, &name, &value, skipFirst);
            if (current == 0)
            {
                return [.. pairs];
            }

            try
            {
                pairs.Add(new(Marshal.PtrToStringUTF8((nint)name) ?? "", Marshal.PtrToStringUTF8((nint)value) ?? ""));
            }
            finally
            {
                NativeMemory.Free(name);
                NativeMemory.Free(value);
            }

            skipFirst = true;
        }
    }

    /// <summary>Copies every subscription identifier of a received PUBLISH (one per matching subscription).</summary>
    public static uint[] ReadSubscriptionIdentifiers(nint properties)
    {
        if (properties == 0)
        {
            return [];
        }

        var identifiers = new List<uint>(1);
        bool skipFirst = false;
        nint current = properties;
        while (true)
        {
            uint identifier = 0;
            current = Mosquitto.PropertyReadVarint(current, MosquittoError.PropertySubscriptionIdentifier, &identifier, skipFirst);
            if (current == 0)
            {
                return [.. identifiers];
            }

            identifiers.Add(identifier);
            skipFirst = true;
        }
    }

    private static void Check(int rc, string what)
    {
        if (rc != MosquittoError.Success)
        {
            throw new MqttException($"libmosquitto could not add {what}: {Mosquitto.DescribeError(rc, 0)}");
        }
    }
}
