using EdgeAgent.AgentBench;

return await AgentBench.RunAsync(args, Console.Out, Console.Error);
