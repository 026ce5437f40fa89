using System.Runtime.InteropServices;

namespace EdgeAgent.Mqtt.Interop;

/// <summary>The one libc call the client needs: shutdown(2), to cut a link that must not end with a DISCONNECT.</summary>
internal static partial class Libc
{
    /// <summary><c>SHUT_RDWR</c>.</summary>
    public const int ShutdownReadWrite = 2;

    [LibraryImport("libc", EntryPoint = "shutdown", SetLastError = true)]
    public static partial int Shutdown(int socket, int how);
}
