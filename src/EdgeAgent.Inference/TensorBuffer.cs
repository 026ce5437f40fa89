using Microsoft.ML.OnnxRuntime;

namespace EdgeAgent.Inference;

/// <summary>A pinned array of fixed shape wrapped by an ONNX Runtime value: the runtime reads and writes it in place.</summary>
public abstract class TensorBuffer : IDisposable
{
    private protected TensorBuffer(TensorDescription description, long[] shape)
    {
        Description = description;
        Shape = shape;
    }

    /// <summary>The model tensor this buffer is bound to.</summary>
    public TensorDescription Description { get; }

    /// <summary>The concrete shape.</summary>
    public IReadOnlyList<long> Shape { get; }

    /// <summary>The number of elements.</summary>
    public abstract int Length { get; }

    internal abstract OrtValue Value { get; }

    internal abstract Array Array { get; }

    internal static TensorBuffer Create(TensorDescription description, long[] shape)
    {
        Type type = description.ClrType ?? throw new NotSupportedException(description.ToString());
        Type bufferType = typeof(TensorBuffer<>).MakeGenericType(type);
        return (TensorBuffer)Activator.CreateInstance(bufferType, System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance, null, [description, shape], null)!;
    }

    internal abstract void Clear();

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the runtime value.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Value.Dispose();
        }
    }
}

/// <summary>A <see cref="TensorBuffer"/> of <typeparamref name="T"/> elements.</summary>
public sealed class TensorBuffer<T> : TensorBuffer
    where T : unmanaged
{
    private readonly T[] _data;
    private readonly OrtValue _value;

    internal TensorBuffer(TensorDescription description, long[] shape)
        : base(description, shape)
    {
        long count = 1;
        foreach (long d in shape)
        {
            count *= d;
        }

        _data = GC.AllocateArray<T>(checked((int)count), pinned: true);
        _value = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, new Memory<T>(_data), shape);
    }

    /// <summary>The elements, row-major; writes go straight to what the model reads.</summary>
    public Span<T> Span => _data;

    /// <inheritdoc />
    public override int Length => _data.Length;

    internal override OrtValue Value => _value;

    internal override Array Array => _data;

    internal override void Clear() => Array.Clear(_data);
}
