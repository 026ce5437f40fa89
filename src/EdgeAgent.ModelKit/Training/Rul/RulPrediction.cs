namespace EdgeAgent.ModelKit.Training.Rul;

/// <summary>The prediction for one test engine, made from the window ending at its last recorded cycle.</summary>
/// <param name="Unit">The engine number.</param>
/// <param name="Cycles">Cycles recorded for the engine.</param>
/// <param name="TrueRul">The true remaining life after the last cycle (from the RUL file, not capped).</param>
/// <param name="PredictedRul">The model's output, in cycles.</param>
/// <param name="Padded">True when the engine had fewer cycles than the window, so its first cycle was repeated.</param>
public sealed record RulPrediction(int Unit, int Cycles, double TrueRul, double PredictedRul, bool Padded)
{
    /// <summary>Predicted − true: positive is late (the dangerous side).</summary>
    public double Error => PredictedRul - TrueRul;
}
