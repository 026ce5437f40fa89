using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EdgeAgent.Fleet.Outbox;
using EdgeAgent.Fleet.Payloads;
using EdgeAgent.Storage;

namespace EdgeAgent.Fleet.Tests.Payloads;

public sealed class PayloadTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void PredictionBatch_WrittenAndRead_KeepsEveryField()
    {
        Prediction[] batch =
        [
            new(41, T0, "m 1", 7, 0.0423181131482124f, """{"score":0.04231811,"rul":199.9}""", 0, false),
            new(42, T0.AddMilliseconds(1000), "m 1", 8, 0.1, """{"score":0.1}""", 3, false),
            new(45, T0.AddMilliseconds(2500), "m 2", 11, double.NaN, "not json", 0, true),
        ];

        byte[] json = PredictionBatchWriter.Write("abc:9", 9, batch);
        PredictionBatch read = PayloadReader.ReadPredictions(PayloadCompression.Encode(json, 0));

        Assert.Equal("abc:9", read.MessageId);
        Assert.Equal(9, read.Sequence);
        Assert.Equal([41L, 42, 45], read.Predictions.Select(p => p.Id));
        Assert.Equal(batch.Select(p => p.Time), read.Predictions.Select(p => p.Time));
        Assert.Equal([7L, 8, 11], read.Predictions.Select(p => p.WindowId));
        Assert.Equal(0.0423181131482124f, (float)read.Predictions[0].Score!.Value); // a float score reads back as the same float
        Assert.Equal(0.1, read.Predictions[1].Score);
        Assert.Null(read.Predictions[2].Score);
        Assert.Equal([0, 3, 0], read.Predictions.Select(p => p.QualityFlags));
        Assert.Equal(["m 1", "m 1", "m 2"], read.Predictions.Select(p => p.ModelVersion));
        Assert.Equal("""{"score":0.04231811,"rul":199.9}""", read.Predictions[0].ValuesJson);
        Assert.Equal("not json", read.Predictions[2].ValuesJson);
    }

    [Fact]
    public void PredictionBatch_SteadyStream_RowsAreDeltas()
    {
        Prediction[] batch = [.. Enumerable.Range(0, 3).Select(i => new Prediction(100 + i, T0.AddSeconds(i), "m", 500 + i, 0.5, "{}", 0, false))];

        string json = Encoding.UTF8.GetString(PredictionBatchWriter.Write("e:1", 1, batch));

        Assert.Equal(
            """{"v":1,"id":"e:1","seq":1,"n":3,"first":100,"t0":1767225600000,"w0":500,"models":["m"],"rows":[[0,0,0,0.5,0,0,{}],[1,1000,1,0.5,0,0,{}],[1,1000,1,0.5,0,0,{}]]}""",
            json);
    }

    [Fact]
    public void Encode_SmallOrIncompressible_StaysAsItIs()
    {
        byte[] small = Encoding.UTF8.GetBytes("""{"v":1}""");
        byte[] random = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(Convert.ToBase64String(RandomNumberGenerator.GetBytes(24))));

        Assert.Same(small, PayloadCompression.Encode(small, 0));
        Assert.Same(small, PayloadCompression.Encode(small, null));
        Assert.Same(random, PayloadCompression.Encode(random, 0)); // gzip's own 18 bytes outweigh what it saves
    }

    [Fact]
    public void Encode_LargeJson_GzipWhenAboveTheThresholdAndSmaller()
    {
        byte[] json = Encoding.UTF8.GetBytes("[" + string.Join(',', Enumerable.Range(0, 200).Select(i => $"{{\"window\":{i},\"score\":0.5}}")) + "]");

        byte[] packed = PayloadCompression.Encode(json, 256);

        Assert.True(PayloadCompression.IsGzip(packed));
        Assert.True(packed.Length * 4 < json.Length);
        Assert.Equal(json, PayloadCompression.Decode(packed));
        Assert.Same(json, PayloadCompression.Encode(json, json.Length)); // not above the threshold
    }

    [Fact]
    public void AlertPayload_CarriesEveryTimeStampItHas()
    {
        var alert = new Alert(17, "bearing-hot", AlertSeverity.Critical, AlertState.Cleared, "bearing 2 at 92 °C", T0, null, T0.AddMinutes(5));

        using JsonDocument json = PayloadReader.Parse(AlertPayloadWriter.Write("e:3", 3, alert));

        JsonElement root = json.RootElement;
        Assert.Equal(("e:3", 3L, 17L), (root.GetProperty("id").GetString(), root.GetProperty("seq").GetInt64(), root.GetProperty("alert").GetInt64()));
        Assert.Equal(("critical", "cleared"), (root.GetProperty("severity").GetString(), root.GetProperty("state").GetString()));
        Assert.Equal("bearing 2 at 92 °C", root.GetProperty("text").GetString());
        Assert.Equal(T0.AddMinutes(5).ToUnixTimeMilliseconds(), root.GetProperty("cleared").GetInt64());
        Assert.False(root.TryGetProperty("acknowledged", out _));
    }

    [Fact]
    public void EventPayload_BodyJsonKeptAndStatusDetailsWritten()
    {
        using JsonDocument drift = PayloadReader.Parse(EventPayloadWriter.Write("e:1", 1, T0, """{"psi":[0.1,0.2]}"""));
        using JsonDocument status = PayloadReader.Parse(EventPayloadWriter.Write("e:2", 2, T0, new DeviceStatus("1.0", "m", "3", "active", "healthy")));

        Assert.Equal(0.2, drift.RootElement.GetProperty("body").GetProperty("psi")[1].GetDouble());
        Assert.Equal(("1.0", "3", "healthy"), (status.RootElement.GetProperty("agent").GetString(), status.RootElement.GetProperty("modelVersion").GetString(), status.RootElement.GetProperty("health").GetString()));
        Assert.Equal((1, "e:2", 2L), PayloadReader.ReadHeader(EventPayloadWriter.Write("e:2", 2, T0, "{}")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("""{"v":1,"id":"e:1"}""")]
    [InlineData("""{"v":1,"id":"e:1","seq":"one"}""")]
    [InlineData("""{"v":"1","id":"e:1","seq":1}""")]
    public void ReadHeader_NotAnUplinkMessage_ThrowsFormatException(string payload)
    {
        Assert.Throws<FormatException>(() => PayloadReader.ReadHeader(Encoding.UTF8.GetBytes(payload)));
    }

    [Theory]
    [InlineData("5f3a9c2e7b1d4a60:42", "5f3a9c2e7b1d4a60", 42L)]
    [InlineData("a:b:7", "a:b", 7L)]
    public void MessageId_TryParse_SplitsEpochAndSequence(string id, string epoch, long sequence)
    {
        Assert.True(MessageId.TryParse(id, out string e, out long s));
        Assert.Equal((epoch, sequence), (e, s));
        Assert.Equal(id, MessageId.Format(e, s));
        Assert.False(MessageId.TryParse("nocolon", out _, out _));
        Assert.Equal(16, MessageId.NewEpoch().Length);
    }

    [Theory]
    [InlineData("a/b", false, 10, 20)] // 1 + 1 + (2+3 topic + 2 packet id + 1 property length + 10)
    [InlineData("a/b", true, 10, 31)] // + user property id=1234: 1 + 2+2 + 2+4 = 11
    [InlineData("a/b", false, 119, 129)] // remaining length 127: one byte
    [InlineData("a/b", false, 120, 131)] // remaining length 128: two bytes
    public void Publish_PacketSize_MatchesTheMqtt5Layout(string topic, bool withId, int payload, int expected)
    {
        KeyValuePair<string, string>[] properties = withId ? [new("id", "1234")] : [];
        Assert.Equal(expected, MqttWireSize.Publish(topic, properties, payload));
    }
}
