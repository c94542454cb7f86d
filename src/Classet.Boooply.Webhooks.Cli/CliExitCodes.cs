namespace Classet.Boooply.Webhooks.Cli;

/// <summary>The exit codes of <c>classet-boooply-webhooks</c>, the same for every command.</summary>
public static class CliExitCodes
{
    /// <summary>0: delivered (a 2xx answer), verified, or the inbox command done.</summary>
    public const int Success = 0;

    /// <summary>1: the delivery was rejected or got no answer, the captured delivery did not verify, or the inbox could not be read or the entry not replayed.</summary>
    public const int Failure = 1;

    /// <summary>2: the command line was wrong (or a file it names could not be read).</summary>
    public const int Usage = 2;
}
