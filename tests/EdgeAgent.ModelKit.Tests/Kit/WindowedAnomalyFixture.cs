using System.Globalization;
using System.Text.RegularExpressions;

namespace EdgeAgent.ModelKit.Tests.Kit;

/// <summary>
/// Trains, quantizes, packages and inspects once through the command line: an anomaly model on 20 s of healthy
/// 10 kHz samples of the demo machine, windowed as deploy/demo/vibration-features.json declares.
/// </summary>
public sealed partial class WindowedAnomalyFixture : IDisposable
{
    public const int TrainingSamples = 200_000;

    public WindowedAnomalyFixture()
    {
        Samples = PathOf("healthy.csv");
        VibrationRecording.Write(Samples, TrainingSamples, seed: 1);
        Train = KitRunner.Run("train", "anomaly", "--samples", Samples, "--spec", DemoSpec.Path, "--sample-rate", "10000", "--out", Model, "--seed", "7");
        Quantize = KitRunner.Run("quantize", "--model", Model, "--calibration", Path.ChangeExtension(Model, ".calibration.csv"), "--out", Int8);
        Package = KitRunner.Run("package", "--model", Int8, "--name", "demo-bearing", "--version", "1.0.0", "--out", PackagePath);
        Inspect = KitRunner.Run("inspect", PackagePath);
    }

    public string Dir { get; } = Directory.CreateTempSubdirectory("edgeagent-windowed-").FullName;

    public string Samples { get; }

    public string Model => PathOf("bearing.onnx");

    public string Int8 => PathOf("bearing.int8.onnx");

    public string PackagePath => PathOf("bearing.eapkg");

    public (int Code, string Output, string Error) Train { get; }

    public (int Code, string Output, string Error) Quantize { get; }

    public (int Code, string Output, string Error) Package { get; }

    public (int Code, string Output, string Error) Inspect { get; }

    /// <summary>The training time the kit printed, in seconds.</summary>
    public double TrainingSeconds => double.Parse(TrainedIn().Match(Train.Output).Groups[1].Value, CultureInfo.InvariantCulture);

    public string PathOf(string name) => Path.Combine(Dir, name);

    public void Dispose() => Directory.Delete(Dir, recursive: true);

    [GeneratedRegex(@"trained on \d+ windows in ([0-9.]+) s")]
    private static partial Regex TrainedIn();
}
