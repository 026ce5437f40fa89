using EdgeAgent.ModelKit.Training;

namespace EdgeAgent.ModelKit.Tests.Training;

public sealed class NetworkTrainerTests
{
    private static readonly NetworkTrainerOptions Small = new() { HiddenLayers = [16, 8], Epochs = 15, BatchSize = 16, LearningRate = 5e-3, Seed = 42 };

    [Fact]
    public void Train_TwiceWithSameDataOptionsAndSeed_GivesByteIdenticalOnnx()
    {
        TrainingSet data = SyntheticData.Regression(300, seed: 7);

        byte[] first = NetworkOnnxExporter.Regressor(NetworkTrainer.Train(data, Small).Network, "determinism");
        byte[] second = NetworkOnnxExporter.Regressor(NetworkTrainer.Train(SyntheticData.Regression(300, seed: 7), Small).Network, "determinism");

        Assert.Equal(first, second);
    }

    [Fact]
    public void Train_AnotherSeed_GivesOtherWeights()
    {
        TrainingSet data = SyntheticData.Regression(300, seed: 7);

        byte[] first = NetworkOnnxExporter.Regressor(NetworkTrainer.Train(data, Small).Network, "determinism");
        byte[] other = NetworkOnnxExporter.Regressor(NetworkTrainer.Train(data, Small with { Seed = 43 }).Network, "determinism");

        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Train_SmoothFunction_FitsWellBelowTargetVariance()
    {
        TrainingSet training = SyntheticData.Regression(2000, seed: 1);
        TrainingSet validation = SyntheticData.Regression(500, seed: 2);
        double variance = Variance(validation.Targets);

        TrainingResult result = NetworkTrainer.Train(training, Small with { Epochs = 40 }, validation);

        double mse = NetworkTrainer.MeanSquaredError(result.Network, validation);
        Assert.True(mse < 0.02 * variance, $"validation MSE {mse} vs target variance {variance}");
        Assert.Equal(40, result.Log.Epochs.Count);
        Assert.All(result.Log.Epochs, e => Assert.NotNull(e.ValidationLoss));
        Assert.True(result.Log.Epochs[^1].TrainingLoss < result.Log.Epochs[0].TrainingLoss);
        Assert.Equal(result.Log.Epochs.MinBy(e => e.ValidationLoss)!.Epoch, result.Log.ReturnedEpoch);
    }

    [Fact]
    public void Train_LearningRateSchedule_FallsLinearlyToFinalFraction()
    {
        TrainingResult result = NetworkTrainer.Train(SyntheticData.Regression(50, seed: 3), Small with { Epochs = 5, LearningRate = 1e-2, FinalLearningRateFraction = 0.2 });

        Assert.Equal([1e-2, 8e-3, 6e-3, 4e-3, 2e-3], result.Log.Epochs.Select(e => Math.Round(e.LearningRate, 12)));
    }

    [Fact]
    public void Train_NormalizationIsFittedOnTrainingRowsOnly()
    {
        TrainingSet training = SyntheticData.Regression(100, seed: 4);

        TrainingResult result = NetworkTrainer.Train(training, Small with { Epochs = 1 }, SyntheticData.Regression(100, seed: 5));

        FeatureNormalization expected = FeatureNormalization.Fit(training.Inputs, training.Count, training.InputWidth);
        Assert.Equal(expected.Mean, result.Network.Normalization.Mean);
        Assert.Equal(expected.StandardDeviation, result.Network.Normalization.StandardDeviation);
    }

    [Fact]
    public void Options_OutOfRange_AreRejected()
    {
        TrainingSet data = SyntheticData.Regression(10, seed: 1);

        Assert.Throws<ArgumentException>(() => NetworkTrainer.Train(data, Small with { Epochs = 0 }));
        Assert.Throws<ArgumentException>(() => NetworkTrainer.Train(data, Small with { LearningRate = 0 }));
        Assert.Throws<ArgumentException>(() => NetworkTrainer.Train(data, Small with { HiddenLayers = [4, 0] }));
        Assert.Throws<ArgumentException>(() => NetworkTrainer.Train(data, Small with { HiddenActivations = [LayerActivation.Relu] }));
    }

    [Fact]
    public void Initialize_UsesHeForReluAndXavierForLinearLayers()
    {
        var normalization = new FeatureNormalization(new float[100], [.. Enumerable.Repeat(1f, 100)]);

        DenseNetwork network = DenseNetwork.Initialize(normalization, [50], 10, seed: 9);

        float heLimit = MathF.Sqrt(6f / 100);
        float xavierLimit = MathF.Sqrt(6f / (50 + 10));
        Assert.All(network.Layers[0].Weights, w => Assert.InRange(Math.Abs(w), 0, heLimit));
        Assert.Contains(network.Layers[0].Weights, w => Math.Abs(w) > 0.9 * heLimit);
        Assert.All(network.Layers[1].Weights, w => Assert.InRange(Math.Abs(w), 0, xavierLimit));
        Assert.Equal(LayerActivation.Relu, network.Layers[0].Activation);
        Assert.Equal(LayerActivation.Linear, network.Layers[1].Activation);
        Assert.All(network.Layers.SelectMany(l => l.Bias), b => Assert.Equal(0f, b));
    }

    private static double Variance(float[] values)
    {
        double mean = values.Average(v => (double)v);
        return values.Average(v => (v - mean) * (v - mean));
    }
}
