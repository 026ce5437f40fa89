namespace EdgeAgent.Devices.Interop;

/// <summary>
/// Builds ioctl request numbers like the kernel's <c>_IOR</c>/<c>_IOWR</c> macros, in the asm-generic
/// encoding used by x86-64, ARM and ARM64: direction in bits 30-31, size in bits 16-29, type in 8-15, number in 0-7.
/// </summary>
internal static class IoctlRequest
{
    private const uint DirectionWrite = 1;
    private const uint DirectionRead = 2;

    /// <summary><c>_IOR(type, number, size)</c>.</summary>
    public static nuint Read(byte type, byte number, int size) => Encode(DirectionRead, type, number, size);

    /// <summary><c>_IOWR(type, number, size)</c>.</summary>
    public static nuint ReadWrite(byte type, byte number, int size) => Encode(DirectionRead | DirectionWrite, type, number, size);

    private static nuint Encode(uint direction, byte type, byte number, int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, (1 << 14) - 1);
        return (nuint)((direction << 30) | ((uint)size << 16) | ((uint)type << 8) | number);
    }
}
