using EdgeAgent.Mqtt.Topics;

namespace EdgeAgent.Mqtt.Tests.Topics;

public sealed class MqttTopicTests
{
    [Theory]
    [InlineData("edge/fleet1/dev1/status")]
    [InlineData("a")]
    [InlineData("/leading/slash")]
    [InlineData("$SYS-like/but/allowed")]
    public void IsValidTopicName_PlainTopic_IsValid(string topic)
    {
        Assert.True(MqttTopic.IsValidTopicName(topic, out string? problem), problem);
    }

    [Theory]
    [InlineData("edge/#", "wildcard '#'")]
    [InlineData("edge/+/status", "wildcard '+'")]
    [InlineData("", "empty")]
    [InlineData("a\0b", "null character")]
    public void IsValidTopicName_BadTopic_SaysWhy(string topic, string expected)
    {
        Assert.False(MqttTopic.IsValidTopicName(topic, out string? problem));
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void IsValidTopicName_LoneSurrogate_IsInvalid()
    {
        Assert.False(MqttTopic.IsValidTopicName("a\uD800b", out string? problem));
        Assert.Contains("Unicode", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void IsValidTopicName_Over65535Bytes_IsInvalid()
    {
        Assert.False(MqttTopic.IsValidTopicName(new string('é', 40_000), out string? problem));
        Assert.Contains("80000 bytes", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("#")]
    [InlineData("edge/#")]
    [InlineData("edge/+/status")]
    [InlineData("+")]
    [InlineData("+/+/#")]
    public void IsValidTopicFilter_WellFormedFilter_IsValid(string filter)
    {
        Assert.True(MqttTopic.IsValidTopicFilter(filter, out string? problem), problem);
    }

    [Theory]
    [InlineData("edge/#/status", "'#' must be the last level")]
    [InlineData("edge#", "'#' must be the last level")]
    [InlineData("edge/st+", "'+' must fill a whole level")]
    [InlineData("", "empty")]
    public void IsValidTopicFilter_MalformedFilter_SaysWhy(string filter, string expected)
    {
        Assert.False(MqttTopic.IsValidTopicFilter(filter, out string? problem));
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("edge/+/status", "edge/dev1/status", true)]
    [InlineData("edge/+/status", "edge/dev1/alerts", false)]
    [InlineData("edge/#", "edge", true)]
    [InlineData("edge/#", "edge/a/b/c", true)]
    [InlineData("edge/+", "edge/a/b", false)]
    [InlineData("#", "$SYS/broker/uptime", false)]
    [InlineData("+/broker", "$SYS/broker", false)]
    [InlineData("$SYS/#", "$SYS/broker/uptime", true)]
    [InlineData("a/b", "a/b", true)]
    [InlineData("a/b", "a/b/c", false)]
    public void Matches_FollowsMqttRules(string filter, string topic, bool expected)
    {
        Assert.Equal(expected, MqttTopic.Matches(filter, topic));
    }
}
