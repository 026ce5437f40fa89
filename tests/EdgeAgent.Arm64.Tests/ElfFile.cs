using System.Buffers.Binary;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace EdgeAgent.Arm64.Tests;

/// <summary>Reads the few ELF facts the arm64 checks need: class, machine and DT_SONAME.</summary>
internal sealed record ElfFile(int Class, ushort Machine, string? SoName)
{
    public const int Class64 = 2;
    public const ushort MachineX86_64 = 62;
    public const ushort MachineAArch64 = 183;

    private const uint SectionTypeDynamic = 6;
    private const long DynamicTagSoName = 14;

    /// <summary>True when the file starts with the ELF magic bytes.</summary>
    public static bool IsElf(string path)
    {
        using SafeFileHandle file = File.OpenHandle(path);
        Span<byte> magic = stackalloc byte[4];
        return RandomAccess.Read(file, magic, 0) == 4 && magic.SequenceEqual("\u007fELF"u8);
    }

    /// <summary>Reads the header and, for 64-bit little-endian files, the soname from the dynamic section.</summary>
    /// <exception cref="InvalidDataException">The file is not ELF or is truncated.</exception>
    public static ElfFile Read(string path)
    {
        using SafeFileHandle file = File.OpenHandle(path);
        byte[] header = ReadExactly(file, 0, 64);
        if (!header.AsSpan(0, 4).SequenceEqual("\u007fELF"u8))
        {
            throw new InvalidDataException($"{path} is not an ELF file (bad magic).");
        }

        int elfClass = header[4];
        bool little = header[5] == 1;
        ushort machine = little
            ? BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(18))
            : BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(18));
        string? soName = elfClass == Class64 && little ? ReadSoName(file, header) : null;
        return new ElfFile(elfClass, machine, soName);
    }

    // Walks the section headers to SHT_DYNAMIC; DT_SONAME is an offset into the section that sh_link names.
    private static string? ReadSoName(SafeFileHandle file, byte[] header)
    {
        long sectionsAt = (long)BinaryPrimitives.ReadUInt64LittleEndian(header.AsSpan(0x28));
        int entrySize = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(0x3A));
        int count = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(0x3C));
        for (int i = 0; i < count; i++)
        {
            byte[] section = ReadExactly(file, sectionsAt + ((long)i * entrySize), 64);
            if (BinaryPrimitives.ReadUInt32LittleEndian(section.AsSpan(4)) != SectionTypeDynamic)
            {
                continue;
            }

            byte[] dynamic = ReadExactly(file, (long)BinaryPrimitives.ReadUInt64LittleEndian(section.AsSpan(24)), checked((int)BinaryPrimitives.ReadUInt64LittleEndian(section.AsSpan(32))));
            int link = (int)BinaryPrimitives.ReadUInt32LittleEndian(section.AsSpan(40));
            byte[] strings = ReadExactly(file, sectionsAt + ((long)link * entrySize), 64);
            long stringsAt = (long)BinaryPrimitives.ReadUInt64LittleEndian(strings.AsSpan(24));
            for (int at = 0; at + 16 <= dynamic.Length; at += 16)
            {
                long tag = BinaryPrimitives.ReadInt64LittleEndian(dynamic.AsSpan(at));
                if (tag == 0)
                {
                    break;
                }

                if (tag == DynamicTagSoName)
                {
                    return ReadCString(file, stringsAt + (long)BinaryPrimitives.ReadUInt64LittleEndian(dynamic.AsSpan(at + 8)));
                }
            }
        }

        return null;
    }

    private static string ReadCString(SafeFileHandle file, long offset)
    {
        byte[] bytes = ReadExactly(file, offset, (int)Math.Min(4096, RandomAccess.GetLength(file) - offset));
        int end = Array.IndexOf(bytes, (byte)0);
        return Encoding.UTF8.GetString(bytes, 0, end < 0 ? bytes.Length : end);
    }

    private static byte[] ReadExactly(SafeFileHandle file, long offset, int length)
    {
        var buffer = new byte[length];
        int total = 0;
        while (total < length)
        {
            int read = RandomAccess.Read(file, buffer.AsSpan(total), offset + total);
            if (read == 0)
            {
                throw new InvalidDataException($"ELF file truncated: wanted {length} bytes at offset {offset}.");
            }

            total += read;
        }

        return buffer;
    }
}
