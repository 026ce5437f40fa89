using System.CommandLine;
using EdgeAgent.ModelKit.Packaging;
using EdgeAgent.Packaging;

namespace EdgeAgent.Kit;

/// <summary><c>package</c>: model + card → one versioned package file.</summary>
internal static class PackageCommand
{
    public static Command Create(TextWriter output)
    {
        var model = new Option<FileInfo>("--model") { Description = "the ONNX model to ship (float32 or its int8 version)", Required = true };
        var card = new Option<FileInfo?>("--card") { Description = "the model card train wrote (default: MODEL's training card, NAME.card.json beside the float model)" };
        var name = new Option<string>("--name") { Description = "package name, e.g. fd001-rul", Required = true };
        var version = new Option<string>("--version") { Description = "package version, major.minor.patch", Required = true };
        var outPath = new Option<FileInfo>("--out") { Description = "the package file to write (.eapkg)", Required = true };
        var command = new Command("package", "Bundle a model, its card (features, meaning, thresholds) and its reference profile into one package file.")
        {
            model, card, name, version, outPath,
        };
        command.SetAction(parse =>
        {
            string modelPath = parse.GetValue(model)!.FullName;
            string cardPath = parse.GetValue(card)?.FullName ?? CardFor(modelPath);
            if (!File.Exists(modelPath))
            {
                throw new KitException($"{modelPath}: the model does not exist.");
            }

            ModelPackage package = ModelCard.Read(cardPath).ToPackage(parse.GetValue(name)!, parse.GetValue(version)!, File.ReadAllBytes(modelPath));
            string target = parse.GetValue(outPath)!.FullName;
            package.Write(target);
            output.WriteLine($"wrote {target}: {package.Manifest.Name} {package.Manifest.Version}, {package.Manifest.Model.Precision}, {new FileInfo(target).Length} bytes, {package.Manifest.Features.Width} features");
            return 0;
        });
        return command;
    }

    // The card sits beside the float model; an int8 model "x.int8.onnx" uses "x.card.json".
    private static string CardFor(string modelPath)
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
}
