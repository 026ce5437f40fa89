using System.Diagnostics;
using System.Runtime.CompilerServices;
using EdgeAgent.Inference;

namespace EdgeAgent.Benchmarks;

/// <summary>
/// The engine's steady-state path: copy the inputs into the runner's span, then <see cref="InferenceRunner.Run"/>.
/// The copy is timed, since the agent has to make it on every call.
/// </summary>
internal sealed class EngineRunnerCase(InferenceRunner runner, BenchInputs inputs, string firstOutputName) : BenchCase
{
    private readonly string[] _names = inputs.Names;
    private readonly float[][] _values = inputs.Values;

    public override string Key => "runner";

    public override string Label => "engine runner (copy in + Run)";

    public override ReadOnlySpan<float> FirstOutput => runner.Output<float>(firstOutputName);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Loop(Span<long> ticks)
    {
        string[] names = _names;
        float[][] values = _values;
        long previous = Stopwatch.GetTimestamp();
        for (int i = 0; i < ticks.Length; i++)
        {
            for (int k = 0; k < names.Length; k++)
            {
                values[k].CopyTo(runner.Input<float>(names[k]));
            }

            runner.Run();
            long now = Stopwatch.GetTimestamp();
            ticks[i] = now - previous;
            previous = now;
        }
    }

    // The runner belongs to the caller.
    public override void Dispose()
    {
    }
}
