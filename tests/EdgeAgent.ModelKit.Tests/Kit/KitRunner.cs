using EdgeAgent.Kit;

namespace EdgeAgent.ModelKit.Tests.Kit;

/// <summary>Runs the edgeagent-kit command line in-process.</summary>
internal static class KitRunner
{
    public static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = KitCli.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
