using EdgeAgent.TestKit;

namespace EdgeAgent.Inference.Tests;

public sealed class ConformanceTests
{
    public static TheoryData<string> Cases() => [.. ConformanceCase.AllNames()];

    [Fact]
    public void AllNames_SharedQuantizedSuite_FindsEveryCase()
    {
        // 13 cases from ONNX 1.14 and 2 int8 QLinearMatMul cases from later ONNX (see SOURCE.md there).
        Assert.Equal(15, ConformanceCase.AllNames().Count());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Run_QuantizedConformanceCase_MatchesExpectedOutput(string name)
    {
        ConformanceCase testCase = ConformanceCase.Load(name);
        using var engine = InferenceEngine.Load(testCase.ModelPath);

        var inputs = testCase.Inputs
            .Select((t, i) => InferenceInput.FromArray(string.IsNullOrEmpty(t.Name) ? engine.Model.Inputs[i].Name : t.Name, t.Data, t.Shape))
            .ToList();
        InferenceResult result = engine.Run(inputs);

        Assert.Equal(testCase.Outputs.Count, result.Outputs.Count);
        for (int i = 0; i < testCase.Outputs.Count; i++)
        {
            ConformanceTensor expected = testCase.Outputs[i];
            InferenceOutput actual = string.IsNullOrEmpty(expected.Name) ? result.Outputs[i] : result[expected.Name];
            Assert.Equal(expected.Shape, actual.Shape);
            Assert.Equal(expected.Data.GetType(), actual.Data.GetType());
            if (expected.Data is float[] expectedFloats)
            {
                float[] actualFloats = actual.As<float>();
                for (int k = 0; k < expectedFloats.Length; k++)
                {
                    Assert.True(
                        Math.Abs(expectedFloats[k] - actualFloats[k]) <= 1e-6f * Math.Max(1f, Math.Abs(expectedFloats[k])),
                        $"{name} output {i}[{k}]: expected {expectedFloats[k]}, got {actualFloats[k]}");
                }
            }
            else
            {
                Assert.Equal(expected.Data.Cast<object>(), actual.Data.Cast<object>());
            }
        }
    }
}
