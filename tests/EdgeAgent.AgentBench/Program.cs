using EdgeAgent.AgentBench;

if (!OperatingSystem.IsLinux())
{
    await Console.Error.WriteLineAsync("the agent benchmark runs on Linux (it pins itself to one core)");
    return 2;
}

return await AgentBench.RunAsync(args, Console.Out, Console.Error);
