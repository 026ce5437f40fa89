using Microsoft.Extensions.Options;
using static EdgeAgent.Drift.OptionsText;

namespace EdgeAgent.Drift.Monitoring;

/// <summary>Checks <see cref="DriftOptions"/> and names each bad setting (<c>Drift:PsiThreshold</c> and so on).</summary>
public sealed class DriftOptionsValidator : IValidateOptions<DriftOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, DriftOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        Collect(options, errors);
        return Result(errors);
    }

    /// <summary>Adds a message for each bad setting of <paramref name="o"/>.</summary>
    internal static void Collect(DriftOptions o, List<string> errors)
    {
        const string s = DriftOptions.SectionName;
        bool windowCountGood = o.WindowCount is >= 10 and <= 100_000;
        if (!windowCountGood)
        {
            errors.Add(Invariant($"{s}:WindowCount is {o.WindowCount}; it must be 10 to 100000 (live windows per judged batch, such as 200)."));
        }

        if (o.EvaluateEvery < 1 || (windowCountGood && o.EvaluateEvery > o.WindowCount))
        {
            errors.Add(Invariant($"{s}:EvaluateEvery is {o.EvaluateEvery}; it must be 1 to {s}:WindowCount ({o.WindowCount})."));
        }

        if (o.MinimumWindows > 100_000_000 || (windowCountGood && o.MinimumWindows < o.WindowCount))
        {
            errors.Add(Invariant($"{s}:MinimumWindows is {o.MinimumWindows}; it must be at least {s}:WindowCount ({o.WindowCount}) and at most 100000000."));
        }

        if (o.TargetRunLength > 1_000_000_000 || o.TargetRunLength < 10L * Math.Max(o.EvaluateEvery, 1))
        {
            errors.Add(Invariant($"{s}:TargetRunLength is {o.TargetRunLength}; it must be at least 10 × {s}:EvaluateEvery ({10L * Math.Max(o.EvaluateEvery, 1)}) and at most 1000000000 windows."));
        }

        CheckPositive(o.PsiThreshold, $"{s}:PsiThreshold", errors);
        CheckPositive(o.DistanceThreshold, $"{s}:DistanceThreshold", errors);
        CheckPositive(o.PageHinkleyLambda, $"{s}:PageHinkleyLambda", errors);
        if (!double.IsFinite(o.PageHinkleyDelta) || o.PageHinkleyDelta < 0 || o.PageHinkleyDelta > 5)
        {
            errors.Add($"{s}:PageHinkleyDelta is {Number(o.PageHinkleyDelta)}; it must be 0 to 5 (reference standard deviations, such as 0.5).");
        }

        if (o.LogRepeatInterval < TimeSpan.FromSeconds(1) || o.LogRepeatInterval > TimeSpan.FromDays(7))
        {
            errors.Add(Invariant($"{s}:LogRepeatInterval is {o.LogRepeatInterval}; it must be 1 s to 7 days."));
        }
    }

    private static void CheckPositive(double? value, string setting, List<string> errors)
    {
        if (value is { } v && (!double.IsFinite(v) || v <= 0))
        {
            errors.Add($"{setting} is {Number(v)}; it must be above 0.");
        }
    }
}
