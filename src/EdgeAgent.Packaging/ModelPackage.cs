using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;

namespace EdgeAgent.Packaging;

/// <summary>
/// A model package (<c>.eapkg</c>): one zip file holding <c>manifest.json</c>, <c>model.onnx</c> and
/// <c>profile.json</c>. Reading checks the whole package (format, hash, declared inputs and outputs
/// against the model, features, profile) before anything of it is used.
/// </summary>
public sealed class ModelPackage
{
    public const string ManifestEntry = "manifest.json";
    public const string ModelEntry = "model.onnx";
    public const string ProfileEntry = "profile.json";

    /// <summary>Cap on any entry, so a hostile package cannot exhaust memory (256 MiB).</summary>
    public const long MaxEntryBytes = 256L * 1024 * 1024;

    private static readonly DateTimeOffset FixedTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private ModelPackage(PackageManifest manifest, byte[] model, ReferenceProfile profile, string source)
    {
        Manifest = manifest;
        Model = model;
        Profile = profile;
        Source = source;
    }

    public PackageManifest Manifest { get; }

    /// <summary>The ONNX model bytes.</summary>
    public byte[] Model { get; }

    public ReferenceProfile Profile { get; }

    /// <summary>Where the package came from.</summary>
    public string Source { get; }

    /// <summary>
    /// Makes a package: fills in the model's hash and length, checks everything, and returns it.
    /// </summary>
    /// <exception cref="PackageException">Something does not agree; the message lists every problem.</exception>
    public static ModelPackage Create(PackageManifest manifest, byte[] model, ReferenceProfile profile)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(model);
        PackageManifest filled = manifest with
        {
            Model = manifest.Model with { File = ModelEntry, Sha256 = Sha256(model), Bytes = model.LongLength },
            Metrics = new SortedDictionary<string, double>(manifest.Metrics.ToDictionary(), StringComparer.Ordinal),
        };
        PackageValidator.Validate(filled, model, profile, $"package {manifest.Name} {manifest.Version}");
        return new ModelPackage(filled, model, profile, "(new)");
    }

    /// <summary>Writes the package; the same package always gives the same bytes.</summary>
    public void Write(string path)
    {
        string temp = path + ".tmp";
        using (var file = File.Create(temp))
        {
            Write(file);
        }

        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Writes the package to a stream.</summary>
    public void Write(Stream stream)
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        Add(zip, ManifestEntry, JsonSerializer.SerializeToUtf8Bytes(Manifest, PackageJson.Options));
        Add(zip, ModelEntry, Model);
        Add(zip, ProfileEntry, JsonSerializer.SerializeToUtf8Bytes(Profile, PackageJson.Options));
    }

    /// <summary>Reads and checks a package file.</summary>
    /// <exception cref="PackageException">The file is not a valid package, or its parts disagree.</exception>
    public static ModelPackage Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new PackageException($"{path}: the package file does not exist.");
        }

        using var stream = File.OpenRead(path);
        return Read(stream, path);
    }

    /// <summary>Reads and checks a package from a stream.</summary>
    public static ModelPackage Read(Stream stream, string source)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException ex)
        {
            throw new PackageException($"{source}: not a model package (not a zip file: {ex.Message}).", ex);
        }

        using (zip)
        {
            PackageManifest manifest = Json<PackageManifest>(Entry(zip, ManifestEntry, source), ManifestEntry, source);
            byte[] model = Entry(zip, ModelEntry, source);
            ReferenceProfile profile = Json<ReferenceProfile>(Entry(zip, ProfileEntry, source), ProfileEntry, source);
            if (manifest.Model is null)
            {
                throw new PackageException($"{source}: {ManifestEntry} has no 'model' section.");
            }

            string hash = Sha256(model);
            if (!string.Equals(hash, manifest.Model.Sha256, StringComparison.Ordinal) || model.LongLength != manifest.Model.Bytes)
            {
                throw new PackageException(
                    $"{source}: {ModelEntry} does not match the manifest (SHA-256 {hash}, {model.LongLength} bytes; the manifest says {manifest.Model.Sha256}, {manifest.Model.Bytes} bytes).");
            }

            PackageValidator.Validate(manifest, model, profile, source);
            return new ModelPackage(manifest, model, profile, source);
        }
    }

    private static byte[] Entry(ZipArchive zip, string name, string source)
    {
        ZipArchiveEntry entry = zip.GetEntry(name) ?? throw new PackageException(
            $"{source}: the package has no {name} (it has {string.Join(", ", zip.Entries.Select(e => e.FullName))}).");
        if (entry.Length > MaxEntryBytes)
        {
            throw new PackageException($"{source}: {name} is {entry.Length} bytes, over the {MaxEntryBytes}-byte cap.");
        }

        using Stream s = entry.Open();
        using var buffer = new MemoryStream((int)entry.Length);
        try
        {
            s.CopyTo(buffer);
        }
        catch (InvalidDataException ex)
        {
            throw new PackageException($"{source}: {name} is damaged ({ex.Message}).", ex);
        }

        return buffer.ToArray();
    }

    private static T Json<T>(byte[] bytes, string name, string source)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(bytes, PackageJson.Options) ?? throw new PackageException($"{source}: {name} is empty.");
        }
        catch (JsonException ex)
        {
            throw new PackageException($"{source}: {name} is malformed: {ex.Message}", ex);
        }
    }

    private static void Add(ZipArchive zip, string name, byte[] content)
    {
        ZipArchiveEntry entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = FixedTime;
        using Stream s = entry.Open();
        s.Write(content);
    }

    private static string Sha256(byte[] data) => Convert.ToHexStringLower(SHA256.HashData(data));
}
