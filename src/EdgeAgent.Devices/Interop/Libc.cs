using System.Runtime.InteropServices;

namespace EdgeAgent.Devices.Interop;

/// <summary>The few libc calls the device code needs: open, close and ioctl on character devices.</summary>
internal static unsafe partial class Libc
{
    private const string Library = "libc";

    /// <summary><c>O_RDWR</c>.</summary>
    public const int OpenReadWrite = 0x2;

    /// <summary><c>O_CLOEXEC</c> (the asm-generic value used by x86-64, ARM and ARM64).</summary>
    public const int OpenCloseOnExec = 0x80000;

    [LibraryImport(Library, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Open(string path, int flags);

    [LibraryImport(Library, EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    /// <remarks>
    /// <c>ioctl</c> is variadic in C; passing the argument as a fixed third parameter is what the
    /// Linux calling conventions on x86-64 and ARM64 expect for a pointer argument.
    /// </remarks>
    [LibraryImport(Library, EntryPoint = "ioctl", SetLastError = true)]
    public static partial int Ioctl(SafeHandle fd, nuint request, void* argument);
}
