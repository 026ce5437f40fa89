using EdgeAgent.Storage;
using Microsoft.Extensions.Options;

namespace EdgeAgent.Alerting.Outputs;

/// <summary>Checks <see cref="GpioAlertOutputOptions"/> and names each bad setting (<c>AlertOutputs:Gpio:Lines:Warning</c> and so on).</summary>
public sealed class GpioAlertOutputOptionsValidator : IValidateOptions<GpioAlertOutputOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, GpioAlertOutputOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        Collect(options, errors);
        return OptionsText.Result(errors);
    }

    /// <summary>Adds a message for each bad setting; only <see cref="GpioAlertOutputOptions.Driver"/> is checked while the output is disabled.</summary>
    internal static void Collect(GpioAlertOutputOptions o, List<string> errors)
    {
        const string s = GpioAlertOutputOptions.SectionName;
        if (!Enum.IsDefined(o.Driver))
        {
            errors.Add($"{s}:Driver is {o.Driver}; it must be Character or Simulated.");
        }

        if (!o.Enabled)
        {
            return;
        }

        if (o.Driver == GpioDriverKind.Character && string.IsNullOrWhiteSpace(o.Chip))
        {
            errors.Add($"{s}:Chip is empty; it must name the GPIO chip device, such as /dev/gpiochip0.");
        }

        if (o.SilenceOnAcknowledge is null)
        {
            errors.Add($"{s}:SilenceOnAcknowledge is missing.");
        }

        if (o.Lines is null)
        {
            errors.Add($"{s}:Lines is missing.");
            return;
        }

        var severityOfLine = new Dictionary<int, AlertSeverity>();
        bool any = false;
        foreach (AlertSeverity severity in Enum.GetValues<AlertSeverity>())
        {
            if (o.Lines.For(severity) is not { } line)
            {
                continue;
            }

            any = true;
            if (line < 0)
            {
                errors.Add(OptionsText.Invariant($"{s}:Lines:{severity} is {line}; a line offset is 0 or more."));
            }
            else if (!severityOfLine.TryAdd(line, severity))
            {
                errors.Add(OptionsText.Invariant($"{s}:Lines:{severity} is {line}, the same line as {s}:Lines:{severityOfLine[line]}; each severity needs its own line."));
            }
        }

        if (!any)
        {
            errors.Add($"{s}:Lines sets no line; set {s}:Lines:Warning (and Info, Critical as wired), or set {s}:Enabled to false.");
        }
    }
}
