namespace EdgeAgent.ModelKit.Tests.Kit;

public sealed class WindowedAnomalyErrorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("edgeagent-windowed-errors-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string PathOf(string name) => Path.Combine(_dir, name);

    private string Model => PathOf("x.onnx");

    private string Samples(int count = 2000)
    {
        string path = PathOf("samples.csv");
        VibrationRecording.Write(path, count, seed: 1);
        return path;
    }

    private string Spec(string json)
    {
        string path = PathOf("spec.json");
        File.WriteAllText(path, json);
        return path;
    }

    private (int Code, string Output, string Error) Train(string samples, string spec, params string[] more) =>
        KitRunner.Run(["train", "anomaly", "--samples", samples, "--spec", spec, "--out", Model, .. more]);

    [Fact]
    public void TrainAnomaly_SpecFileMissing_ExitsOneNamingTheFile()
    {
        string missing = PathOf("nowhere.json");

        var result = Train(Samples(), missing);

        Assert.Equal(1, result.Code);
        Assert.Contains($"{missing}: the feature spec file does not exist.", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Model));
    }

    [Fact]
    public void TrainAnomaly_SpecNotJson_ExitsOneNamingFileAndLine()
    {
        string spec = Spec("{\n  \"window\": 64,\n  \"hop\": 32,\n  \"channels\": [ { \"name\": \"vib_x\", \"units\": \"g\", \"features\": [\"rms\"] ]\n}");

        var result = Train(Samples(), spec);

        Assert.Equal(1, result.Code);
        Assert.Contains($"{spec}:4: not a valid feature spec", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Model));
    }

    [Fact]
    public void TrainAnomaly_SpecWithUnknownMember_ExitsOneNamingTheMember()
    {
        string spec = Spec("""{ "window": 64, "hop": 32, "windowSeconds": 1, "channels": [ { "name": "vib_x", "units": "g", "features": ["rms"] } ] }""");

        var result = Train(Samples(), spec);

        Assert.Equal(1, result.Code);
        Assert.Contains($"{spec}:1: not a valid feature spec", result.Error, StringComparison.Ordinal);
        Assert.Contains("windowSeconds", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void TrainAnomaly_SpecWithoutChannels_ExitsOneNamingTheMissingMember()
    {
        string spec = Spec("""{ "window": 64, "hop": 32 }""");

        var result = Train(Samples(), spec);

        Assert.Equal(1, result.Code);
        Assert.Contains(spec, result.Error, StringComparison.Ordinal);
        Assert.Contains("channels", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void TrainAnomaly_SpecChannelNotInCsv_ExitsOneNamingChannelFileAndColumns()
    {
        string samples = Samples();
        string spec = Spec("""{ "window": 64, "hop": 32, "channels": [ { "name": "vib_x", "units": "g", "features": ["rms"] }, { "name": "vib_w", "units": "g", "features": ["rms"] } ] }""");

        var result = Train(samples, spec);

        Assert.Equal(1, result.Code);
        Assert.Contains(
            $"{samples}:1: the feature spec's channel(s) 'vib_w' are not columns of the header; the columns are 'timestamp', 'vib_x', 'vib_y', 'vib_z', 'temperature', 'current'.",
            result.Error,
            StringComparison.Ordinal);
        Assert.False(File.Exists(Model));
    }

    [Fact]
    public void TrainAnomaly_FeatureKindTheAgentCannotCompute_ExitsOneNamingChannelAndFeature()
    {
        string spec = Spec("""{ "window": 64, "hop": 32, "channels": [ { "name": "vib_x", "units": "g", "features": ["rms", "wavelet_energy"] } ] }""");

        var result = Train(Samples(), spec);

        Assert.Equal(1, result.Code);
        Assert.Contains($"{spec}: The model's feature spec cannot be computed: channel 'vib_x', feature 'wavelet_energy': 'wavelet_energy' is not a feature kind this agent computes", result.Error, StringComparison.Ordinal);
        Assert.Contains("band_energy:LO-HI", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void TrainAnomaly_BandAboveNyquist_ExitsOneNamingTheLimit()
    {
        string spec = Spec("""{ "window": 64, "hop": 32, "channels": [ { "name": "vib_x", "units": "g", "features": ["band_energy:2000-6000"] } ] }""");

        var result = Train(Samples(), spec, "--sample-rate", "10000");

        Assert.Equal(1, result.Code);
        Assert.Contains("feature 'band_energy:2000-6000': the band must satisfy 0 <= LO < HI <= 5000 Hz", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void TrainAnomaly_BandEnergyWithoutSampleRate_ExitsOneAskingForIt()
    {
        var result = Train(Samples(), DemoSpec.Path);

        Assert.Equal(1, result.Code);
        Assert.Contains("channel(s) 'vib_x', 'vib_y', 'vib_z' ask for band_energy, which needs the samples' rate: give it with --sample-rate HZ.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void TrainAnomaly_TooFewWindows_ExitsOneSayingHowManyAndHowManySamplesAreNeeded()
    {
        string samples = Samples(5000);

        var result = Train(samples, DemoSpec.Path, "--sample-rate", "10000");

        // (5000 − 1024) / 512 + 1 = 8 windows; 32 windows need 1024 + 31 × 512 = 16,896 samples.
        Assert.Equal(1, result.Code);
        Assert.Contains(
            $"{samples}: 5000 samples give 8 usable window(s) (0 skipped) of 1024 samples every 512; training needs at least 32 windows, that is at least 16896 samples per channel.",
            result.Error,
            StringComparison.Ordinal);
        Assert.False(File.Exists(Model));
    }

    [Fact]
    public void TrainAnomaly_SamplesWithFeatureColumnOptions_ExitsOneNamingTheConflict()
    {
        var withFeatures = Train(Samples(), DemoSpec.Path, "--features", "vib_x");
        var withPreset = Train(Samples(), DemoSpec.Path, "--preset", "ai4i");

        Assert.Equal(1, withFeatures.Code);
        Assert.Contains("--samples cannot be combined with --features:", withFeatures.Error, StringComparison.Ordinal);
        Assert.Equal(1, withPreset.Code);
        Assert.Contains("--samples cannot be combined with --preset:", withPreset.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Model));
    }

    [Fact]
    public void TrainAnomaly_ThresholdPercentileOutOfRange_ExitsOneNamingTheSetting()
    {
        var result = Train(Samples(), DemoSpec.Path, "--sample-rate", "10000", "--threshold-percentile", "150");

        Assert.Equal(1, result.Code);
        Assert.Contains("--threshold-percentile 150 is out of range: give a percentile above 0 and at most 100.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void TrainAnomaly_SampleRateNotPositive_ExitsOneNamingTheSetting()
    {
        var result = Train(Samples(), DemoSpec.Path, "--sample-rate", "0");

        Assert.Equal(1, result.Code);
        Assert.Contains("--sample-rate 0 is not a positive number of samples per second.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void TrainAnomaly_SamplesWithoutSpec_ExitsOneAskingForIt()
    {
        var result = KitRunner.Run("train", "anomaly", "--samples", Samples(), "--out", Model);

        Assert.Equal(1, result.Code);
        Assert.Contains("--samples needs --spec SPEC.json", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void TrainAnomaly_SpecWithoutSamples_ExitsOneSayingTheyGoTogether()
    {
        var result = KitRunner.Run("train", "anomaly", "--data", Samples(), "--features", "vib_x", "--spec", DemoSpec.Path, "--out", Model);

        Assert.Equal(1, result.Code);
        Assert.Contains("--spec and --sample-rate go with --samples", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void TrainAnomaly_NeitherDataNorSamples_ExitsOneNamingBoth()
    {
        var result = KitRunner.Run("train", "anomaly", "--out", Model);

        Assert.Equal(1, result.Code);
        Assert.Contains("--data FILE.csv (feature columns) or --samples FILE.csv --spec SPEC.json (raw samples)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void TrainAnomaly_SampleThatIsNotANumber_ExitsOneNamingFileLineAndColumn()
    {
        string samples = PathOf("bad.csv");
        File.WriteAllLines(samples, ["timestamp,vib_x", "0,0.1", "0.0001,", "0.0002,loose"]);
        string spec = Spec("""{ "window": 2, "hop": 1, "channels": [ { "name": "vib_x", "units": "g", "features": ["rms"] } ] }""");

        var result = Train(samples, spec);

        Assert.Equal(1, result.Code);
        Assert.Contains($"{samples}:4: column 'vib_x' holds 'loose', which is not a number", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void TrainAnomaly_SamplesWithMissingRuns_LeavesTheirWindowsOutAndCountsThem()
    {
        // Window 64 every 64 over 40 × 64 samples: 40 windows. Three missing samples in a row (more than the one
        // sample a window may interpolate) skip window 11; one missing sample is interpolated in window 21.
        string samples = PathOf("gappy.csv");
        var random = new Random(5);
        File.WriteAllLines(samples, ["vib_x,current", .. Enumerable.Range(0, 40 * 64).Select(i =>
        {
            string vib = i is >= (10 * 64) + 5 and <= (10 * 64) + 7 or (20 * 64) + 9 ? "NaN" : FormattableString.Invariant($"{Math.Sin(i * 0.3) + (0.1 * random.NextDouble()):F4}");
            return FormattableString.Invariant($"{vib},{5 + (0.1 * random.NextDouble()):F4}");
        })]);
        string spec = Spec("""{ "window": 64, "hop": 64, "channels": [ { "name": "vib_x", "units": "g", "features": ["rms", "peak"] }, { "name": "current", "units": "A", "features": ["mean"] } ] }""");

        var result = Train(samples, spec, "--threshold-percentile", "95");

        Assert.True(result.Code == 0, result.Error);
        Assert.Contains("computed 40 windows of 64 samples every 64: 39 usable (1 repaired), 1 skipped and left out; 3 features each", result.Output, StringComparison.Ordinal);
        Assert.Contains("skipped window 11: channel 'vib_x': 3 faulty samples in a row (NonFinite) exceed the interpolation limit of 1.", result.Output, StringComparison.Ordinal);
        Assert.Contains("trained on 39 windows", result.Output, StringComparison.Ordinal);
        Assert.Equal(40, File.ReadAllLines(Path.ChangeExtension(Model, ".calibration.csv")).Length);
    }
}
