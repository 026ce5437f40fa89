using EdgeAgent.TestKit;
using Microsoft.Data.Sqlite;

namespace EdgeAgent.Agent.Tests;

/// <summary>Starts the built agent as a child process on the simulator, with a store in a folder of the test's.</summary>
internal static class AgentRun
{
    public static string[] Settings(string packagePath, string workDir, params string[] more) =>
    [
        DemoModelFixture.AgentDll,
        $"--Model:PackagePath={packagePath}",
        $"--Store:Path={Path.Combine(workDir, "agent.db")}",
        "--Sensors:Source=Simulator",
        "--Sensors:Simulator:Speed=0",
        "--LocalPage:Enabled=false",
        "--Agent:DeviceId=test-device",
        .. more,
    ];

    public static RunningProcess Start(string packagePath, string workDir, params string[] more) =>
        RunningProcess.Start("dotnet", Settings(packagePath, workDir, more), workingDirectory: workDir);

    public static Task<ProcessResult> RunToEndAsync(string packagePath, string workDir, params string[] more) =>
        ProcessRunner.RunAsync("dotnet", Settings(packagePath, workDir, more), TimeSpan.FromMinutes(1));

    /// <summary>Opens the store file read-only, as an outside checker would.</summary>
    public static SqliteConnection OpenStore(string workDir)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(workDir, "agent.db"),
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        connection.Open();
        return connection;
    }

    public static long Scalar(SqliteConnection connection, string sql)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string Text(SqliteConnection connection, string sql)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }
}
