using System.Runtime.InteropServices;

namespace EdgeAgent.Mqtt.Interop;

/// <summary><c>struct mosquitto_message</c>: valid only during the message callback.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct MosquittoMessage
{
    public int Mid;
    public byte* Topic;
    public byte* Payload;
    public int PayloadLength;
    public int Qos;
    public byte Retain;
}
