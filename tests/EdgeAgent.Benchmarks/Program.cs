using EdgeAgent.Benchmarks;

return BenchCommand.Run(args, Console.Out, Console.Error);
