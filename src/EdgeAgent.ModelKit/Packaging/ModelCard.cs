using System.Text.Json;
using EdgeAgent.Packaging;

namespace EdgeAgent.ModelKit.Packaging;

/// <summary>
/// What training knows about a model and a package needs: the features that feed it, the meaning of
/// its inputs and outputs, alert thresholds with their rationale, measured metrics and the reference
/// profile. <c>train</c> writes it beside the model as <c>NAME.card.json</c>; <c>package</c> reads it.
/// </summary>
public sealed record ModelCard
{
    public required string Task { get; init; }

    public required IReadOnlyList<PackageTensor> Inputs { get; init; }

    public required IReadOnlyList<PackageTensor> Outputs { get; init; }

    public required FeatureSpec Features { get; init; }

    public IReadOnlyList<AlertThreshold> Alerts { get; init; } = [];

    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    public required ReferenceProfile Profile { get; init; }

    public string Description { get; init; } = "";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The card's path for a model path: <c>model.onnx</c> → <c>model.card.json</c>.</summary>
    public static string PathFor(string modelPath) => Path.ChangeExtension(modelPath, ".card.json");

    public void Write(string path) => File.WriteAllBytes(path, JsonSerializer.SerializeToUtf8Bytes(this with
    {
        Metrics = new SortedDictionary<string, double>(Metrics.ToDictionary(), StringComparer.Ordinal),
    }, Json));

    /// <exception cref="PackageException">The card is missing or malformed.</exception>
    public static ModelCard Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new PackageException($"{path}: the model card does not exist (train writes it beside the model as NAME.card.json).");
        }

        try
        {
            return JsonSerializer.Deserialize<ModelCard>(File.ReadAllBytes(path), Json) ?? throw new PackageException($"{path}: the model card is empty.");
        }
        catch (JsonException ex)
        {
            throw new PackageException($"{path}: the model card is malformed: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Builds a package from this card and a model (the trained float model or its int8 version; the
    /// precision is read from the model).
    /// </summary>
    public ModelPackage ToPackage(string name, string version, byte[] model) => ModelPackage.Create(
        new PackageManifest
        {
            Name = name,
            Version = version,
            Task = Task,
            Description = Description,
            Model = new PackageModelFile(ModelPackage.ModelEntry, "", 0, IsQuantized(model) ? "int8-qdq" : "float32"),
            Inputs = Inputs,
            Outputs = Outputs,
            Features = Features,
            Alerts = Alerts,
            Metrics = Metrics,
        },
        model,
        Profile);

    private static bool IsQuantized(byte[] model) =>
        global::Onnx.ModelProto.Parser.ParseFrom(model).Graph.Node.Any(n => n.OpType is "QuantizeLinear" or "DequantizeLinear" or "QLinearMatMul" or "QLinearConv");
}
