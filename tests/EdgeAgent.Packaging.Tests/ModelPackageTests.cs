using System.IO.Compression;
using System.Text;

namespace EdgeAgent.Packaging.Tests;

public sealed class ModelPackageTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("edgeagent-pkg-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string PathOf(string name) => Path.Combine(_dir, name);

    // Rewrites one entry of a written package.
    private string Tamper(string entry, Func<byte[], byte[]> change)
    {
        string path = PathOf("tampered.eapkg");
        SamplePackage.Create().Write(path);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        ZipArchiveEntry old = zip.GetEntry(entry)!;
        byte[] content;
        using (var s = old.Open())
        using (var m = new MemoryStream())
        {
            s.CopyTo(m);
            content = m.ToArray();
        }

        old.Delete();
        using var w = zip.CreateEntry(entry).Open();
        w.Write(change(content));
        return path;
    }

    [Fact]
    public void WriteThenRead_ValidPackage_RoundTripsEverything()
    {
        ModelPackage created = SamplePackage.Create();
        string path = PathOf("pump.eapkg");

        created.Write(path);
        ModelPackage read = ModelPackage.Read(path);

        Assert.Equal(created.Model, read.Model);
        Assert.Equal("1.2.3", read.Manifest.Version);
        Assert.Equal(64, read.Manifest.Model.Sha256.Length);
        Assert.Equal(created.Model.LongLength, read.Manifest.Model.Bytes);
        Assert.Equal(["vib_x.rms", "vib_x.kurtosis", "temp.mean", "temp.slope"], read.Manifest.Features.ValueNames);
        Assert.Equal(0.93, read.Manifest.Metrics["rocAuc"]);
        Assert.Equal(created.Profile.Features[2].Quantiles, read.Profile.Features[2].Quantiles);
        Assert.Equal(3.5, Assert.Single(read.Manifest.Alerts).Threshold);
    }

    [Fact]
    public void Write_SamePackageTwice_GivesIdenticalBytes()
    {
        SamplePackage.Create().Write(PathOf("a.eapkg"));
        SamplePackage.Create().Write(PathOf("b.eapkg"));

        Assert.Equal(File.ReadAllBytes(PathOf("a.eapkg")), File.ReadAllBytes(PathOf("b.eapkg")));
    }

    [Fact]
    public void Create_DeclaredInputNotInModel_IsRefusedNamingBoth()
    {
        byte[] model = SamplePackage.Model(input: "window");

        var ex = Assert.Throws<PackageException>(() => ModelPackage.Create(SamplePackage.Manifest(), model, SamplePackage.Profile(SamplePackage.Manifest().Features)));

        Assert.Contains("declares inputs (features float32 [batch, 4]) but the model has (window float32 [batch, 4])", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_ModelWidthDiffersFromFeatureSpec_IsRefused()
    {
        PackageManifest manifest = SamplePackage.Manifest() with { Inputs = [new PackageTensor("features", "float32", ["batch", "5"], "window features", "mixed")] };

        var ex = Assert.Throws<PackageException>(() => ModelPackage.Create(manifest, SamplePackage.Model(width: 5), SamplePackage.Profile(manifest.Features)));

        Assert.Contains("takes 5 values per window but the feature spec yields 4", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_DeclaredElementTypeOrShapeWrong_IsRefused()
    {
        PackageManifest wrongType = SamplePackage.Manifest() with { Inputs = [new PackageTensor("features", "float64", ["batch", "4"], "", "")] };
        PackageManifest fixedBatch = SamplePackage.Manifest() with { Inputs = [new PackageTensor("features", "float32", ["1", "4"], "", "")] };
        var profile = SamplePackage.Profile(SamplePackage.Manifest().Features);

        Assert.Contains("float64", Assert.Throws<PackageException>(() => ModelPackage.Create(wrongType, SamplePackage.Model(), profile)).Message, StringComparison.Ordinal);
        Assert.Contains("[1, 4]", Assert.Throws<PackageException>(() => ModelPackage.Create(fixedBatch, SamplePackage.Model(), profile)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_UnknownFeatureBadVersionAndBadAlert_ListsEveryProblem()
    {
        PackageManifest manifest = SamplePackage.Manifest() with
        {
            Version = "1.2",
            Features = SamplePackage.Manifest().Features with { Channels = [new ChannelFeatures("vib_x", "g", ["rms", "wavelet"]), new ChannelFeatures("temp", "degC", ["mean", "slope"])] },
            Alerts = [new AlertThreshold("rul", "sideways", 1, "panic", "")],
        };

        var ex = Assert.Throws<PackageException>(() => ModelPackage.Create(manifest, SamplePackage.Model(), SamplePackage.Profile(manifest.Features)));

        Assert.Contains("version '1.2' must be major.minor.patch", ex.Message, StringComparison.Ordinal);
        Assert.Contains("feature 'wavelet', which is unknown", ex.Message, StringComparison.Ordinal);
        Assert.Contains("alert on 'rul' names no declared output", ex.Message, StringComparison.Ordinal);
        Assert.Contains("direction 'sideways'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("severity 'panic'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_ProfileForOtherFeatures_IsRefused()
    {
        var profile = new ReferenceProfile { Features = [ValueProfile.Of("vib_x.rms", [1.0, 2.0])] };

        var ex = Assert.Throws<PackageException>(() => ModelPackage.Create(SamplePackage.Manifest(), SamplePackage.Model(), profile));

        Assert.Contains("the reference profile covers (vib_x.rms)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ModelSwappedAfterSigning_IsRefusedByHash()
    {
        string path = Tamper(ModelPackage.ModelEntry, _ => SamplePackage.Model(width: 4, input: "features").Concat(new byte[] { 0 }).ToArray());

        var ex = Assert.Throws<PackageException>(() => ModelPackage.Read(path));

        Assert.Contains("model.onnx does not match the manifest", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MalformedManifest_SaysWhichEntryAndWhy()
    {
        string truncated = Tamper(ModelPackage.ManifestEntry, b => b[..(b.Length / 2)]);
        Assert.Contains("manifest.json is malformed", Assert.Throws<PackageException>(() => ModelPackage.Read(truncated)).Message, StringComparison.Ordinal);

        string unknownField = Tamper(ModelPackage.ManifestEntry, b => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(b).Replace("\"task\":", "\"colour\": \"red\",\n  \"task\":", StringComparison.Ordinal)));
        Assert.Contains("colour", Assert.Throws<PackageException>(() => ModelPackage.Read(unknownField)).Message, StringComparison.Ordinal);

        string noName = Tamper(ModelPackage.ManifestEntry, b => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(b).Replace("\"name\": \"pump-anomaly\",", "", StringComparison.Ordinal)));
        Assert.Contains("name", Assert.Throws<PackageException>(() => ModelPackage.Read(noName)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NotAZipOrMissingEntry_IsRefused()
    {
        File.WriteAllText(PathOf("text.eapkg"), "hello");
        Assert.Contains("not a model package", Assert.Throws<PackageException>(() => ModelPackage.Read(PathOf("text.eapkg"))).Message, StringComparison.Ordinal);

        using (var zip = ZipFile.Open(PathOf("empty.eapkg"), ZipArchiveMode.Create))
        {
            zip.CreateEntry("readme.txt");
        }

        Assert.Contains("has no manifest.json", Assert.Throws<PackageException>(() => ModelPackage.Read(PathOf("empty.eapkg"))).Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", Assert.Throws<PackageException>(() => ModelPackage.Read(PathOf("none.eapkg"))).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("band_energy:100-500", 512, true)]
    [InlineData("band_energy:500-100", 512, false)]
    [InlineData("band_energy:100", 512, false)]
    [InlineData("ewma:0.1", 30, true)]
    [InlineData("ewma:1.5", 30, false)]
    [InlineData("recent_mean:5", 30, true)]
    [InlineData("recent_mean:50", 30, false)]
    [InlineData("slope", 1, false)]
    [InlineData("rms:2", 30, false)]
    public void FeatureKinds_IsValid_ChecksKindAndParameter(string feature, int window, bool valid)
    {
        Assert.Equal(valid, FeatureKinds.IsValid(feature, window));
    }

    [Theory]
    [InlineData("1.2.3", "1.10.0", -1)]
    [InlineData("2.0.0", "1.99.99", 1)]
    [InlineData("1.0.0", "1.0.0", 0)]
    public void PackageVersion_Compare_IsNumeric(string a, string b, int sign)
    {
        Assert.True(PackageVersion.TryParse(a, out var va));
        Assert.True(PackageVersion.TryParse(b, out var vb));
        Assert.Equal(sign, Math.Sign(va.CompareTo(vb)));
    }

    [Fact]
    public void ValueProfile_Of_GivesQuantilesAndHistogramOfTheData()
    {
        double[] values = [.. Enumerable.Range(0, 101).Select(i => (double)i)];

        ValueProfile p = ValueProfile.Of("x", values, bins: 10);

        Assert.Equal(50, p.Quantiles[5]);
        Assert.Equal(1, p.Quantiles[1], 9);
        Assert.Equal(101, p.BinCounts.Sum());
        Assert.Equal(11, p.BinCounts[^1]);
        Assert.Equal(0, p.BinEdges[0]);
        Assert.Equal(100, p.BinEdges[^1]);
    }
}
