using System.Runtime.InteropServices;
using Google.Protobuf;

namespace EdgeAgent.Onnx.Tensors;

/// <summary>Converts between ONNX <see cref="Proto.TensorProto"/> messages and CLR arrays.</summary>
public static class TensorProtoConvert
{
    /// <summary>Reads a serialized <c>TensorProto</c> file (as in ONNX's test data sets).</summary>
    public static Proto.TensorProto ReadFile(string path)
    {
        try
        {
            return Proto.TensorProto.Parser.ParseFrom(File.ReadAllBytes(path));
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new InvalidDataException($"{path} is not a serialized ONNX TensorProto: {ex.Message}", ex);
        }
    }

    /// <summary>The tensor's dimensions.</summary>
    public static long[] Shape(Proto.TensorProto tensor) => [.. tensor.Dims];

    /// <summary>The tensor's elements as an array of the matching CLR type (float[], sbyte[], ...).</summary>
    /// <exception cref="InvalidDataException">The element count does not match the dimensions.</exception>
    public static Array ToArray(Proto.TensorProto tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (tensor.HasDataLocation && tensor.DataLocation == Proto.TensorProto.Types.DataLocation.External)
        {
            throw new NotSupportedException($"Tensor '{tensor.Name}' keeps its data in an external file, which is not supported.");
        }

        Type type = OnnxDataType.ToClr(tensor.DataType);
        long count = 1;
        foreach (long d in tensor.Dims)
        {
            count *= d;
        }

        Array result = tensor.HasRawData ? FromRaw(type, tensor.RawData.Span) : FromTyped(type, tensor);
        if (result.LongLength != count)
        {
            throw new InvalidDataException(
                $"Tensor '{tensor.Name}' declares shape [{string.Join(", ", tensor.Dims)}] ({count} elements) but holds {result.LongLength}.");
        }

        return result;
    }

    /// <summary>Builds a <c>TensorProto</c> holding <paramref name="data"/> as raw little-endian bytes.</summary>
    public static Proto.TensorProto FromArray<T>(string name, T[] data, params long[] shape)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(data);
        long count = 1;
        foreach (long d in shape)
        {
            count *= d;
        }

        if (count != data.LongLength)
        {
            throw new ArgumentException($"Shape [{string.Join(", ", shape)}] needs {count} elements but {data.LongLength} were given.", nameof(data));
        }

        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("ONNX raw tensor data is little-endian; big-endian hosts are not supported.");
        }

        var tensor = new Proto.TensorProto
        {
            Name = name,
            DataType = OnnxDataType.Of(typeof(T)),
            RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(data.AsSpan())),
        };
        tensor.Dims.AddRange(shape);
        return tensor;
    }

    private static Array FromRaw(Type type, ReadOnlySpan<byte> raw)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("ONNX raw tensor data is little-endian; big-endian hosts are not supported.");
        }

        return type switch
        {
            _ when type == typeof(float) => Cast<float>(raw),
            _ when type == typeof(byte) => raw.ToArray(),
            _ when type == typeof(sbyte) => Cast<sbyte>(raw),
            _ when type == typeof(ushort) => Cast<ushort>(raw),
            _ when type == typeof(short) => Cast<short>(raw),
            _ when type == typeof(int) => Cast<int>(raw),
            _ when type == typeof(long) => Cast<long>(raw),
            _ when type == typeof(bool) => Cast<bool>(raw),
            _ when type == typeof(double) => Cast<double>(raw),
            _ when type == typeof(uint) => Cast<uint>(raw),
            _ when type == typeof(ulong) => Cast<ulong>(raw),
            _ => throw new NotSupportedException(type.Name),
        };
    }

    private static T[] Cast<T>(ReadOnlySpan<byte> raw)
        where T : unmanaged
    {
        int size = Marshal.SizeOf<T>();
        if (raw.Length % size != 0)
        {
            throw new InvalidDataException($"Raw tensor data of {raw.Length} bytes is not a whole number of {typeof(T).Name} elements.");
        }

        return MemoryMarshal.Cast<byte, T>(raw).ToArray();
    }

    // Typed fields: int32_data also carries int8/uint8/int16/uint16/bool; uint64_data carries uint32/uint64.
    private static Array FromTyped(Type type, Proto.TensorProto t) => type switch
    {
        _ when type == typeof(float) => t.FloatData.ToArray(),
        _ when type == typeof(double) => t.DoubleData.ToArray(),
        _ when type == typeof(long) => t.Int64Data.ToArray(),
        _ when type == typeof(int) => t.Int32Data.ToArray(),
        _ when type == typeof(sbyte) => t.Int32Data.Select(v => checked((sbyte)v)).ToArray(),
        _ when type == typeof(byte) => t.Int32Data.Select(v => checked((byte)v)).ToArray(),
        _ when type == typeof(short) => t.Int32Data.Select(v => checked((short)v)).ToArray(),
        _ when type == typeof(ushort) => t.Int32Data.Select(v => checked((ushort)v)).ToArray(),
        _ when type == typeof(bool) => t.Int32Data.Select(v => v != 0).ToArray(),
        _ when type == typeof(uint) => t.Uint64Data.Select(v => checked((uint)v)).ToArray(),
        _ when type == typeof(ulong) => t.Uint64Data.ToArray(),
        _ => throw new NotSupportedException(type.Name),
    };
}
