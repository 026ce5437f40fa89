using EdgeAgent.ModelKit.Data;
using EdgeAgent.ModelKit.Training.Anomaly;
using EdgeAgent.TestKit;

namespace EdgeAgent.ModelKit.Tests.Training.Anomaly;

/// <summary>Trains the AI4I 2020 detector once with the chosen setup.</summary>
public sealed class AnomalyAi4iFixture
{
    public AnomalyAi4iFixture()
    {
        Table = DelimitedReader.ReadCsv(SharedAssets.Data("ai4i2020", "ai4i2020.csv"));
        Model = AnomalyTrainer.Train(Table, Ai4iFeatures.ProcessColumns, Ai4iFeatures.Options, Ai4iFeatures.LabelColumn);
    }

    public DataTable Table { get; }

    public TrainedAnomalyModel Model { get; }
}
