using EdgeAgent.TestKit;

namespace EdgeAgent.Broker.Tests;

/// <summary>Runs the committed deploy/mosquitto/provision-device.sh against a test's broker folder and fleet CA.</summary>
public sealed class ProvisionScript(string confDirectory, string caKeyFile, string outDirectory)
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromSeconds(60);

    public string OutDirectory => outDirectory;

    /// <summary>Runs the script with <paramref name="arguments"/>; <paramref name="password"/> goes in EDGEAGENT_MQTT_PASSWORD.</summary>
    public Task<ProcessResult> RunAsync(IEnumerable<string> arguments, string? password = null) => ProcessRunner.RunAsync(
        "bash",
        [DeployFiles.ProvisionScript, "--conf-dir", confDirectory, "--ca-key", caKeyFile, "--out", outDirectory, .. arguments],
        ScriptTimeout,
        new Dictionary<string, string?> { ["EDGEAGENT_MQTT_PASSWORD"] = password });

    public Task<ProvisionedClient> ProvisionDeviceAsync(string fleet, string deviceId) => ProvisionAsync([fleet, deviceId], deviceId);

    public Task<ProvisionedClient> ProvisionFleetManagerAsync() => ProvisionAsync(["--fleet-manager"], "fleet-manager");

    private async Task<ProvisionedClient> ProvisionAsync(string[] arguments, string id)
    {
        ProcessResult result = await RunAsync(arguments);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(result.Describe());
        }

        return ProvisionedClient.Read(outDirectory, id);
    }
}
