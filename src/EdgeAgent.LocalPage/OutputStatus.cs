namespace EdgeAgent.LocalPage;

/// <summary>One alert output (a lamp, a relay).</summary>
/// <param name="Name">Its name, e.g. <c>lamp.warning</c>.</param>
/// <param name="On">Whether it is on now.</param>
/// <param name="Healthy">False when driving it failed.</param>
public sealed record OutputStatus(string Name, bool On, bool Healthy);
