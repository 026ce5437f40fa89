using EdgeAgent.DriftEval;

return DriftEvaluation.Run(args, Console.Out, Console.Error);
