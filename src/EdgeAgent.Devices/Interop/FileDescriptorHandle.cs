using System.Runtime.InteropServices;

namespace EdgeAgent.Devices.Interop;

/// <summary>A Linux file descriptor that is closed exactly once.</summary>
internal sealed class FileDescriptorHandle : SafeHandle
{
    public FileDescriptorHandle()
        : base(new IntPtr(-1), ownsHandle: true)
    {
    }

    public FileDescriptorHandle(int fd)
        : this() => SetHandle(new IntPtr(fd));

    public override bool IsInvalid => handle.ToInt64() < 0;

    /// <summary>Opens <paramref name="path"/> read-write, close-on-exec; on failure returns false and the errno.</summary>
    public static bool TryOpen(string path, out FileDescriptorHandle handle, out int errno)
    {
        int fd = Libc.Open(path, Libc.OpenReadWrite | Libc.OpenCloseOnExec);
        if (fd < 0)
        {
            errno = Marshal.GetLastPInvokeError();
            handle = new FileDescriptorHandle();
            return false;
        }

        errno = 0;
        handle = new FileDescriptorHandle(fd);
        return true;
    }

    protected override bool ReleaseHandle() => Libc.Close(handle.ToInt32()) == 0;
}
