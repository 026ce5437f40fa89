using EdgeAgent.Features.Quality;

namespace EdgeAgent.Features.Windows;

/// <summary>Taking a due window: copy, repair or skip, record.</summary>
public sealed partial class WindowAssembler
{
    /// <summary>
    /// Copies the due window of every channel into <paramref name="windows"/> (channel c's sample t at <c>c * Window + t</c>),
    /// repairs it as the policies say, and returns its quality. When the status is <see cref="WindowStatus.Skipped"/> the
    /// span's content is not a window and must not be fed.
    /// </summary>
    /// <exception cref="InvalidOperationException">No window is due.</exception>
    public WindowQuality TakeWindow(Span<double> windows)
    {
        if (!IsWindowDue)
        {
            throw new InvalidOperationException("No window is due.");
        }

        if (windows.Length != Plan.WindowsLength)
        {
            throw new ArgumentException($"The windows span holds {windows.Length} samples; the plan needs {Plan.WindowsLength}.", nameof(windows));
        }

        long sequence = ++_sequence;
        SampleFaults all = SampleFaults.None;
        WindowRepairs repairs = WindowRepairs.None;
        int repaired = 0;
        string? reason = null;
        int window = Plan.Window;
        for (int c = 0; c < _rings.Length; c++)
        {
            _newSamples[c] = 0;
            Span<double> x = windows.Slice(c * window, window);
            int missing = _rings[c].CopyLatest(x, _faults, _actions);
            SampleFaults faults = _dropped[c];
            if (_dropped[c] != SampleFaults.None)
            {
                repairs |= WindowRepairs.Dropped;
                _dropped[c] = SampleFaults.None;
            }

            // A gap before the window's first sample is not inside the window.
            if (missing == 0)
            {
                _faults[0] &= ~SampleFaults.Gap;
                if (_actions[0] == RepairAction.SkipWindow)
                {
                    // The value was kept raw because the gap ruled; a hold it would have had is done from its neighbours instead.
                    RepairAction action = _monitors[c].Options.Policy.ActionFor(_faults[0]);
                    _actions[0] = action == RepairAction.HoldLast ? RepairAction.Interpolate : action;
                }
            }

            int skipAt = -1;
            for (int t = missing; t < window; t++)
            {
                faults |= _faults[t];
                if (_actions[t] == RepairAction.SkipWindow && skipAt < 0)
                {
                    skipAt = t;
                }
                else if (_actions[t] == RepairAction.HoldLast)
                {
                    repairs |= WindowRepairs.HeldLast;
                    repaired++;
                }
            }

            _lastFaults[c] = faults;
            all |= faults;
            if (reason is null && skipAt >= 0)
            {
                reason = $"channel '{Plan.Channels[c]}': sample {skipAt - missing + 1} of {window - missing} in the window has {_faults[skipAt]}, whose policy skips the window.";
                Record(sequence, c, faults, reason);
            }

            if (reason is null)
            {
                int interpolated = Interpolate(c, x[missing..], _actions.AsSpan(missing, window - missing), sequence, faults, ref reason);
                if (interpolated > 0)
                {
                    repairs |= WindowRepairs.Interpolated;
                    repaired += interpolated;
                }
            }

            x[..missing].Fill(x[missing]);
        }

        return Finish(new WindowQuality(sequence, Status(all, repairs, reason), all, repairs, repaired, reason));
    }

    private static WindowStatus Status(SampleFaults faults, WindowRepairs repairs, string? reason) =>
        reason is not null ? WindowStatus.Skipped
        : repairs != WindowRepairs.None ? WindowStatus.Repaired
        : faults != SampleFaults.None ? WindowStatus.Flagged
        : WindowStatus.Clean;

    private WindowQuality Finish(WindowQuality quality)
    {
        switch (quality.Status)
        {
            case WindowStatus.Clean:
                CleanWindows++;
                break;
            case WindowStatus.Flagged:
                FlaggedWindows++;
                break;
            case WindowStatus.Repaired:
                RepairedWindows++;
                break;
            default:
                SkippedWindows++;
                break;
        }

        return quality;
    }

    /// <summary>Fills each run of samples marked for interpolation from its good neighbours; returns how many, or 0 and a reason to skip.</summary>
    private int Interpolate(int channel, Span<double> x, ReadOnlySpan<RepairAction> actions, long sequence, SampleFaults faults, ref string? reason)
    {
        int count = 0;
        int limit = _monitors[channel].Options.MaxInterpolationRun;
        int t = 0;
        while (t < x.Length)
        {
            if (actions[t] != RepairAction.Interpolate)
            {
                t++;
                continue;
            }

            int start = t;
            while (t < x.Length && actions[t] == RepairAction.Interpolate)
            {
                t++;
            }

            int length = t - start;
            bool hasLeft = start > 0;
            bool hasRight = t < x.Length;
            if (length > limit || (!hasLeft && !hasRight))
            {
                reason = length > limit
                    ? $"channel '{Plan.Channels[channel]}': {length} faulty samples in a row ({faults}) exceed the interpolation limit of {limit}."
                    : $"channel '{Plan.Channels[channel]}': no good sample in the window to repair {faults} from.";
                Record(sequence, channel, faults, reason);
                return 0;
            }

            double left = hasLeft ? x[start - 1] : x[t];
            double right = hasRight ? x[t] : left;
            for (int k = start; k < t; k++)
            {
                x[k] = left + ((right - left) * (k - start + 1) / (length + 1));
            }

            count += length;
        }

        return count;
    }

    private void Record(long sequence, int channel, SampleFaults faults, string reason)
    {
        if (_skips.Count == SkipsKept)
        {
            _skips.Dequeue();
        }

        _skips.Enqueue(new SkippedWindow(sequence, Plan.Channels[channel], faults, reason));
    }
}
