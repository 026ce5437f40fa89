namespace EdgeAgent.Fleet.Outbox;

/// <summary>Where the publisher is in one stream during this run.</summary>
internal sealed class StreamCursor
{
    /// <summary>The highest sequence number handed over (or skipped as in flight); null until the first fetch, which starts at the oldest pending row.</summary>
    public long? LastHanded { get; set; }

    /// <summary>When the broker last refused one of the stream's messages; while set, nothing of the stream goes until <see cref="UplinkOptions.RetryDelay"/> passed.</summary>
    public long? HeldSince { get; set; }

    /// <summary>After a hold: one message at a time until the broker acknowledges one.</summary>
    public bool Probing { get; set; }

    /// <summary>The stream's messages in flight.</summary>
    public int InFlight { get; set; }

    /// <summary>Refusals since the last acknowledgement.</summary>
    public int Refusals { get; set; }

    /// <summary>The stream's name makes no valid topic; it is skipped for the rest of the run.</summary>
    public bool Unpublishable { get; set; }
}
