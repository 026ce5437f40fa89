using System.Globalization;

namespace EdgeAgent.Broker.Tests;

/// <summary>
/// The committed mosquitto.conf made runnable in a test: only the file paths, the listener's port and address, the user
/// mosquitto runs as and the log destination are replaced; every other line, the security settings included, is kept as
/// committed, so a wrong committed setting fails the tests.
/// </summary>
public static class DeployedConfig
{
    /// <summary>The listener line the committed file must have: MQTT over TLS on the standard port, every interface.</summary>
    public const string CommittedListener = "listener 8883";

    /// <exception cref="InvalidOperationException">A line to replace is missing, repeated, or the listener is not <see cref="CommittedListener"/>.</exception>
    public static string[] Render(IEnumerable<string> committed, BrokerFiles files, int port, string brokerDirectory)
    {
        var replacements = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["listener"] = string.Create(CultureInfo.InvariantCulture, $"{port} 127.0.0.1"),
            ["cafile"] = files.CaFile,
            ["certfile"] = files.CertFile,
            ["keyfile"] = files.KeyFile,
            ["password_file"] = files.PasswordFile,
            ["acl_file"] = files.AclFile,
            ["persistence_location"] = brokerDirectory + "/",
            ["pid_file"] = Path.Combine(brokerDirectory, "mosquitto.pid"),
            ["user"] = Environment.UserName, // as root, mosquitto would otherwise switch to the mosquitto user and lose the temp files
            ["log_dest"] = "stderr", // MosquittoBroker waits for the start line on the broker's output
        };

        var replaced = new HashSet<string>(StringComparer.Ordinal);
        var rendered = new List<string>();
        foreach (string line in committed)
        {
            string trimmed = line.Trim();
            string name = trimmed.Split(' ', 2)[0];
            if (trimmed.StartsWith('#') || !replacements.TryGetValue(name, out string? value))
            {
                rendered.Add(line);
                continue;
            }

            if (name == "listener" && trimmed != CommittedListener)
            {
                throw new InvalidOperationException($"The committed mosquitto.conf has '{trimmed}'; expected the one listener '{CommittedListener}'.");
            }

            if (!replaced.Add(name))
            {
                if (name == "log_dest")
                {
                    continue; // a second destination (such as syslog) is dropped: one to stderr is enough here
                }

                throw new InvalidOperationException($"The committed mosquitto.conf has '{name}' more than once.");
            }

            rendered.Add($"{name} {value}");
        }

        string[] missing = [.. replacements.Keys.Where(name => !replaced.Contains(name))];
        if (missing.Length > 0)
        {
            throw new InvalidOperationException($"The committed mosquitto.conf lacks {string.Join(", ", missing)}.");
        }

        return [.. rendered];
    }
}
