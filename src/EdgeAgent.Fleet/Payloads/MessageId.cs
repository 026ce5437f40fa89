using System.Globalization;
using System.Security.Cryptography;

namespace EdgeAgent.Fleet.Payloads;

/// <summary>
/// Message ids: <c>&lt;epoch&gt;:&lt;sequence&gt;</c>. The epoch is 16 hex digits drawn once per store, so a device whose store
/// was recreated (sequence numbers start again at 1) never repeats an id; the sequence is the stream's number without gaps.
/// </summary>
public static class MessageId
{
    /// <summary>A new random epoch: 16 lowercase hex digits.</summary>
    public static string NewEpoch() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    /// <summary>The id of message <paramref name="sequence"/> of a stream in <paramref name="epoch"/>.</summary>
    public static string Format(string epoch, long sequence) => string.Create(CultureInfo.InvariantCulture, $"{epoch}:{sequence}");

    /// <summary>Splits an id into its epoch and sequence number; false when it is not one.</summary>
    public static bool TryParse(string? id, out string epoch, out long sequence)
    {
        epoch = "";
        sequence = 0;
        int colon = id?.LastIndexOf(':') ?? -1;
        if (colon <= 0 || !long.TryParse(id.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out sequence))
        {
            return false;
        }

        epoch = id![..colon];
        return true;
    }
}
