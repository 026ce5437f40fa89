using EdgeAgent.Mqtt.Topics;
using Microsoft.Extensions.Options;
using static EdgeAgent.Mqtt.OptionsText;

namespace EdgeAgent.Mqtt.Client;

/// <summary>Checks <see cref="MqttClientOptions"/> and names each bad setting (<c>Mqtt:Port</c> and so on); the TLS files must exist.</summary>
public sealed class MqttClientOptionsValidator : IValidateOptions<MqttClientOptions>
{
    private const string S = MqttClientOptions.SectionName;

    private static readonly TimeSpan MinKeepAlive = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan MaxKeepAlive = TimeSpan.FromSeconds(ushort.MaxValue);
    private static readonly TimeSpan MinConnectTimeout = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxConnectTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan MinReconnectDelayFloor = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan MaxReconnectDelayCeiling = TimeSpan.FromHours(1);

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, MqttClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        Collect(options, errors);
        return Result(errors);
    }

    /// <summary>Adds a message for each bad setting of <paramref name="o"/>.</summary>
    internal static void Collect(MqttClientOptions o, List<string> errors)
    {
        CheckEndpoint(o, errors);
        CheckIdentity(o, errors);
        CheckTls(o, errors);
        CheckTimes(o, errors);
        CheckWill(o, errors);
        if (o.MaxQueuedMessages is < 1 or > 1_000_000)
        {
            errors.Add(Invariant($"{S}:MaxQueuedMessages is {o.MaxQueuedMessages}; it must be between 1 and 1000000."));
        }
    }

    private static void CheckEndpoint(MqttClientOptions o, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(o.Host))
        {
            errors.Add($"{S}:Host is empty; it must name the broker, such as mqtt.example.com or 192.168.1.10.");
        }
        else if (o.Host.Contains("://", StringComparison.Ordinal) || o.Host.Any(c => char.IsWhiteSpace(c) || c == '/'))
        {
            errors.Add($"{S}:Host '{o.Host}' must be a bare host name or IP address, without a scheme, path or port (the port is {S}:Port).");
        }

        if (o.Port is { } port && port is < 1 or > 65535)
        {
            errors.Add(Invariant($"{S}:Port is {port}; it must be between 1 and 65535."));
        }
    }

    private static void CheckIdentity(MqttClientOptions o, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(o.ClientId))
        {
            errors.Add($"{S}:ClientId is empty; it must be the device id, such as jetson-0042.");
        }
        else if (o.ClientId.Length > 128)
        {
            errors.Add(Invariant($"{S}:ClientId is {o.ClientId.Length} characters long; at most 128 are allowed."));
        }
        else if (o.ClientId.Any(c => char.IsControl(c) || c is '/' or '+' or '#'))
        {
            errors.Add($"{S}:ClientId '{o.ClientId}' contains a control character or one of '/', '+', '#'; the device id also names its topics.");
        }

        if (o.Password is not null && string.IsNullOrEmpty(o.Username))
        {
            errors.Add($"{S}:Password is set but {S}:Username is empty; the broker checks the password of a user name.");
        }
    }

    private static void CheckTls(MqttClientOptions o, List<string> errors)
    {
        if (!o.UseTls)
        {
            foreach ((string setting, string? value) in new[] { ("CaFile", o.CaFile), ("CertFile", o.CertFile), ("KeyFile", o.KeyFile) })
            {
                if (!string.IsNullOrEmpty(value))
                {
                    errors.Add($"{S}:{setting} is set but {S}:UseTls is false; set {S}:UseTls to true to connect over TLS, or remove {S}:{setting}.");
                }
            }

            return;
        }

        CheckFile("CaFile", o.CaFile, errors);
        CheckFile("CertFile", o.CertFile, errors);
        CheckFile("KeyFile", o.KeyFile, errors);
        if (string.IsNullOrEmpty(o.CertFile) != string.IsNullOrEmpty(o.KeyFile))
        {
            errors.Add(string.IsNullOrEmpty(o.KeyFile)
                ? $"{S}:CertFile is set but {S}:KeyFile is not; a client certificate needs its private key."
                : $"{S}:KeyFile is set but {S}:CertFile is not; a private key needs its client certificate.");
        }
    }

    private static void CheckFile(string setting, string? path, List<string> errors)
    {
        if (string.IsNullOrEmpty(path))
        {
            return;
        }

        if (!File.Exists(path))
        {
            errors.Add($"{S}:{setting} '{path}' does not exist or is not a file.");
        }
    }

    private static void CheckTimes(MqttClientOptions o, List<string> errors)
    {
        if (o.KeepAlive < MinKeepAlive || o.KeepAlive > MaxKeepAlive || o.KeepAlive.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            errors.Add($"{S}:KeepAlive is {Duration(o.KeepAlive)}; it must be a whole number of seconds from 5 s to 65535 s.");
        }

        if (o.ConnectTimeout < MinConnectTimeout || o.ConnectTimeout > MaxConnectTimeout)
        {
            errors.Add($"{S}:ConnectTimeout is {Duration(o.ConnectTimeout)}; it must be from 1 s to 5 min.");
        }

        bool minOk = o.MinReconnectDelay >= MinReconnectDelayFloor && o.MinReconnectDelay <= MaxReconnectDelayCeiling;
        if (!minOk)
        {
            errors.Add($"{S}:MinReconnectDelay is {Duration(o.MinReconnectDelay)}; it must be from 0.01 s to 60 min.");
        }

        if (o.MaxReconnectDelay < MinReconnectDelayFloor || o.MaxReconnectDelay > MaxReconnectDelayCeiling)
        {
            errors.Add($"{S}:MaxReconnectDelay is {Duration(o.MaxReconnectDelay)}; it must be from 0.01 s to 60 min.");
        }
        else if (minOk && o.MaxReconnectDelay < o.MinReconnectDelay)
        {
            errors.Add($"{S}:MaxReconnectDelay is {Duration(o.MaxReconnectDelay)}, below {S}:MinReconnectDelay ({Duration(o.MinReconnectDelay)}); it must be at least that.");
        }
    }

    private static void CheckWill(MqttClientOptions o, List<string> errors)
    {
        if (!Enum.IsDefined(o.WillQos))
        {
            errors.Add($"{S}:WillQos is {o.WillQos}; it must be AtMostOnce or AtLeastOnce.");
        }

        if (o.WillTopic is null)
        {
            return;
        }

        if (!MqttTopic.IsValidTopicName(o.WillTopic, out string? problem))
        {
            errors.Add($"{S}:WillTopic '{o.WillTopic}' cannot be published to: {problem}.");
        }

        if (o.WillPayload is null)
        {
            errors.Add($"{S}:WillPayload is missing; it is what the broker publishes for the device, such as offline.");
        }
    }
}
