using Classet.Boooply.Webhooks.Demo;

// dotnet run --project samples/Classet.Boooply.Webhooks.Demo [-- --verbose]
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

Console.OutputEncoding = System.Text.Encoding.UTF8;
return await DemoRunner.RunAsync(args, Console.Out, cancellation.Token);
