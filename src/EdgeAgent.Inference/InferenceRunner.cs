using Microsoft.ML.OnnxRuntime;

namespace EdgeAgent.Inference;

/// <summary>
/// Runs one model over and over with buffers of fixed shapes bound once: a steady-state
/// <see cref="Run"/> allocates nothing on the managed heap. Recurrent state outputs are copied into
/// their inputs after each call. Not thread-safe.
/// </summary>
public sealed class InferenceRunner : IDisposable
{
    private readonly InferenceEngine _engine;
    private readonly OrtIoBinding _binding;
    private readonly RunOptions _runOptions = new();
    private readonly Dictionary<string, TensorBuffer> _inputs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TensorBuffer> _outputs = new(StringComparer.Ordinal);
    private (TensorBuffer From, TensorBuffer To)[] _state = [];
    private bool _disposed;

    internal InferenceRunner(InferenceEngine engine, IReadOnlyDictionary<string, long> dimensions)
    {
        _engine = engine;
        _binding = engine.Session.CreateIoBinding();
        try
        {
            var symbols = new Dictionary<string, long>(dimensions, StringComparer.Ordinal);
            foreach (TensorDescription input in engine.Model.Inputs)
            {
                TensorBuffer buffer = TensorBuffer.Create(input, RunnerShapes.Resolve(input, symbols, required: true)!);
                _inputs.Add(input.Name, buffer);
                _binding.BindInput(input.Name, buffer.Value);
            }

            long[]?[] outputShapes = [.. engine.Model.Outputs.Select(o => RunnerShapes.Resolve(o, symbols, required: false))];
            if (outputShapes.All(s => s is not null))
            {
                BindOutputs(outputShapes!);
            }

            // Otherwise the first Run sizes the outputs from what the model returns.
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Input buffers, by model input name.</summary>
    public IReadOnlyDictionary<string, TensorBuffer> Inputs => _inputs;

    /// <summary>Output buffers, by model output name; outputs the model leaves unsized appear after the first <see cref="Run"/>.</summary>
    public IReadOnlyDictionary<string, TensorBuffer> Outputs => _outputs;

    /// <summary>The buffer to fill for an input; throws when the name or element type is wrong.</summary>
    public Span<T> Input<T>(string name)
        where T : unmanaged => Typed<T>(_inputs, name, "input").Span;

    /// <summary>The latest values of an output.</summary>
    public ReadOnlySpan<T> Output<T>(string name)
        where T : unmanaged
    {
        if (_outputs.Count == 0)
        {
            throw new InvalidOperationException($"The model sizes its outputs at run time; call {nameof(Run)} before reading output '{name}'.");
        }

        return Typed<T>(_outputs, name, "output").Span;
    }

    /// <summary>Runs the model on the input buffers, then carries recurrent state into its inputs.</summary>
    public void Run()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_outputs.Count == 0)
        {
            RunAndBindOutputs();
        }
        else
        {
            _engine.Session.RunWithBinding(_runOptions, _binding);
        }

        foreach ((TensorBuffer from, TensorBuffer to) in _state)
        {
            Array.Copy(from.Array, to.Array, to.Length);
        }
    }

    /// <summary>Sets every recurrent state input back to zeros (a new stream).</summary>
    public void ResetState()
    {
        foreach ((_, TensorBuffer to) in _state)
        {
            to.Clear();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _binding.Dispose();
        _runOptions.Dispose();
        foreach (TensorBuffer buffer in _inputs.Values.Concat(_outputs.Values))
        {
            buffer.Dispose();
        }
    }

    private static TensorBuffer<T> Typed<T>(Dictionary<string, TensorBuffer> buffers, string name, string kind)
        where T : unmanaged
    {
        if (!buffers.TryGetValue(name, out TensorBuffer? buffer))
        {
            throw new InferenceInputException(
                $"The model has no {kind} '{name}'; its {kind}s are {string.Join(", ", buffers.Keys.Select(k => $"'{k}'"))}.",
                name, string.Join(", ", buffers.Keys), name);
        }

        if (buffer is not TensorBuffer<T> typed)
        {
            string expected = ElementTypes.Name(buffer.Description.ElementType);
            string given = ElementTypes.Of(typeof(T)) is var t && ElementTypes.ToClr(t) is not null ? ElementTypes.Name(t) : typeof(T).Name;
            throw new InferenceInputException(
                $"{char.ToUpperInvariant(kind[0])}{kind[1..]} '{name}' has element type {expected}, not {given}.", name, expected, given);
        }

        return typed;
    }

    private (TensorBuffer, TensorBuffer) StatePair(RecurrentStatePair pair)
    {
        TensorBuffer from = _outputs[pair.Output];
        TensorBuffer to = _inputs[pair.Input];
        if (!from.Shape.SequenceEqual(to.Shape))
        {
            throw new InferenceInputException(
                $"Recurrent state output '{pair.Output}' has shape [{string.Join(", ", from.Shape)}] but feeds input '{pair.Input}' of shape [{string.Join(", ", to.Shape)}].",
                pair.Input, $"[{string.Join(", ", to.Shape)}]", $"[{string.Join(", ", from.Shape)}]");
        }

        return (from, to);
    }

    private void BindOutputs(long[][] shapes)
    {
        for (int i = 0; i < _engine.Model.Outputs.Count; i++)
        {
            TensorDescription output = _engine.Model.Outputs[i];
            TensorBuffer buffer = TensorBuffer.Create(output, shapes[i]);
            _outputs.Add(output.Name, buffer);
            _binding.BindOutput(output.Name, buffer.Value);
        }

        _state = [.. _engine.RecurrentState.Select(StatePair)];
    }

    // Outputs whose size the model leaves open are sized by the first run: the runtime allocates
    // them once, their shapes become the runner's, and later runs write into the runner's buffers.
    private void RunAndBindOutputs()
    {
        foreach (TensorDescription output in _engine.Model.Outputs)
        {
            _binding.BindOutputToDevice(output.Name, OrtMemoryInfo.DefaultInstance);
        }

        _engine.Session.RunWithBinding(_runOptions, _binding);
        using IDisposableReadOnlyCollection<OrtValue> values = _binding.GetOutputValues();
        InferenceOutput[] first = [.. values.Select((v, i) => TensorValues.CopyOut(_engine.Model.Outputs[i].Name, v))];
        _binding.ClearBoundOutputs();
        BindOutputs([.. first.Select(o => o.Shape.ToArray())]);
        foreach (InferenceOutput output in first)
        {
            Array.Copy(output.Data, _outputs[output.Name].Array, output.Data.Length);
        }
    }
}
