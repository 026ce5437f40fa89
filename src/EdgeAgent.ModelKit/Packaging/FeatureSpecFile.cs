using System.Text.Json;
using System.Text.Json.Serialization;
using EdgeAgent.Features.Computation;
using EdgeAgent.ModelKit.Data;
using EdgeAgent.Packaging;

namespace EdgeAgent.ModelKit.Packaging;

/// <summary>
/// A <see cref="FeatureSpec"/> on its own in a JSON file, in the shape a package's manifest gives its <c>features</c>
/// member (camelCase; unknown members, missing required members and nulls are refused), so a spec can be written
/// once and used to train and to package. Sample rates are not part of the spec: the agent takes them from its
/// sensor channels, the kit from the command line.
/// </summary>
public static class FeatureSpecFile
{
    private const string Shape =
        "A feature spec is a JSON object with window, hop, channels ([{\"name\", \"units\", \"features\": [...]}]) and optionally stepUnit, padding and derived.";

    // The options the package format reads its manifest with (EdgeAgent.Packaging's internal PackageJson.Options).
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        NumberHandling = JsonNumberHandling.Strict,
    };

    /// <summary>Reads a spec file.</summary>
    /// <exception cref="DataFormatException">The file is missing, is not JSON, or is not a feature spec; the message names the file and, where known, the line.</exception>
    public static FeatureSpec Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new DataFormatException(path, 0, "the feature spec file does not exist.");
        }

        try
        {
            return JsonSerializer.Deserialize<FeatureSpec>(File.ReadAllBytes(path), Json)
                ?? throw new DataFormatException(path, 1, "the file holds null, not a feature spec.");
        }
        catch (JsonException ex)
        {
            int line = ex.LineNumber is long l ? (int)l + 1 : 0;
            throw new DataFormatException(path, line, $"not a valid feature spec ({Where(ex)}): {Problem(ex)} {Shape}");
        }
    }

    /// <summary>Writes a spec file that <see cref="Read"/> reads back equal.</summary>
    public static void Write(string path, FeatureSpec spec)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(spec);
        File.WriteAllBytes(path, JsonSerializer.SerializeToUtf8Bytes(spec, Json));
    }

    /// <summary>The spec as JSON text, as a package's manifest writes its features.</summary>
    public static string ToJson(FeatureSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return JsonSerializer.Serialize(spec, Json);
    }

    /// <summary>
    /// Compiles a spec read from <paramref name="path"/> as the agent will, with the channels' sample rates, and
    /// also refuses what a package would refuse: a channel that asks for no features and feeds no derived value.
    /// </summary>
    /// <exception cref="DataFormatException">The agent cannot compute the spec; the message names the file, channel and feature.</exception>
    public static FeaturePlan Compile(string path, FeatureSpec spec, IReadOnlyDictionary<string, double> sampleRates)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(sampleRates);
        FeaturePlan plan;
        try
        {
            plan = FeaturePlan.Create(spec, sampleRates);
        }
        catch (FeatureSpecException ex)
        {
            throw new DataFormatException(path, 0, ex.Message);
        }

        HashSet<string> operands = [.. spec.Derived.SelectMany(d => new[] { d.A, d.B })];
        foreach (ChannelFeatures channel in spec.Channels.Where(c => c.Features.Count == 0 && !operands.Contains(c.Name)))
        {
            throw new DataFormatException(path, 0, $"channel '{channel.Name}' asks for no features and feeds no derived value; a package would be refused.");
        }

        return plan;
    }

    private static string Where(JsonException ex) =>
        ex.Path is null or "" or "$" ? "at the top level" : $"at {ex.Path}";

    // System.Text.Json appends " Path: ... | LineNumber: ... | BytePositionInLine: ..." which the message already says.
    private static string Problem(JsonException ex)
    {
        int at = ex.Message.IndexOf(" Path: ", StringComparison.Ordinal);
        return at > 0 ? ex.Message[..at] : ex.Message;
    }
}
