using System.Globalization;
using Proto = global::Onnx;

namespace EdgeAgent.ModelKit.Quantization;

/// <summary>
/// Decides which ai.onnx opset the quantized model imports. QuantizeLinear/DequantizeLinear exist from
/// opset 10; a per-channel (per-axis) DequantizeLinear needs 13. A model below 13 is moved to 13 only
/// when that cannot change what any of its nodes means; otherwise weights fall back to one scale per
/// tensor (opset 10 to 12) or, below 10, the model is refused.
/// </summary>
internal static class OpsetPolicy
{
    public const int QdqOpset = 10;
    public const int PerAxisOpset = 13;

    // Opset 13 needs IR version 7; the IR version is kept, so an older one rules the move out.
    private const long PerAxisIrVersion = 7;

    // For each op, the lowest opset from which its definition up to opset 13 changed only by admitting
    // more element types or optional extras that keep old models' meaning (negative axes, optional
    // inputs, new attributes whose defaults match the old behaviour). Ops absent here (Softmax, Split,
    // Squeeze, Unsqueeze, ReduceSum, Resize... whose meaning or signature changed by 13) block the move.
    private static readonly Dictionary<string, int> StableSince = new(StringComparer.Ordinal)
    {
        ["Abs"] = 6, ["Add"] = 7, ["And"] = 7, ["ArgMax"] = 1, ["ArgMin"] = 1, ["AveragePool"] = 7,
        ["BatchNormalization"] = 9, ["Cast"] = 6, ["Ceil"] = 6, ["Clip"] = 11, ["Concat"] = 4, ["Constant"] = 1,
        ["ConstantOfShape"] = 9, ["Conv"] = 1, ["DepthToSpace"] = 1, ["Div"] = 7, ["Dropout"] = 12, ["Einsum"] = 12,
        ["Elu"] = 6, ["Equal"] = 7, ["Erf"] = 9, ["Exp"] = 6, ["Expand"] = 8, ["Flatten"] = 1, ["Floor"] = 6,
        ["Gather"] = 1, ["Gemm"] = 7, ["GlobalAveragePool"] = 1, ["GlobalMaxPool"] = 1, ["Greater"] = 7,
        ["HardSigmoid"] = 6, ["Identity"] = 1, ["InstanceNormalization"] = 6, ["LeakyRelu"] = 6, ["Less"] = 7,
        ["Log"] = 6, ["LRN"] = 1, ["MatMul"] = 1, ["Max"] = 8, ["MaxPool"] = 8, ["Mean"] = 8, ["Min"] = 8,
        ["Mul"] = 7, ["Neg"] = 6, ["Not"] = 1, ["Or"] = 7, ["Pad"] = 11, ["Pow"] = 7, ["PRelu"] = 7,
        ["Reciprocal"] = 6, ["ReduceMax"] = 1, ["ReduceMean"] = 1, ["ReduceMin"] = 1, ["Relu"] = 6, ["Reshape"] = 5,
        ["Selu"] = 6, ["Shape"] = 1, ["Sigmoid"] = 6, ["Sign"] = 9, ["Slice"] = 10, ["Softplus"] = 1,
        ["Softsign"] = 1, ["Sqrt"] = 6, ["Sub"] = 7, ["Sum"] = 8, ["Tanh"] = 6, ["Tile"] = 6, ["Transpose"] = 1,
        ["Where"] = 9,
    };

    /// <summary>The opset the quantized model will import and whether weights can be per channel.</summary>
    /// <param name="Opset">The ai.onnx opset for the quantized model.</param>
    /// <param name="PerChannel">Whether weights get one scale per channel.</param>
    /// <param name="Note">What was decided when it differs from what was asked, or null.</param>
    public readonly record struct Decision(long Opset, bool PerChannel, string? Note);

    /// <exception cref="QuantizationException">The model imports no ai.onnx opset, or one below 10 that cannot be moved to 13.</exception>
    public static Decision Decide(Proto.ModelProto model, bool perChannel)
    {
        Proto.OperatorSetIdProto? import = Find(model);
        if (import is null)
        {
            throw new QuantizationException("The model imports no ai.onnx opset, so QuantizeLinear/DequantizeLinear cannot be added to it.");
        }

        long opset = import.Version;
        bool needsMove = opset < QdqOpset || (perChannel && opset < PerAxisOpset);
        if (!needsMove)
        {
            return new Decision(opset, perChannel, null);
        }

        string? blocker = Blocker(model, opset);
        if (blocker is null)
        {
            return new Decision(PerAxisOpset, perChannel, string.Create(CultureInfo.InvariantCulture,
                $"The ai.onnx opset import was raised from {opset} to {PerAxisOpset} for {(perChannel ? "per-channel DequantizeLinear" : "QuantizeLinear/DequantizeLinear")}; no node's meaning changes between the two."));
        }

        if (opset < QdqOpset)
        {
            throw new QuantizationException(string.Create(CultureInfo.InvariantCulture,
                $"The model imports ai.onnx opset {opset}, but QuantizeLinear/DequantizeLinear need opset {QdqOpset} or later, and the import cannot safely be raised to {PerAxisOpset}: {blocker}. Re-export the model with opset {PerAxisOpset} or later."));
        }

        return new Decision(opset, false, string.Create(CultureInfo.InvariantCulture,
            $"Weights are quantized per tensor, not per channel: per-channel DequantizeLinear needs ai.onnx opset {PerAxisOpset}, the model imports {opset}, and the import cannot safely be raised: {blocker}."));
    }

    /// <summary>Sets the model's ai.onnx opset import.</summary>
    public static void Apply(Proto.ModelProto model, long opset) => Find(model)!.Version = opset;

    private static Proto.OperatorSetIdProto? Find(Proto.ModelProto model) =>
        model.OpsetImport.FirstOrDefault(o => o.Domain is "" or "ai.onnx");

    // Why the model's opset import cannot move to 13, or null when it can.
    private static string? Blocker(Proto.ModelProto model, long opset)
    {
        if (model.IrVersion < PerAxisIrVersion)
        {
            return string.Create(CultureInfo.InvariantCulture, $"the model's IR version {model.IrVersion} is older than the {PerAxisIrVersion} that opset {PerAxisOpset} needs");
        }

        if (model.Functions.Count > 0)
        {
            return "the model defines local functions, whose bodies are not checked";
        }

        foreach (string opType in GraphWalk.AllNodes(model.Graph).Where(GraphWalk.IsOnnxDomain).Select(n => n.OpType).Distinct().Order(StringComparer.Ordinal))
        {
            if (!StableSince.TryGetValue(opType, out int since) || since > opset)
            {
                return $"{opType} is not known to keep its meaning from opset {opset.ToString(CultureInfo.InvariantCulture)} to {PerAxisOpset}";
            }
        }

        return null;
    }
}
