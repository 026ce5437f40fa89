namespace EdgeAgent.ModelKit.Training;

/// <summary>What a dense layer applies to its weighted sums.</summary>
public enum LayerActivation
{
    /// <summary>Nothing: the output layer of a regressor or autoencoder.</summary>
    Linear,

    /// <summary>max(0, z).</summary>
    Relu,
}
