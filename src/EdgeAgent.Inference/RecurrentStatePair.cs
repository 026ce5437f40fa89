namespace EdgeAgent.Inference;

/// <summary>A model output whose value feeds a model input on the next call (recurrent state).</summary>
public sealed record RecurrentStatePair(string Output, string Input);
