namespace EdgeAgent.Sensing.Pacing;

/// <summary>Times of evenly spaced rows, exact to the tick however long the stream runs.</summary>
internal static class StreamTime
{
    /// <summary>Ticks from the start to row <paramref name="index"/> at <paramref name="rate"/> rows per second, rounded to the nearest tick.</summary>
    public static long TicksAt(long index, double rate)
    {
        // Whole seconds apart from the remainder keep the product small, so the rounding stays exact for long streams.
        double seconds = Math.Floor(index / rate);
        double remainder = index - (seconds * rate);
        if (remainder < 0)
        {
            seconds -= 1;
            remainder += rate;
        }

        return ((long)seconds * TimeSpan.TicksPerSecond) + (long)Math.Round(remainder * TimeSpan.TicksPerSecond / rate, MidpointRounding.AwayFromZero);
    }

    /// <summary>Seconds from the start to row <paramref name="index"/> at <paramref name="rate"/> rows per second.</summary>
    public static double SecondsAt(long index, double rate) => index / rate;

    /// <summary>The first row index at or after <paramref name="time"/> since the start.</summary>
    public static long FirstIndexAtOrAfter(TimeSpan time, double rate)
    {
        double exact = time.Ticks * rate / TimeSpan.TicksPerSecond;
        double rounded = Math.Round(exact);

        // Within a millionth of a row of a whole row: that row (float error must not move a boundary by one).
        return Math.Abs(exact - rounded) < 1e-6 ? (long)rounded : (long)Math.Ceiling(exact);
    }
}
