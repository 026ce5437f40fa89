using System.CommandLine;
using EdgeAgent.Packaging;

namespace EdgeAgent.Kit;

/// <summary><c>inspect</c>: checks a package the way the agent will and prints what it holds.</summary>
internal static class InspectCommand
{
    public static Command Create(TextWriter output)
    {
        var file = new Argument<FileInfo>("package") { Description = "the .eapkg file" };
        var command = new Command("inspect", "Check a package as the agent does and print its manifest.") { file };
        command.SetAction(parse =>
        {
            ModelPackage p = ModelPackage.Read(parse.GetValue(file)!.FullName);
            PackageManifest m = p.Manifest;
            output.WriteLine($"{m.Name} {m.Version} ({m.Task}, {m.Model.Precision}, model {m.Model.Bytes} bytes, sha256 {m.Model.Sha256})");
            foreach (var t in m.Inputs)
            {
                output.WriteLine($"  input  {t.Name}: {t.ElementType} [{string.Join(", ", t.Shape)}]  {t.Meaning} ({t.Units})");
            }

            foreach (var t in m.Outputs)
            {
                output.WriteLine($"  output {t.Name}: {t.ElementType} [{string.Join(", ", t.Shape)}]  {t.Meaning} ({t.Units})");
            }

            output.WriteLine($"  features: window {m.Features.Window} {m.Features.StepUnit}, hop {m.Features.Hop}: {string.Join(", ", m.Features.ValueNames)}");
            foreach (var a in m.Alerts)
            {
                output.WriteLine($"  alert: {a.Output} {a.Direction} {a.Threshold:G6} ({a.Severity}): {a.Rationale}");
            }

            foreach (var (key, value) in m.Metrics)
            {
                output.WriteLine($"  metric {key} = {value:G6}");
            }

            return 0;
        });
        return command;
    }
}
