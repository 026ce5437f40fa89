using System.Diagnostics;
using System.Runtime.CompilerServices;
using EdgeAgent.Inference;

namespace EdgeAgent.Benchmarks;

/// <summary>
/// For information: the engine's validating, allocating <see cref="InferenceEngine.Run(InferenceInput[])"/>,
/// which wraps the inputs in new OrtValues and copies every output into new arrays on each call.
/// </summary>
internal sealed class EngineRunCase : BenchCase
{
    private readonly InferenceEngine _engine;
    private readonly InferenceInput[] _inputs;
    private readonly string _firstOutputName;
    private InferenceResult? _last;

    public EngineRunCase(InferenceEngine engine, BenchInputs inputs, string firstOutputName)
    {
        _engine = engine;
        _firstOutputName = firstOutputName;
        _inputs = new InferenceInput[inputs.Names.Length];
        for (int i = 0; i < _inputs.Length; i++)
        {
            _inputs[i] = InferenceInput.Create(inputs.Names[i], inputs.Values[i], inputs.Shapes[i]);
        }
    }

    public override string Key => "engineRun";

    public override string Label => "engine.Run(InferenceInput) (allocating)";

    public override ReadOnlySpan<float> FirstOutput => _last is null ? [] : _last[_firstOutputName].As<float>();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Loop(Span<long> ticks)
    {
        InferenceEngine engine = _engine;
        InferenceResult? last = null;
        long previous = Stopwatch.GetTimestamp();
        for (int i = 0; i < ticks.Length; i++)
        {
            last = engine.Run(_inputs);
            long now = Stopwatch.GetTimestamp();
            ticks[i] = now - previous;
            previous = now;
        }

        _last = last;
    }

    // The engine belongs to the caller.
    public override void Dispose()
    {
    }
}
