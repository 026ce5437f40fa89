using System.Globalization;
using EdgeAgent.Inference;

namespace EdgeAgent.ModelKit.Quantization;

/// <summary>
/// The batches of inputs run through the float model to learn the range of each activation. They
/// should look like what the model will see in service. They are enumerated once, lazily, so a
/// large set can be streamed.
/// </summary>
public sealed class CalibrationData
{
    private readonly IEnumerable<IReadOnlyList<InferenceInput>>? _inputs;
    private readonly IEnumerable<IReadOnlyDictionary<string, float[]>>? _floats;

    private CalibrationData(IEnumerable<IReadOnlyList<InferenceInput>>? inputs, IEnumerable<IReadOnlyDictionary<string, float[]>>? floats)
    {
        _inputs = inputs;
        _floats = floats;
    }

    /// <summary>Batches of named tensors with explicit shapes and any element type: one list per batch, one entry per model input.</summary>
    public static CalibrationData FromInputs(IEnumerable<IReadOnlyList<InferenceInput>> batches)
    {
        ArgumentNullException.ThrowIfNull(batches);
        return new CalibrationData(batches, null);
    }

    /// <summary>
    /// Batches of float32 arrays by input name. Each array's shape is the model's, with its one dynamic
    /// dimension (usually the batch) worked out from the array's length; inputs with more than one dynamic
    /// dimension need <see cref="FromInputs"/>.
    /// </summary>
    public static CalibrationData FromFloatArrays(IEnumerable<IReadOnlyDictionary<string, float[]>> batches)
    {
        ArgumentNullException.ThrowIfNull(batches);
        return new CalibrationData(null, batches);
    }

    /// <summary>The batches, checked against the model's inputs and put in their order.</summary>
    /// <exception cref="QuantizationException">There are no batches, or one does not fit the model's inputs.</exception>
    internal IEnumerable<InferenceInput[]> Batches(IReadOnlyList<ModelInput> expected)
    {
        int index = 0;
        if (_inputs is not null)
        {
            foreach (IReadOnlyList<InferenceInput> batch in _inputs)
            {
                yield return Check(index++, expected, Named(index - 1, batch));
            }
        }
        else
        {
            foreach (IReadOnlyDictionary<string, float[]> batch in _floats!)
            {
                yield return Check(index++, expected, Shaped(index - 1, expected, batch));
            }
        }

        if (index == 0)
        {
            throw new QuantizationException(
                "The calibration data holds no batches; give at least one batch of inputs resembling what the model will see in service.");
        }
    }

    private static Dictionary<string, InferenceInput> Named(int index, IReadOnlyList<InferenceInput> batch)
    {
        if (batch is null)
        {
            throw new QuantizationException($"Calibration batch {index} is null.");
        }

        var byName = new Dictionary<string, InferenceInput>(StringComparer.Ordinal);
        foreach (InferenceInput input in batch)
        {
            if (input is null)
            {
                throw new QuantizationException($"Calibration batch {index} holds a null input.");
            }

            if (!byName.TryAdd(input.Name, input))
            {
                throw new QuantizationException($"Calibration batch {index} gives input '{input.Name}' more than once.");
            }
        }

        return byName;
    }

    private static Dictionary<string, InferenceInput> Shaped(int index, IReadOnlyList<ModelInput> expected, IReadOnlyDictionary<string, float[]> batch)
    {
        if (batch is null)
        {
            throw new QuantizationException($"Calibration batch {index} is null.");
        }

        var byName = new Dictionary<string, InferenceInput>(StringComparer.Ordinal);
        foreach (ModelInput input in expected)
        {
            if (!batch.TryGetValue(input.Name, out float[]? data))
            {
                continue; // reported as missing by Check
            }

            if (data is null)
            {
                throw new QuantizationException($"Calibration batch {index}: input '{input.Name}' is null.");
            }

            byName[input.Name] = InferenceInput.Create(input.Name, data, ShapeFor(index, input, data.LongLength));
        }

        foreach (string name in batch.Keys.Order(StringComparer.Ordinal))
        {
            if (!byName.ContainsKey(name))
            {
                throw UnknownInput(index, name, expected);
            }
        }

        return byName;
    }

    private static long[] ShapeFor(int index, ModelInput input, long length)
    {
        if (input.Dims is null)
        {
            throw new QuantizationException(
                $"Calibration batch {index}: input '{input.Name}' has no declared shape, so the shape of its {length} values cannot be worked out; give it with CalibrationData.FromInputs.");
        }

        int dynamicAxis = -1;
        long fixedCount = 1;
        for (int axis = 0; axis < input.Dims.Count; axis++)
        {
            if (input.Dims[axis] is long size)
            {
                fixedCount *= size;
            }
            else if (dynamicAxis >= 0)
            {
                throw new QuantizationException(
                    $"Calibration batch {index}: input '{input.Name}' expects {input.Description}, which has more than one dynamic dimension; give its shape with CalibrationData.FromInputs.");
            }
            else
            {
                dynamicAxis = axis;
            }
        }

        long[] shape = [.. input.Dims.Select(d => d ?? 0)];
        if (dynamicAxis < 0 ? length != fixedCount : fixedCount == 0 || length % fixedCount != 0)
        {
            string wanted = dynamicAxis < 0
                ? fixedCount.ToString(CultureInfo.InvariantCulture)
                : $"a multiple of {fixedCount.ToString(CultureInfo.InvariantCulture)}";
            throw new QuantizationException(
                $"Calibration batch {index}: input '{input.Name}' expects {input.Description} ({wanted} values) but was given {length} values.");
        }

        if (dynamicAxis >= 0)
        {
            shape[dynamicAxis] = length / fixedCount;
        }

        return shape;
    }

    private static InferenceInput[] Check(int index, IReadOnlyList<ModelInput> expected, Dictionary<string, InferenceInput> given)
    {
        foreach (string name in given.Keys.Order(StringComparer.Ordinal))
        {
            if (!expected.Any(e => e.Name == name))
            {
                throw UnknownInput(index, name, expected);
            }
        }

        var ordered = new InferenceInput[expected.Count];
        for (int i = 0; i < expected.Count; i++)
        {
            ModelInput input = expected[i];
            if (!given.TryGetValue(input.Name, out InferenceInput? value))
            {
                throw new QuantizationException($"Calibration batch {index}: input '{input.Name}' ({input.Description}) is missing.");
            }

            CheckType(index, input, value);
            CheckShape(index, input, value);
            ordered[i] = value;
        }

        return ordered;
    }

    private static void CheckType(int index, ModelInput input, InferenceInput value)
    {
        if (input.ElemType == 0)
        {
            return;
        }

        string expectedType = TensorTypes.Name(input.ElemType);
        string givenType = TensorTypes.Name(value.ElementType);
        if (expectedType != givenType)
        {
            throw new QuantizationException(
                $"Calibration batch {index}: input '{input.Name}' expects element type {expectedType} but was given {givenType}.");
        }
    }

    private static void CheckShape(int index, ModelInput input, InferenceInput value)
    {
        string givenShape = "[" + string.Join(", ", value.Shape) + "]";
        if (input.Dims is not null)
        {
            bool fits = value.Shape.Count == input.Dims.Count;
            for (int axis = 0; fits && axis < input.Dims.Count; axis++)
            {
                fits = value.Shape[axis] >= 0 && (input.Dims[axis] is not long size || size == value.Shape[axis]);
            }

            if (!fits)
            {
                throw new QuantizationException(
                    $"Calibration batch {index}: input '{input.Name}' expects shape {input.ShapeText} but was given {givenShape}.");
            }
        }

        long count = 1;
        foreach (long size in value.Shape)
        {
            count *= size;
        }

        if (count != value.Data.LongLength)
        {
            throw new QuantizationException(
                $"Calibration batch {index}: input '{input.Name}' has shape {givenShape} ({count} elements) but {value.Data.LongLength} values were given.");
        }
    }

    private static QuantizationException UnknownInput(int index, string name, IReadOnlyList<ModelInput> expected) => new(
        $"Calibration batch {index}: the model has no input '{name}'; its inputs are {string.Join(", ", expected.Select(e => $"'{e.Name}' ({e.Description})"))}.");
}
