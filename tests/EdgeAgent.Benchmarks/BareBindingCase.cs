using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.ML.OnnxRuntime;

namespace EdgeAgent.Benchmarks;

/// <summary>
/// For information, the floor: a bare session run with <c>RunWithBinding</c> on an <see cref="OrtIoBinding"/>
/// bound once over pinned arrays, inputs written once before timing. It is the native call the engine's
/// runner makes, with nothing of the runner around it.
/// </summary>
internal sealed class BareBindingCase : BenchCase
{
    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions = new();
    private readonly OrtIoBinding _binding;
    private readonly List<OrtValue> _values = [];
    private readonly float[] _firstOutput = [];

    public BareBindingCase(string modelPath, BenchInputs inputs, string[] outputNames, long[][] outputShapes)
    {
        using SessionOptions options = BareSessionOptions.Create();
        _session = new InferenceSession(modelPath, options);
        _binding = _session.CreateIoBinding();
        for (int i = 0; i < inputs.Names.Length; i++)
        {
            float[] pinned = GC.AllocateArray<float>(inputs.Values[i].Length, pinned: true);
            inputs.Values[i].CopyTo(pinned, 0);
            _binding.BindInput(inputs.Names[i], Wrap(pinned, inputs.Shapes[i]));
        }

        for (int i = 0; i < outputNames.Length; i++)
        {
            float[] pinned = GC.AllocateArray<float>(checked((int)outputShapes[i].Aggregate(1L, (a, b) => a * b)), pinned: true);
            _firstOutput = i == 0 ? pinned : _firstOutput;
            _binding.BindOutput(outputNames[i], Wrap(pinned, outputShapes[i]));
        }
    }

    public override string Key => "bareBinding";

    public override string Label => "bare session.RunWithBinding (floor)";

    public override ReadOnlySpan<float> FirstOutput => _firstOutput;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Loop(Span<long> ticks)
    {
        InferenceSession session = _session;
        long previous = Stopwatch.GetTimestamp();
        for (int i = 0; i < ticks.Length; i++)
        {
            session.RunWithBinding(_runOptions, _binding);
            long now = Stopwatch.GetTimestamp();
            ticks[i] = now - previous;
            previous = now;
        }
    }

    public override void Dispose()
    {
        _binding.Dispose();
        foreach (OrtValue value in _values)
        {
            value.Dispose();
        }

        _runOptions.Dispose();
        _session.Dispose();
    }

    private OrtValue Wrap(float[] pinned, long[] shape)
    {
        OrtValue value = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, new Memory<float>(pinned), shape);
        _values.Add(value);
        return value;
    }
}
