using System.Text.Json;
using System.Text.Json.Serialization;

namespace EdgeAgent.Packaging;

/// <summary>How package JSON is written and read: camelCase, indented, strict about unknown members.</summary>
internal static class PackageJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        NumberHandling = JsonNumberHandling.Strict,
    };
}
