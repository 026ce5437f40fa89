using EdgeAgent.Kit;

return KitCli.Run(args, Console.Out, Console.Error);
