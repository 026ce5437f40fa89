using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.ML.OnnxRuntime;

namespace EdgeAgent.Benchmarks;

/// <summary>
/// The baseline: a bare <see cref="InferenceSession"/> with the engine's session options, run with
/// <c>Run(RunOptions, names, OrtValues, names, OrtValues)</c> over OrtValues created once on pinned
/// arrays. The inputs are written once, before timing: the fastest fair bare call.
/// </summary>
internal sealed class BareSessionCase : BenchCase
{
    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions = new();
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;
    private readonly OrtValue[] _inputValues;
    private readonly OrtValue[] _outputValues;
    private readonly float[] _firstOutput;

    public BareSessionCase(string modelPath, BenchInputs inputs, string[] outputNames, long[][] outputShapes)
    {
        using SessionOptions options = BareSessionOptions.Create();
        _session = new InferenceSession(modelPath, options);
        _inputNames = inputs.Names;
        _outputNames = outputNames;
        _inputValues = new OrtValue[inputs.Names.Length];
        for (int i = 0; i < _inputValues.Length; i++)
        {
            float[] pinned = GC.AllocateArray<float>(inputs.Values[i].Length, pinned: true);
            inputs.Values[i].CopyTo(pinned, 0);
            _inputValues[i] = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, new Memory<float>(pinned), inputs.Shapes[i]);
        }

        _outputValues = new OrtValue[outputNames.Length];
        _firstOutput = [];
        for (int i = 0; i < _outputValues.Length; i++)
        {
            float[] pinned = GC.AllocateArray<float>(checked((int)outputShapes[i].Aggregate(1L, (a, b) => a * b)), pinned: true);
            _firstOutput = i == 0 ? pinned : _firstOutput;
            _outputValues[i] = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, new Memory<float>(pinned), outputShapes[i]);
        }
    }

    public override string Key => "bare";

    public override string Label => "bare session.Run(OrtValues)";

    public override ReadOnlySpan<float> FirstOutput => _firstOutput;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Loop(Span<long> ticks)
    {
        InferenceSession session = _session;
        long previous = Stopwatch.GetTimestamp();
        for (int i = 0; i < ticks.Length; i++)
        {
            session.Run(_runOptions, _inputNames, _inputValues, _outputNames, _outputValues);
            long now = Stopwatch.GetTimestamp();
            ticks[i] = now - previous;
            previous = now;
        }
    }

    public override void Dispose()
    {
        foreach (OrtValue value in _inputValues.Concat(_outputValues))
        {
            value?.Dispose();
        }

        _runOptions.Dispose();
        _session.Dispose();
    }
}
