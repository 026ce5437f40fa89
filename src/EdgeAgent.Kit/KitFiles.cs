using EdgeAgent.ModelKit.Packaging;

namespace EdgeAgent.Kit;

/// <summary>Where the kit looks for a model's companion files.</summary>
internal static class KitFiles
{
    /// <summary>The card of a model: NAME.card.json beside it, or beside its float model for NAME.int8.onnx.</summary>
    public static string CardFor(string modelPath)
    {
        string card = ModelCard.PathFor(modelPath);
        if (File.Exists(card))
        {
            return card;
        }

        string stem = Path.GetFileNameWithoutExtension(modelPath);
        return stem.EndsWith(".int8", StringComparison.Ordinal)
            ? Path.Combine(Path.GetDirectoryName(modelPath)!, stem[..^5] + ".card.json")
            : card;
    }

    public static byte[] ReadModel(string path) =>
        File.Exists(path) ? File.ReadAllBytes(path) : throw new KitException($"{path}: the model does not exist.");
}
