using System.Text.Json.Serialization;

namespace EdgeAgent.Benchmarks;

/// <summary>Source-generated JSON for <see cref="BenchReport"/>.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(BenchReport))]
internal sealed partial class BenchJsonContext : JsonSerializerContext;
