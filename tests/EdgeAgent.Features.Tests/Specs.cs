using EdgeAgent.Packaging;

namespace EdgeAgent.Features.Tests;

/// <summary>Feature specs for tests.</summary>
internal static class Specs
{
    public static FeatureSpec One(string channel, int window, int hop, params string[] features) => new()
    {
        Window = window,
        Hop = hop,
        Channels = [new ChannelFeatures(channel, "u", features)],
    };

    public static FeatureSpec Channels(int window, int hop, string padding, params string[] channels) => new()
    {
        Window = window,
        Hop = hop,
        Padding = padding,
        Channels = [.. channels.Select(c => new ChannelFeatures(c, "u", ["last"]))],
    };
}
