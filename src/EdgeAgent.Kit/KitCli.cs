using System.CommandLine;
using EdgeAgent.Inference;
using EdgeAgent.ModelKit.Data;
using EdgeAgent.Packaging;

namespace EdgeAgent.Kit;

/// <summary>The edgeagent-kit command line: one verb per step of making a model package.</summary>
internal static class KitCli
{
    /// <summary>Runs the command line; exit status 0 on success, 1 for bad input data or models, 2 for bad usage.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("edgeagent-kit: train, quantize, evaluate and package predictive-maintenance models for EdgeAgent.")
        {
            TrainCommand.Create(output),
            QuantizeCommand.Create(output),
            EvaluateCommand.Create(output),
            PackageCommand.Create(output),
            InspectCommand.Create(output),
        };
        ParseResult parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors)
            {
                error.WriteLine($"error: {e.Message}");
            }

            error.WriteLine("Run 'edgeagent-kit --help' for usage.");
            return 2;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex) when (ex is DataFormatException or PackageException or ModelLoadException or InferenceInputException or KitException or IOException)
        {
            error.WriteLine($"error: {ex.Message}");
            return 1;
        }
    }
}
