using System.Text;
using EdgeAgent.Sensing.Mqtt;

namespace EdgeAgent.Sensing.Tests.Mqtt;

public sealed class MqttPayloadTests
{
    [Theory]
    [InlineData("0.123", null, 0.123)]
    [InlineData(" -4e2\n", null, -400)]
    [InlineData("{\"v\": 1.5}", null, 1.5)]
    [InlineData("{\"t\": \"2026-12-02T10:00:00.123Z\", \"v\": 2}", null, 2)]
    [InlineData("{\"t\": \"2026-12-02T10:00:00.123Z\", \"values\": {\"vib_x\": 0.25}}", "values.vib_x", 0.25)]
    [InlineData("{\"temperature\": 21}", "temperature", 21)]
    public void Read_WellFormedPayload_GivesTheValue(string payload, string? field, double expected)
    {
        var values = new double[1];

        string? problem = MqttPayload.Read(Encoding.UTF8.GetBytes(payload), [field?.Split('.')], values, out _);

        Assert.Null(problem);
        Assert.Equal(expected, values[0]);
    }

    [Fact]
    public void Read_TimeWithOffset_IsGivenInUtc()
    {
        MqttPayload.Read("{\"t\": \"2026-12-02T11:00:00+01:00\", \"v\": 1}"u8.ToArray(), [null], new double[1], out DateTimeOffset? time);

        Assert.Equal(new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero), time);
    }

    [Theory]
    [InlineData("", null, "the payload is empty")]
    [InlineData("high", null, "the payload is neither JSON nor a number")]
    [InlineData("NaN", null, "the payload is neither JSON nor a number")]
    [InlineData("[1, 2]", null, "the payload is a JSON array, not a number or an object")]
    [InlineData("\"1.5\"", null, "the payload is a JSON string, not a number or an object")]
    [InlineData("{\"value\": 1}", null, "there is no field 'v'")]
    [InlineData("{\"v\": \"1.5\"}", null, "field 'v' is a JSON string, not a number")]
    [InlineData("{\"v\": 1e999}", null, "field 'v' is a number out of range")]
    [InlineData("{\"values\": {\"vib_y\": 1}}", "values.vib_x", "there is no field 'values.vib_x'")]
    [InlineData("{\"values\": 3}", "values.vib_x", "there is no field 'values.vib_x'")]
    [InlineData("3", "values.vib_x", "the payload is a bare number, but a channel reads field 'values.vib_x'")]
    [InlineData("{\"t\": \"yesterday\", \"v\": 1}", null, "field 't' is not an ISO 8601 time such as 2026-12-02T10:00:00.123Z")]
    [InlineData("{\"t\": 1764669600, \"v\": 1}", null, "field 't' is not an ISO 8601 time such as 2026-12-02T10:00:00.123Z")]
    public void Read_MalformedPayload_SaysWhyAndGivesNaN(string payload, string? field, string expected)
    {
        var values = new double[1];

        string? problem = MqttPayload.Read(Encoding.UTF8.GetBytes(payload), [field?.Split('.')], values, out _);

        Assert.Equal(expected, problem);
        Assert.True(double.IsNaN(values[0]));
    }

    [Fact]
    public void Read_OneFieldMissing_StillGivesTheOthers()
    {
        var values = new double[2];

        string? problem = MqttPayload.Read("{\"values\": {\"vib_x\": 0.5}}"u8.ToArray(), [["values", "vib_x"], ["values", "vib_y"]], values, out _);

        Assert.Equal("there is no field 'values.vib_y'", problem);
        Assert.Equal(0.5, values[0]);
        Assert.True(double.IsNaN(values[1]));
    }
}
