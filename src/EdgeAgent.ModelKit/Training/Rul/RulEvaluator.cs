using EdgeAgent.Inference;
using EdgeAgent.ModelKit.Data;
using EdgeAgent.ModelKit.Metrics;
using EdgeAgent.ModelKit.Training.Features;

namespace EdgeAgent.ModelKit.Training.Rul;

/// <summary>
/// Scores an exported RUL model with ONNX Runtime by the standard C-MAPSS protocol: the window ending at the
/// last cycle of each test engine against line i of the RUL file (the true, uncapped RUL of engine i).
/// </summary>
public static class RulEvaluator
{
    /// <summary>Evaluates a trained model.</summary>
    public static RulMetrics Evaluate(TrainedRulModel model, string testPath, string rulPath)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Evaluate(model.OnnxModel, model.Features, testPath, rulPath);
    }

    /// <summary>Evaluates ONNX model bytes whose input is the vector <paramref name="features"/> describes.</summary>
    /// <exception cref="DataFormatException">A file is missing or malformed, or the RUL file has another number of engines.</exception>
    public static RulMetrics Evaluate(byte[] onnxModel, WindowFeatureSpec features, string testPath, string rulPath)
    {
        ArgumentNullException.ThrowIfNull(onnxModel);
        ArgumentNullException.ThrowIfNull(features);
        IReadOnlyList<CmapssEngine> engines = CmapssEngine.Split(DelimitedReader.ReadCmapss(testPath));
        double[] trueRul = DelimitedReader.ReadWhitespace(rulPath, ["rul"]).Numeric("rul");
        if (trueRul.Length != engines.Count)
        {
            throw new DataFormatException(rulPath, 0, $"the file holds {trueRul.Length} RUL values but {testPath} has {engines.Count} engines.");
        }

        int width = features.Features.Count;
        var inputs = new float[engines.Count * width];
        for (int i = 0; i < engines.Count; i++)
        {
            RulWindows.LastWindow(engines[i], features).CopyTo(inputs, i * width);
        }

        float[] outputs;
        using (InferenceEngine engine = InferenceEngine.Load(onnxModel, source: "RUL model"))
        {
            outputs = engine.Run(InferenceInput.Create(NetworkOnnxExporter.InputName, inputs, engines.Count, width))[NetworkOnnxExporter.RegressorOutputName].As<float>();
        }

        var predictions = new RulPrediction[engines.Count];
        for (int i = 0; i < engines.Count; i++)
        {
            predictions[i] = new RulPrediction(engines[i].Unit, engines[i].Cycles, trueRul[i], outputs[i], engines[i].Cycles < features.WindowLength);
        }

        double[] predicted = [.. predictions.Select(p => p.PredictedRul)];
        return new RulMetrics(
            RegressionMetrics.Rmse(predicted, trueRul),
            RegressionMetrics.NasaScore(predicted, trueRul),
            RegressionMetrics.Mae(predicted, trueRul),
            predictions);
    }
}
