using System.Text.Json;
using System.Text.Json.Serialization;

namespace EdgeAgent.LocalPage;

/// <summary>Source-generated JSON for every body the page serves: camelCase, enums as names.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(AgentStatusSnapshot))]
[JsonSerializable(typeof(AlertsResponse))]
[JsonSerializable(typeof(TrendResponse))]
[JsonSerializable(typeof(AckResponse))]
[JsonSerializable(typeof(ApiError))]
internal sealed partial class LocalPageJsonContext : JsonSerializerContext;
