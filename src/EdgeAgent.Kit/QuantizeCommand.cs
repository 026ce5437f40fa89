using System.CommandLine;
using EdgeAgent.Inference;
using EdgeAgent.ModelKit.Quantization;

namespace EdgeAgent.Kit;

/// <summary><c>quantize</c>: static int8 quantization in QDQ form with calibration data.</summary>
internal static class QuantizeCommand
{
    public static Command Create(TextWriter output)
    {
        var model = new Option<FileInfo>("--model") { Description = "the float32 ONNX model (any, not only the kit's)", Required = true };
        var outPath = new Option<FileInfo>("--out") { Description = "where to write the int8 model", Required = true };
        var calibration = new Option<FileInfo?>("--calibration") { Description = "CSV of input rows that look like service data (train writes NAME.calibration.csv)" };
        var columns = new Option<string[]>("--columns") { Description = "the CSV columns that form an input row, in order (default: all)", AllowMultipleArgumentsPerToken = true };
        var synthetic = new Option<int>("--synthetic") { Description = "calibrate on N standard-normal rows instead (when no data exists; less accurate)" };
        var activations = new Option<string>("--activations") { Description = "uint8 (asymmetric) or int8 (symmetric)", DefaultValueFactory = _ => "uint8" };
        activations.AcceptOnlyFromAmong("uint8", "int8");
        var method = new Option<string>("--method") { Description = "calibration: minmax or percentile", DefaultValueFactory = _ => "minmax" };
        method.AcceptOnlyFromAmong("minmax", "percentile");
        var percentile = new Option<double>("--percentile") { Description = "percentile for --method percentile", DefaultValueFactory = _ => 99.99 };
        var perTensor = new Option<bool>("--per-tensor") { Description = "one scale per weight tensor instead of per output channel" };
        var command = new Command("quantize", "Quantize a float32 ONNX model to int8 (QDQ): per-channel symmetric int8 weights, calibrated activations.")
        {
            model, outPath, calibration, columns, synthetic, activations, method, percentile, perTensor,
        };
        command.SetAction(parse =>
        {
            string modelPath = parse.GetValue(model)!.FullName;
            using var engine = InferenceEngine.Load(modelPath);
            if (engine.Model.Inputs.Count != 1 || engine.Model.Inputs[0].Shape.Count != 2 || engine.Model.Inputs[0].Shape[1].Size is not long width)
            {
                throw new KitException($"{modelPath}: the command line quantizes models with one input of shape [batch, N]; this one takes {string.Join(", ", engine.Model.Inputs)}. Use the library API for others.");
            }

            string input = engine.Model.Inputs[0].Name;
            CalibrationData data = (parse.GetValue(calibration), parse.GetValue(synthetic)) switch
            {
                ({ } csv, 0) => CalibrationSource.FromCsv(csv.FullName, input, parse.GetValue(columns)),
                (null, > 0 and var n) => CalibrationSource.Synthetic(input, (int)width, n, seed: 1),
                _ => throw new KitException("give calibration data: either --calibration FILE.csv or --synthetic N."),
            };
            var options = new QuantizationOptions
            {
                ActivationType = parse.GetValue(activations) == "int8" ? ActivationType.Int8Symmetric : ActivationType.UInt8Asymmetric,
                Calibration = parse.GetValue(method) == "percentile" ? CalibrationMethod.Percentile : CalibrationMethod.MinMax,
                Percentile = parse.GetValue(percentile),
                PerChannel = !parse.GetValue(perTensor),
            };
            string target = parse.GetValue(outPath)!.FullName;
            QuantizationResult result = StaticQuantizer.QuantizeFile(modelPath, target, data, options);
            output.WriteLine($"calibrated on {result.CalibrationBatches} batches; {result.Weights.Count} weight tensors and {result.Activations.Count} activations quantized");
            foreach (var w in result.Weights)
            {
                output.WriteLine($"  weight {w.InitializerName}: max |w| {w.MaxAbsWeight:G4}, max error {w.MaxAbsError:G3}, rms error {w.RmsError:G3}");
            }

            foreach (var note in result.Notes)
            {
                output.WriteLine($"  note: {note}");
            }

            output.WriteLine($"wrote {target} ({new FileInfo(target).Length} bytes; float model {new FileInfo(modelPath).Length} bytes)");
            return 0;
        });
        return command;
    }
}
