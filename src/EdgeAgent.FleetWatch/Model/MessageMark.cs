namespace EdgeAgent.FleetWatch.Model;

/// <summary>Where a message stands in its stream: the id's epoch (one per device store) and sequence number.</summary>
internal readonly record struct MessageMark(string Epoch, long Sequence)
{
    /// <summary>
    /// Whether a message marked <paramref name="next"/> supersedes one marked <paramref name="previous"/>: within an epoch a
    /// higher sequence number (repeats and late arrivals are older); a new epoch means the store was recreated, so it wins.
    /// </summary>
    public static bool Supersedes(MessageMark? previous, MessageMark next) =>
        previous is not { } before || before.Epoch != next.Epoch || next.Sequence > before.Sequence;
}
