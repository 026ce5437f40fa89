using System.Runtime.InteropServices;

namespace EdgeAgent.Devices.Interop;

/// <summary>Turns errno values into the text a person can act on.</summary>
internal static class Errno
{
    public const int NoSuchFile = 2;
    public const int NoSuchDeviceOrAddress = 6;
    public const int PermissionDenied = 13;
    public const int Busy = 16;
    public const int InvalidArgument = 22;
    public const int NotATypewriter = 25;
    public const int TimedOut = 110;
    public const int RemoteIo = 121;

    /// <summary>The errno of the last failed P/Invoke.</summary>
    public static int Last => Marshal.GetLastPInvokeError();

    /// <summary>For example "No such file or directory (errno 2)".</summary>
    public static string Describe(int errno) => $"{Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})";
}
