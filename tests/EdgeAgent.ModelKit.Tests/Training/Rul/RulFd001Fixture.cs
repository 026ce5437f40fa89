using EdgeAgent.ModelKit.Training.Rul;
using EdgeAgent.TestKit;

namespace EdgeAgent.ModelKit.Tests.Training.Rul;

/// <summary>Trains the FD001 model once (default options, every training engine) and evaluates it on the test engines.</summary>
public sealed class RulFd001Fixture
{
    public RulFd001Fixture()
    {
        Model = RulTrainer.Train(new RulTrainingOptions(), SharedAssets.Data("cmapss_fd001", "train_FD001.txt"));
        Metrics = RulEvaluator.Evaluate(Model, SharedAssets.Data("cmapss_fd001", "test_FD001.txt"), SharedAssets.Data("cmapss_fd001", "RUL_FD001.txt"));
    }

    public TrainedRulModel Model { get; }

    public RulMetrics Metrics { get; }
}
