using System.Globalization;
using System.Text;
using EdgeAgent.Storage;

namespace EdgeAgent.Alerting.Rules;

/// <summary>The text of a raised alert: the rule's <see cref="AlertRuleOptions.Text"/> template, or a sentence with the numbers.</summary>
internal static class AlertText
{
    private static readonly string[] Placeholders = ["rule", "output", "value", "direction", "threshold", "clearAt", "duration", "severity"];

    /// <summary>The known placeholders, for messages.</summary>
    public static string PlaceholderList { get; } = string.Join(", ", Placeholders.Select(p => $"{{{p}}}"));

    /// <summary>
    /// The text for <paramref name="rule"/> raised by <paramref name="value"/> after the condition held for
    /// <paramref name="held"/>: "score 4.21 above 3.17 for 2.0 s (rule bearing-warning)" unless the rule has a template.
    /// </summary>
    public static string Format(AlertRuleOptions rule, float value, TimeSpan held)
    {
        string valueText = value.ToString("G3", CultureInfo.InvariantCulture);
        string heldText = held.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        if (rule.Text is null)
        {
            return $"{rule.Output} {valueText} {AlertRuleChecks.Word(rule.Direction)} {OptionsText.Number(rule.RaiseAt)} for {heldText} s (rule {rule.Name})";
        }

        var text = new StringBuilder(rule.Text.Length + 32);
        foreach ((bool isPlaceholder, string part) in Parts(rule.Text))
        {
            text.Append(!isPlaceholder ? part : part switch
            {
                "rule" => rule.Name,
                "output" => rule.Output,
                "value" => valueText,
                "direction" => AlertRuleChecks.Word(rule.Direction),
                "threshold" => OptionsText.Number(rule.RaiseAt),
                "clearAt" => OptionsText.Number(rule.ClearAt ?? rule.RaiseAt),
                "duration" => heldText,
                "severity" => rule.Severity.ToString().ToLowerInvariant(),
                _ => $"{{{part}}}",
            });
        }

        return text.ToString();
    }

    /// <summary>The first <c>{word}</c> in <paramref name="template"/> that is not a known placeholder, or null.</summary>
    public static string? FirstUnknownPlaceholder(string template) =>
        Parts(template).Where(p => p.IsPlaceholder && !Placeholders.Contains(p.Text, StringComparer.Ordinal)).Select(p => p.Text).FirstOrDefault();

    /// <summary>The template cut into literal text and <c>{word}</c> placeholders (without the braces). An unclosed brace is literal.</summary>
    private static IEnumerable<(bool IsPlaceholder, string Text)> Parts(string template)
    {
        int i = 0;
        while (i < template.Length)
        {
            int open = template.IndexOf('{', i);
            int close = open < 0 ? -1 : template.IndexOf('}', open + 1);
            if (close < 0)
            {
                yield return (false, template[i..]);
                yield break;
            }

            if (open > i)
            {
                yield return (false, template[i..open]);
            }

            yield return (true, template[(open + 1)..close]);
            i = close + 1;
        }
    }
}
