using Classet.Boooply.Webhooks.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

try
{
    return await CliApplication.RunAsync(args, Console.Out, Console.Error, cancellation.Token).ConfigureAwait(false);
}
catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
{
    await Console.Error.WriteLineAsync("Cancelled.").ConfigureAwait(false);
    return CliExitCodes.Failure;
}
