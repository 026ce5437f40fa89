namespace EdgeAgent.ModelKit.Training;

/// <summary>
/// Adam (Kingma and Ba) with optional decoupled weight decay, updating a network's layers in place.
/// The bias corrections use β^t kept by repeated multiplication, so no library power function is involved.
/// </summary>
internal sealed class AdamOptimizer
{
    private readonly NetworkTrainerOptions _options;
    private readonly float[][] _weightMoment1;
    private readonly float[][] _weightMoment2;
    private readonly float[][] _biasMoment1;
    private readonly float[][] _biasMoment2;
    private double _beta1Power = 1;
    private double _beta2Power = 1;

    public AdamOptimizer(DenseNetwork network, NetworkTrainerOptions options)
    {
        _options = options;
        _weightMoment1 = [.. network.Layers.Select(l => new float[l.Weights.Length])];
        _weightMoment2 = [.. network.Layers.Select(l => new float[l.Weights.Length])];
        _biasMoment1 = [.. network.Layers.Select(l => new float[l.Bias.Length])];
        _biasMoment2 = [.. network.Layers.Select(l => new float[l.Bias.Length])];
    }

    /// <summary>Applies one step with the gradients of every layer.</summary>
    public void Step(DenseNetwork network, float[][] weightGradients, float[][] biasGradients, double learningRate)
    {
        _beta1Power *= _options.Beta1;
        _beta2Power *= _options.Beta2;
        float beta1 = (float)_options.Beta1;
        float beta2 = (float)_options.Beta2;
        float correction1 = (float)(1.0 / (1.0 - _beta1Power));
        float correction2 = (float)(1.0 / (1.0 - _beta2Power));
        float rate = (float)learningRate;
        float epsilon = (float)_options.Epsilon;
        float decay = (float)(learningRate * _options.WeightDecay);
        for (int l = 0; l < network.Layers.Count; l++)
        {
            DenseLayer layer = network.Layers[l];
            Update(layer.Weights, weightGradients[l], _weightMoment1[l], _weightMoment2[l], beta1, beta2, correction1, correction2, rate, epsilon, decay);
            Update(layer.Bias, biasGradients[l], _biasMoment1[l], _biasMoment2[l], beta1, beta2, correction1, correction2, rate, epsilon, 0f);
        }
    }

    private static void Update(
        float[] parameters, float[] gradients, float[] moment1, float[] moment2,
        float beta1, float beta2, float correction1, float correction2, float rate, float epsilon, float decay)
    {
        float oneMinusBeta1 = 1f - beta1;
        float oneMinusBeta2 = 1f - beta2;
        for (int i = 0; i < parameters.Length; i++)
        {
            float g = gradients[i];
            float m = (beta1 * moment1[i]) + (oneMinusBeta1 * g);
            float v = (beta2 * moment2[i]) + (oneMinusBeta2 * (g * g));
            moment1[i] = m;
            moment2[i] = v;
            float step = rate * (m * correction1) / (MathF.Sqrt(v * correction2) + epsilon);
            parameters[i] = parameters[i] - step - (decay * parameters[i]);
        }
    }
}
