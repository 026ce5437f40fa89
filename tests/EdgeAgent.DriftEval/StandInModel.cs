namespace EdgeAgent.DriftEval;

/// <summary>A stand-in anomaly model: the mean squared standardized deviation of the columns it uses.</summary>
internal sealed class StandInModel((double Mean, double Std, bool Used)[] columns)
{
    public float Score(ReadOnlySpan<float> row)
    {
        double sum = 0;
        int used = 0;
        for (int j = 0; j < columns.Length; j++)
        {
            if (columns[j].Used)
            {
                double z = (row[j] - columns[j].Mean) / columns[j].Std;
                sum += z * z;
                used++;
            }
        }

        return used == 0 ? 0 : (float)(sum / used);
    }
}
