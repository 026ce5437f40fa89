using System.Runtime.Intrinsics;

namespace EdgeAgent.ModelKit.Training;

/// <summary>
/// The two float kernels of training and inference. Both use 128-bit vectors (four lanes on every
/// platform) and a fixed order of additions, with no fused multiply-add, so results do not depend on
/// the machine's vector width.
/// </summary>
internal static class DenseMath
{
    /// <summary>Σ a[i]·b[i]: four lane sums, combined as (l0 + l1) + (l2 + l3), then the tail in order.</summary>
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        int n = a.Length;
        int i = 0;
        var acc = Vector128<float>.Zero;
        for (; i <= n - 4; i += 4)
        {
            acc += Vector128.Create(a.Slice(i, 4)) * Vector128.Create(b.Slice(i, 4));
        }

        float sum = (acc.GetElement(0) + acc.GetElement(1)) + (acc.GetElement(2) + acc.GetElement(3));
        for (; i < n; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    /// <summary>destination[i] += alpha · source[i].</summary>
    public static void AddScaled(Span<float> destination, float alpha, ReadOnlySpan<float> source)
    {
        int n = destination.Length;
        int i = 0;
        var a = Vector128.Create(alpha);
        for (; i <= n - 4; i += 4)
        {
            var d = Vector128.Create((ReadOnlySpan<float>)destination.Slice(i, 4)) + (a * Vector128.Create(source.Slice(i, 4)));
            d.CopyTo(destination.Slice(i, 4));
        }

        for (; i < n; i++)
        {
            destination[i] += alpha * source[i];
        }
    }
}
