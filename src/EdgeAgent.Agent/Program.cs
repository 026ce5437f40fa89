using EdgeAgent.Agent;
using EdgeAgent.Agent.Recording;

return args is ["record", ..] ? await RecordCommand.RunAsync(args[1..], Console.Out, Console.Error) : await AgentHost.RunAsync(args, Console.Error);
