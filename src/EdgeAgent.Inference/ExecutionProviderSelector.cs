using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;

namespace EdgeAgent.Inference;

/// <summary>Appends the preferred execution providers that the native library has, in order, and records why others were skipped.</summary>
internal static class ExecutionProviderSelector
{
    /// <summary>The providers this ONNX Runtime library was built with.</summary>
    public static IReadOnlyList<string> Available { get; } = RuntimeEnvironment.Instance.GetAvailableProviders();

    public static List<ExecutionProviderChoice> Apply(SessionOptions session, IEnumerable<string> preference, ILogger logger)
    {
        var choices = new List<ExecutionProviderChoice>();
        foreach (string requested in preference)
        {
            string provider = ExecutionProviderNames.Resolve(requested)
                ?? throw new ArgumentException($"Unknown execution provider '{requested}'.", nameof(preference));
            if (choices.Any(c => c.Provider == provider))
            {
                continue;
            }

            string? reason = TryAppend(session, provider);
            choices.Add(new ExecutionProviderChoice(requested, provider, reason is null, reason));
            if (reason is null)
            {
                Log.ProviderEnabled(logger, provider);
            }
            else
            {
                Log.ProviderSkipped(logger, provider, reason);
            }
        }

        if (!choices.Any(c => c.Provider == ExecutionProviderNames.Cpu))
        {
            choices.Add(new ExecutionProviderChoice("CPU", ExecutionProviderNames.Cpu, true, null));
        }

        return choices;
    }

    private static string? TryAppend(SessionOptions session, string provider)
    {
        if (!Available.Contains(provider))
        {
            return $"not in this ONNX Runtime library (it has {string.Join(", ", Available)}); falling back to the next preference";
        }

        try
        {
            switch (provider)
            {
                case ExecutionProviderNames.Cpu:
                    break; // CPU is built in and always last.
                case "CUDAExecutionProvider":
                    session.AppendExecutionProvider_CUDA(0);
                    break;
                case "TensorrtExecutionProvider":
                    session.AppendExecutionProvider_Tensorrt(0);
                    break;
                case "ROCMExecutionProvider":
                    session.AppendExecutionProvider_ROCm(0);
                    break;
                case "DnnlExecutionProvider":
                    session.AppendExecutionProvider_Dnnl();
                    break;
                case "XnnpackExecutionProvider":
                    session.AppendExecutionProvider("XNNPACK");
                    break;
                default:
                    session.AppendExecutionProvider(provider.Replace("ExecutionProvider", "", StringComparison.Ordinal));
                    break;
            }

            return null;
        }
        catch (OnnxRuntimeException ex)
        {
            return $"failed to start ({ex.Message}); falling back to the next preference";
        }
    }
}
