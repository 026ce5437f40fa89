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
            string cardPath = parse.GetValue(card)?.FullName ?? KitFiles.CardFor(modelPath);
            byte[] bytes = KitFiles.ReadModel(modelPath);
            ModelPackage package = ModelCard.Read(cardPath).ToPackage(parse.GetValue(name)!, parse.GetValue(version)!, bytes);
            string target = parse.GetValue(outPath)!.FullName;
            package.Write(target);
            output.WriteLine($"wrote {target}: {package.Manifest.Name} {package.Manifest.Version}, {package.Manifest.Model.Precision}, {new FileInfo(target).Length} bytes, {package.Manifest.Features.Width} features");
            return 0;
        });
        return command;
    }
}
